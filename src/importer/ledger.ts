// The record of imported pages, <content>/_data/imported.json: which captured page each article
// file came from. A re-import finds its article there by the page's identity, whatever editors
// have changed in the article since (date, title, body), so that a page is never published twice.
// The article's front matter cannot carry the identity: its schema has no such field and refuses
// unknown ones. The file sits under `_data/`, which the build never reads as an article.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { UserError } from "../core/errors.ts";
import type { CapturedPage } from "./capture.ts";
import { writeFileAtomically } from "../core/atomic-write.ts";

/** Relative to the content folder. */
export const LEDGER_FILE = "_data/imported.json";

const ABOUT = "Written by npm run import: the captured page each article file came from (a hash of its text), so that importing the page again finds its article even after an edit. Keep it with the articles.";

/**
 * The identity of the article on a captured page: its own fields as the legacy portal showed
 * them. The view count is left out, as it grows between two captures of the same page, and so is
 * everything around the article (visit counter, the page's address, lists of other news).
 */
export function pageIdentity(page: CapturedPage): string {
  const fields = [page.date, page.capturedCategory, page.title, page.source ?? null, page.author ?? null, page.authorTitle ?? null, page.body];
  return crypto.createHash("sha256").update(JSON.stringify(fields)).digest("hex").slice(0, 32);
}

/** Article files (forward slashes, relative to the content folder) by page identity, and back. */
export class ImportLedger {
  private readonly files = new Map<string, string>();
  private readonly identities = new Map<string, string>();
  private changed = false;

  private constructor(private readonly contentDir: string) {}

  /** Reads the record of a content folder; none yet is an empty one. Throws a UserError when it cannot be read. */
  static read(contentDir: string): ImportLedger {
    const ledger = new ImportLedger(contentDir);
    const file = path.join(contentDir, LEDGER_FILE);
    let text: string;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") return ledger;
      throw new UserError(`${file}: could not read the record of imported pages: ${(error as Error).message}`);
    }
    const articles = recordedArticles(text);
    if (typeof articles === "string") {
      throw new UserError(`${file}: not a record of imported pages (${articles}); fix it (e.g. resolve a merge conflict) or delete it, and import again`);
    }
    for (const [article, identity] of Object.entries(articles)) ledger.set(article, identity);
    return ledger;
  }

  /** The article file recorded for a page identity. */
  fileOf(identity: string): string | undefined {
    return this.identities.get(identity);
  }

  /** Records that `file` holds the article of the page `identity`; the page has no other file. */
  record(file: string, identity: string): void {
    if (this.files.get(file) === identity && this.identities.get(identity) === file) return;
    const previous = this.identities.get(identity);
    if (previous !== undefined) this.files.delete(previous);
    this.set(file, identity);
    this.changed = true;
  }

  /**
   * Writes the record when it changed, sorted by file so that it reads and merges well, without
   * the articles that are gone. Throws the system's error when it cannot be written.
   */
  save(): void {
    if (!this.changed) return;
    const articles: Record<string, string> = {};
    for (const file of [...this.files.keys()].sort()) {
      if (fs.existsSync(path.join(this.contentDir, file))) articles[file] = this.files.get(file)!;
    }
    writeFileAtomically(path.join(this.contentDir, LEDGER_FILE), `${JSON.stringify({ about: ABOUT, articles }, null, 2)}\n`, { replace: true });
    this.changed = false;
  }

  private set(file: string, identity: string): void {
    const stale = this.files.get(file);
    if (stale !== undefined && this.identities.get(stale) === file) this.identities.delete(stale);
    this.files.set(file, identity);
    if (!this.identities.has(identity)) this.identities.set(identity, file);
  }
}

/** The `articles` map of the record's text, or what is wrong with it. */
function recordedArticles(text: string): Record<string, string> | string {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return `not valid JSON: ${(error as Error).message}`;
  }
  const articles = typeof data === "object" && data !== null ? (data as { articles?: unknown }).articles : undefined;
  if (typeof articles !== "object" || articles === null || Array.isArray(articles)) return 'no "articles" map';
  for (const [file, identity] of Object.entries(articles)) {
    if (typeof identity !== "string") return `"${file}" maps to ${JSON.stringify(identity)}, not a page identity`;
  }
  return articles as Record<string, string>;
}
