// Where each imported page goes in the content folder, and writing it there without ever
// clobbering a file or leaving half of one.
import fs from "node:fs";
import path from "node:path";
import { articleUrl } from "../content/urls.ts";
import type { ContentIndex, KnownArticle } from "./content-index.ts";
import type { ImportResult } from "./report.ts";

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
}

export type Placement = Pick<ImportResult, "status" | "output" | "reason">;

/** The calendar day of a `YYYY-MM-DD HH:mm:ss` date, which is already Vietnam time. */
const dayOf = (date: string) => ({ year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) });

/**
 * Decides where each page goes, and writes it. The rules, in order:
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
  private tempCounter = 0;

  constructor(
    private readonly contentDir: string,
    /** The content folder as the report shows it. */
    private readonly shownDir: string,
    private readonly index: ContentIndex,
    private readonly options: { dryRun: boolean; force: boolean },
  ) {}

  place(page: Candidate, warnings: string[]): Placement {
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
      return this.write(relative, content(n), existing !== undefined, page.input, { date: page.date, url: url(n) });
    }
    return { status: "failed", output: null, reason: `more than ${MAX_SUFFIX} articles would be named ${page.slug}.md in ${folder}` };
  }

  private readExisting(relative: string): string | undefined {
    try {
      return fs.readFileSync(path.join(this.contentDir, relative), "utf8");
    } catch {
      return undefined;
    }
  }

  private write(relative: string, content: string, replace: boolean, input: string, article: KnownArticle): Placement {
    const shown = path.join(this.shownDir, relative);
    if (!this.options.dryRun) {
      try {
        this.writeAtomically(path.join(this.contentDir, relative), content, replace);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST") return { status: "conflict", output: shown, reason: `${shown} appeared while importing; run again to compare` };
        return { status: "failed", output: null, reason: `could not write ${shown}: ${(error as Error).message}` };
      }
    }
    this.claims.set(relative, { input, content });
    this.index.add(relative, article);
    return { status: "imported", output: shown, reason: null };
  }

  /**
   * Temp file + rename, so a reader or a crash never sees half an article. A new file is linked
   * into place rather than renamed, which fails instead of replacing a file that appeared meanwhile.
   */
  private writeAtomically(target: string, content: string, replace: boolean): void {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // Hidden and not ending in .md: neither the build nor a later import picks up a leftover.
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${this.tempCounter++}.tmp`);
    fs.writeFileSync(temp, content, { flag: "wx" });
    try {
      if (replace) {
        fs.renameSync(temp, target);
        return;
      }
      try {
        fs.linkSync(temp, target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST") throw error;
        // Some network and FAT file systems have no hard links: check, then rename.
        if (fs.existsSync(target)) throw Object.assign(new Error(`${target} exists`), { code: "EEXIST" });
        fs.renameSync(temp, target);
        return;
      }
      fs.rmSync(temp, { force: true });
    } catch (error) {
      fs.rmSync(temp, { force: true });
      throw error;
    }
  }
}
