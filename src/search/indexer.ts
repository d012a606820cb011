import fs from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import { folderSize, siteFiles } from "../core/files.ts";
import { byCodeUnits } from "../core/text.ts";
import { writeDWords } from "./d-words.ts";
import { mergeBundles } from "./merge.ts";
import { cached, cachedPages, indexShard, partHash, planShards, pruneShardCache, type Shard, shardBundle, type ShardPage } from "./shards.ts";

/** Where the Pagefind bundle goes inside the built site; the search page loads it from there. */
export const PAGEFIND_FOLDER = "pagefind";

/** Only pages that opt in are indexed: the article template marks its content with this attribute. */
const BODY_MARKER = "data-pagefind-body";

export interface SearchIndexResult {
  /** Pages in the index: the articles. */
  pages: number;
  /** URL and metadata of every indexed page, as Pagefind read them. */
  indexed: { url: string; meta: Record<string, string> }[];
  /** Year shards of the index, and how many of them this build indexed (the others were cached). */
  shards: { total: number; indexed: number };
  /** Files of the written bundle (index, fragments, filters, scripts, WebAssembly) and their size on disk. */
  files: number;
  bytes: number;
  /** Time the index was open: from the build's start to the bundle written. */
  milliseconds: number;
  outputPath: string;
}

/** Pagefind reported a problem, or its service failed; says which step and keeps the cause. */
export class SearchIndexError extends Error {
  constructor(step: string, problems: string[], cause?: unknown) {
    super(`search index: ${step} failed:\n${problems.map((problem) => `  ${problem}`).join("\n")}`, { cause });
    this.name = "SearchIndexError";
  }
}

function check(step: string, response: { errors: string[] }): void {
  if (response.errors.length > 0) throw new SearchIndexError(step, response.errors);
}

/** Site path of a page file: dist/2011/09/20/slug/index.html → /2011/09/20/slug/. */
export function pageUrl(outDir: string, file: string): string {
  const relative = path.relative(outDir, file).split(path.sep).join("/");
  return `/${relative}`.replace(/(^|\/)index\.html$/, "$1");
}

// Pagefind's Node API drives one service process per Node process, and close() stops it for every
// caller: two indexes built at once in one process (tests, the benchmark) must wait for each other.
let queue: Promise<unknown> = Promise.resolve();

/** Shards Pagefind indexes at once: each reads its pages one by one, so two keep both cores busy. */
const SHARDS_AT_ONCE = 2;

/**
 * The search index of one site: a build tells it each page as Eleventy renders it, and finish()
 * writes the bundle into `outDir/pagefind/` once every page is written. Pages marked with
 * data-pagefind-body (the articles) go in, as Unicode NFC because Pagefind does not normalise and
 * finds decomposed text worse; any other page is left out. The index is built in year shards
 * (shards.ts), of which only those whose pages changed since a build that made them are indexed
 * again, and merged into one (merge.ts). Beside the index goes the list of its d- and đ-words
 * (d-words.ts). Every problem Pagefind reports is a SearchIndexError at finish().
 */
export class SearchIndex {
  private readonly started = performance.now();
  private readonly pages: ShardPage[] = [];
  private closed = false;

  private constructor(
    private readonly outputPath: string,
    private readonly language: string,
    private readonly release: () => void,
  ) {}

  /** Opens an index for the site being written into `outDir`; waits for any other index of this process to finish first. */
  static async open(outDir: string, { language = "vi" }: { language?: string } = {}): Promise<SearchIndex> {
    let release = () => {};
    const turn = queue;
    queue = new Promise<void>((resolve) => (release = resolve));
    await turn;
    try {
      const outputPath = path.join(path.resolve(outDir), PAGEFIND_FOLDER);
      // A bundle from an earlier build would otherwise keep chunks of articles that are gone. Creating the
      // folder here makes a path that cannot be written fail now, with a message.
      fs.rmSync(outputPath, { recursive: true, force: true });
      fs.mkdirSync(outputPath, { recursive: true });
      // The whole site is one language: the index is named after it and the search page, <html lang="vi">, loads it.
      return new SearchIndex(outputPath, language, release);
    } catch (error) {
      release();
      throw asIndexError(error);
    }
  }

  /**
   * Notes a page written to `file`, whose content is `html`; a page without data-pagefind-body is left
   * out. Only the hash of its indexed part is kept: a shard that must be indexed reads its pages again
   * from disk, so that a large archive is not held in memory.
   */
  add(url: string, html: string, file: string): void {
    if (this.closed) throw new Error(`search index: a page was added after the index was closed: ${url}`);
    const body = indexedPart(html);
    if (body !== undefined) this.pages.push({ url, file, hash: partHash(body.normalize("NFC")) });
  }

  /** Indexes the shards that changed, merges all into the bundle, writes the d-word list, and closes Pagefind's service. */
  async finish(): Promise<SearchIndexResult> {
    try {
      const shards = planShards(this.pages, this.language);
      const indexed = new Map<Shard, SearchIndexResult["indexed"]>();
      const missing = shards.filter((shard) => {
        if (!cached(shard)) return true;
        indexed.set(shard, cachedPages(shard));
        return false;
      });
      const read = (page: ShardPage) => {
        const body = indexedPart(fs.readFileSync(page.file, "utf8"))?.normalize("NFC");
        if (body === undefined) throw new SearchIndexError(`reading ${page.url}`, [`${page.file} no longer holds the page's data-pagefind-body`]);
        return body;
      };
      const reindexed = missing.length;
      const work = async () => {
        for (let shard = missing.shift(); shard; shard = missing.shift()) indexed.set(shard, await indexShard(shard, this.language, read, check));
      };
      await answered(Promise.all(Array.from({ length: SHARDS_AT_ONCE }, work)));
      mergeBundles(shards.map(shardBundle), this.outputPath);
      writeDWords(this.outputPath);
      pruneShardCache();
      const pages = shards.flatMap((shard) => indexed.get(shard)!).sort((a, b) => byCodeUnits(a.url, b.url));
      return {
        pages: pages.length,
        indexed: pages,
        shards: { total: shards.length, indexed: reindexed },
        ...folderSize(this.outputPath),
        milliseconds: Math.round(performance.now() - this.started),
        outputPath: this.outputPath,
      };
    } catch (error) {
      throw asIndexError(error);
    } finally {
      await this.close();
    }
  }

  /** Stops Pagefind's service without writing anything: for a build that failed. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await pagefind.close();
    this.release();
  }
}

/**
 * What Pagefind needs of a page: the element marked data-pagefind-body, from its start tag to the
 * page's last end tag of that name (which closes it, or follows it), in a document of its own.
 * Pagefind reads nothing else of a page that has that element, and the navigation, lists and
 * sidebar around it would only cost the trip to its process and its parsing: the index is the same
 * byte for byte. Undefined for a page without the element.
 */
export function indexedPart(html: string): string | undefined {
  let start = -1;
  let name: string | undefined;
  // The attribute in a start tag, not the same words in a title or a paragraph.
  for (let marker = html.indexOf(` ${BODY_MARKER}`); marker >= 0 && !name; marker = html.indexOf(` ${BODY_MARKER}`, marker + 1)) {
    start = html.lastIndexOf("<", marker);
    const after = html[marker + 1 + BODY_MARKER.length] ?? "";
    if (/[\s>=/]/.test(after)) name = /^<([a-zA-Z][\w-]*)[^>]*$/.exec(html.slice(start, marker))?.[1];
  }
  if (!name) return undefined;
  // Templates and the body sanitiser write end tags in lower case; one written otherwise only makes the part longer.
  const close = `</${name.toLowerCase()}>`;
  const end = html.lastIndexOf(close);
  const element = end > start ? html.slice(start, end + close.length) : html.slice(start);
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${element}</body></html>`;
}

function asIndexError(error: unknown): SearchIndexError {
  return error instanceof SearchIndexError ? error : new SearchIndexError("Pagefind", [error instanceof Error ? error.message : String(error)], error);
}


/**
 * Builds the search index of a site already written to `outDir`, reading its pages from disk (see
 * SearchIndex). Throws a SearchIndexError for any problem; the service is closed whatever happens.
 */
export async function indexSite(outDir: string, options: { language?: string } = {}): Promise<SearchIndexResult> {
  const site = path.resolve(outDir);
  if (!fs.existsSync(site) || !fs.statSync(site).isDirectory()) throw new SearchIndexError("reading the site", [`${site} is not a folder`]);
  const index = await SearchIndex.open(site, options);
  try {
    for (const file of siteFiles(site).filter((name) => name.endsWith(".html"))) {
      const page = path.join(site, file);
      index.add(pageUrl(site, page), fs.readFileSync(page, "utf8"), page);
    }
  } catch (error) {
    await index.close();
    throw asIndexError(error);
  }
  return index.finish();
}

/**
 * Waits for Pagefind's service. When it dies (it panics on some I/O errors), its pending call never
 * settles, and once nothing else is left to do Node would quietly exit with status 0 and no index:
 * "beforeExit" turns that into an error instead.
 */
async function answered<T>(work: Promise<T>): Promise<T> {
  let stop = () => {};
  const stopped = new Promise<never>((_, reject) => {
    stop = () => reject(new SearchIndexError("Pagefind", ["its service stopped without answering (its own message is above)"]));
  });
  process.once("beforeExit", stop);
  try {
    return await Promise.race([work, stopped]);
  } finally {
    process.off("beforeExit", stop);
  }
}
