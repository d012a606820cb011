// Where each imported page goes in the content folder, and writing it there without ever
// clobbering a file or leaving half of one.
import fs from "node:fs";
import path from "node:path";
import { articleUrl } from "../content/urls.ts";
import type { ContentIndex } from "./content-index.ts";
import type { ImportLedger } from "./ledger.ts";
import type { ImportResult } from "./report.ts";
import { writeFileAtomically } from "../core/atomic-write.ts";

/** Suffixes tried for pages sharing a file name; reaching it means something is wrong with the input. */
const MAX_SUFFIX = 1000;

/** A page ready to be written, as the placer needs to see it. */
export interface Candidate {
  /** Vietnam time as `YYYY-MM-DD HH:mm:ss`: it names the folder and the URL. */
  date: string;
  /** The slug made from the title; a suffixed form is used when the name is taken. */
  slug: string;
  /** The article file's text; `slug` is written into its front matter when it is not the title's. */
  render(slug?: string): string;
  /** The input as shown in the report. */
  input: string;
  /** The page's identity (ledger.ts): how a later import finds the article again, edited or not. */
  identity: string;
}

export type Placement = Pick<ImportResult, "status" | "output" | "reason">;

/** The calendar day of a `YYYY-MM-DD HH:mm:ss` date, which is already Vietnam time. */
const dayOf = (date: string) => ({ year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) });

/**
 * Decides where each page goes, and writes it. The rules, in order:
 * 0. a page the record of imported pages (ledger.ts) knows goes to the article file recorded for
 *    it, wherever that file is and whatever was edited in it: unchanged when it holds the page
 *    byte for byte, otherwise a conflict that only --force resolves by replacing it;
 * 1. the page already sits, byte for byte, at its path or a suffixed one: unchanged;
 * 2. a path taken in this run by another page, or holding another article (another date) on
 *    disk, is skipped for the next suffix (`slug-2`, `slug-3`, …) with a warning; the suffixed
 *    file gets `slug:` in its front matter so its URL differs too;
 * 3. a path holding this same article (same date) with other content is a conflict, which only
 *    --force resolves by replacing it; so is another file already at the article's URL (the build
 *    would refuse both), which --force does not touch.
 */
export class Placer {
  /** Paths written (or, in a dry run, that would be) in this run, with their content and page. */
  private readonly claims = new Map<string, { input: string; content: string }>();

  constructor(
    private readonly contentDir: string,
    /** The content folder as the report shows it. */
    private readonly shownDir: string,
    private readonly index: ContentIndex,
    private readonly ledger: ImportLedger,
    private readonly options: { dryRun: boolean; force: boolean },
  ) {}

  place(page: Candidate, warnings: string[]): Placement {
    const known = this.placeKnown(page, warnings);
    if (known) return known;
    const folder = `${page.date.slice(0, 4)}/${page.date.slice(5, 7)}`;
    const name = (n: number) => (n === 1 ? page.slug : `${page.slug}-${n}`);
    const file = (n: number) => `${folder}/${name(n)}.md`;
    const content = (n: number) => page.render(n === 1 ? undefined : name(n));
    const url = (n: number) => articleUrl(dayOf(page.date), name(n));
    const shown = (relative: string) => path.join(this.shownDir, relative);
    const occupied = (relative: string) => this.claims.has(relative) || this.index.article(relative) !== undefined || fs.existsSync(path.join(this.contentDir, relative));

    for (let n = 1; n <= MAX_SUFFIX && occupied(file(n)); n++) {
      const claim = this.claims.get(file(n));
      const same = claim ? claim.content === content(n) : this.readExisting(file(n)) === content(n);
      if (!same) continue;
      if (claim) warnings.push(`same article as ${claim.input}`);
      // Recorded now, so that an article imported before there was a record is found after an edit.
      this.ledger.record(file(n), page.identity);
      return { status: "unchanged", output: shown(file(n)), reason: null };
    }

    for (let n = 1; n <= MAX_SUFFIX; n++) {
      const relative = file(n);
      const claim = this.claims.get(relative);
      if (claim) {
        warnings.push(`${shown(relative)} is taken by ${claim.input}, another page with the same file name`);
        continue;
      }
      const owner = this.index.urlOwner(url(n));
      if (owner !== undefined && owner !== relative) {
        if (this.index.article(owner)?.date === page.date) {
          return { status: "conflict", output: shown(owner), reason: `${shown(owner)} already has this article's URL ${url(n)} and date; it looks like the same article under another file name` };
        }
        warnings.push(`${shown(owner)} already has the URL ${url(n)}`);
        continue;
      }
      const existing = fs.existsSync(path.join(this.contentDir, relative)) ? (this.index.article(relative) ?? {}) : undefined;
      if (existing?.date !== undefined && existing.date !== page.date) {
        warnings.push(`${shown(relative)} holds another article (dated ${existing.date})`);
        continue;
      }
      if (existing && !this.options.force) {
        return { status: "conflict", output: shown(relative), reason: `${shown(relative)} already exists with different content; --force replaces it` };
      }
      if (n > 1) warnings.push(`wrote ${shown(relative)} with slug "${name(n)}" instead`);
      if (existing) warnings.push(`replaced the different ${shown(relative)} (--force)`);
      return this.write(relative, content(n), existing !== undefined, page, url(n));
    }
    return { status: "failed", output: null, reason: `more than ${MAX_SUFFIX} articles would be named ${page.slug}.md in ${folder}` };
  }

  /**
   * Rule 0: the article file the record holds for this page, if it is still an article of the
   * content folder (the record is a file anyone can edit: it never leads outside it).
   */
  private placeKnown(page: Candidate, warnings: string[]): Placement | undefined {
    const relative = this.ledger.fileOf(page.identity);
    if (relative === undefined || (!this.claims.has(relative) && this.index.article(relative) === undefined)) return undefined;
    const claim = this.claims.get(relative);
    const existing = claim?.content ?? this.readExisting(relative);
    // Deleted since: the page is placed as a new one.
    if (existing === undefined) return undefined;
    const shown = path.join(this.shownDir, relative);
    const slug = path.posix.basename(relative, ".md");
    const content = page.render(slug === page.slug ? undefined : slug);
    if (existing === content) {
      if (claim) warnings.push(`same article as ${claim.input}`);
      return { status: "unchanged", output: shown, reason: null };
    }
    if (claim) return { status: "conflict", output: shown, reason: `${shown} was written in this run from ${claim.input}, another capture of the same article with other content` };
    if (!this.options.force) return { status: "conflict", output: shown, reason: `${shown} already exists with different content; --force replaces it` };
    const url = articleUrl(dayOf(page.date), slug);
    const owner = this.index.urlOwner(url);
    if (owner !== undefined && owner !== relative) {
      return { status: "conflict", output: path.join(this.shownDir, owner), reason: `${path.join(this.shownDir, owner)} already has the URL ${url} that replacing ${shown} would give it` };
    }
    warnings.push(`replaced the different ${shown} (--force)`);
    return this.write(relative, content, true, page, url);
  }

  private readExisting(relative: string): string | undefined {
    try {
      return fs.readFileSync(path.join(this.contentDir, relative), "utf8");
    } catch {
      return undefined;
    }
  }

  private write(relative: string, content: string, replace: boolean, page: Candidate, url: string): Placement {
    const shown = path.join(this.shownDir, relative);
    if (!this.options.dryRun) {
      try {
        writeFileAtomically(path.join(this.contentDir, relative), content, { replace });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST") return { status: "conflict", output: shown, reason: `${shown} appeared while importing; run again to compare` };
        return { status: "failed", output: null, reason: `could not write ${shown}: ${(error as Error).message}` };
      }
    }
    this.claims.set(relative, { input: page.input, content });
    this.ledger.record(relative, page.identity);
    this.index.add(relative, { date: page.date, url });
    return { status: "imported", output: shown, reason: null };
  }
}
