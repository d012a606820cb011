import fs from "node:fs";
import path from "node:path";
import { folderSize, siteFiles } from "../core/files.ts";
import { byCodeUnits } from "../core/text.ts";
import { DWordCounter } from "./d-words.ts";
import { indexedPart } from "./indexed-part.ts";
import { mergeBundles } from "./merge.ts";
import { ShardWorkers } from "./shard-workers.ts";
import { cached, cachedPages, type IndexedPage, makeShard, partHash, pruneShardCache, type Shard, shardBundle, ShardError, shardNamer, type ShardPage, spillParts } from "./shards.ts";

export { indexedPart } from "./indexed-part.ts";

/** Where the Pagefind bundle goes inside the built site; the search page loads it from there. */
export const PAGEFIND_FOLDER = "pagefind";

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

/** Site path of a page file: dist/2011/09/20/slug/index.html → /2011/09/20/slug/. */
export function pageUrl(outDir: string, file: string): string {
  const relative = path.relative(outDir, file).split(path.sep).join("/");
  return `/${relative}`.replace(/(^|\/)index\.html$/, "$1");
}

// Pagefind's Node API drives one service process per Node process, and close() stops it for every
// caller: two indexes built at once in one process (tests, the benchmark) must wait for each other.
let queue: Promise<unknown> = Promise.resolve();

/** Shards indexed at once, each by a worker with a Pagefind service of its own: one a core. */
const SHARDS_AT_ONCE = 2;

/** The pages of one shard as they arrive, and once all are in, its bundle being made or found. */
interface Filling {
  pages: ShardPage[];
  /** How many pages the build will render in it, when known. */
  expected?: number;
  shard?: Shard;
  done?: Promise<IndexedPage[]>;
  /** Whether this build indexes it (it was not in the cache). */
  indexed?: boolean;
}

/**
 * The search index of one site: a build tells it each page as Eleventy renders it, and finish()
 * writes the bundle into `outDir/pagefind/` once every page is written. Pages marked with
 * data-pagefind-body (the articles) go in, as Unicode NFC because Pagefind does not normalise and
 * finds decomposed text worse; any other page is left out. The index is built in year shards
 * (shards.ts) and merged into one (merge.ts). A shard is complete once it holds as many pages as
 * the build said it would render (`expected`): Eleventy renders the articles year after year, so a
 * year is indexed by Pagefind's process, on the other core, while the next renders; years waiting
 * for a worker wait in a file, not in memory. A shard found in the cache is not indexed again.
 * Beside the index goes the list of its d- and đ-words (d-words.ts). Every problem Pagefind reports
 * is a SearchIndexError at finish().
 */
export class SearchIndex {
  private readonly started = performance.now();
  private readonly fillings = new Map<string, Filling>();
  private namer?: (url: string) => string;
  private expected?: Map<string, number>;
  /** Pages of a build that did not say which it renders. */
  private readonly unsorted: ShardPage[] = [];
  private readonly workers: ShardWorkers;
  /** Files of parts waiting for a worker; a shard indexed deletes its own, close() any left. */
  private readonly spills: string[] = [];
  private closed = false;

  private constructor(
    private readonly outputPath: string,
    private readonly language: string,
    private readonly expectedUrls: (() => Iterable<string>) | undefined,
    private readonly fromDisk: boolean,
    private readonly release: () => void,
    shardsAtOnce: number,
  ) {
    this.workers = new ShardWorkers(shardsAtOnce);
  }

  /**
   * Opens an index for the site being written into `outDir`; waits for any other index of this
   * process to finish first. `expectedUrls` gives the URLs of the pages the build will index (the
   * articles), asked at the first page; without it, every shard is indexed at finish(), from the
   * pages' text kept meanwhile, or read again from disk with `fromDisk` (a site already written).
   * `shardsAtOnce` is the number of workers (tests take one, to make shards wait for it).
   */
  static async open(
    outDir: string,
    { language = "vi", expectedUrls, fromDisk = false, shardsAtOnce = SHARDS_AT_ONCE }: { language?: string; expectedUrls?: () => Iterable<string>; fromDisk?: boolean; shardsAtOnce?: number } = {},
  ): Promise<SearchIndex> {
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
      return new SearchIndex(outputPath, language, expectedUrls, fromDisk, release, shardsAtOnce);
    } catch (error) {
      release();
      throw asIndexError(error);
    }
  }

  /** Notes a page written to `file`, whose content is `html`; a page without data-pagefind-body is left out. */
  add(url: string, html: string, file: string): void {
    if (this.closed) throw new Error(`search index: a page was added after the index was closed: ${url}`);
    const body = indexedPart(html);
    if (body === undefined) return;
    const part = body.normalize("NFC");
    const page: ShardPage = { url, file, hash: partHash(part), part };
    if (!this.expectedUrls) {
      // Shared into shards at finish(), once all URLs are known.
      this.unsorted.push(this.fromDisk ? { ...page, part: undefined } : page);
      return;
    }
    if (!this.namer) {
      const urls = [...this.expectedUrls()];
      this.namer = shardNamer(urls);
      this.expected = new Map();
      for (const name of urls.map(this.namer)) this.expected.set(name, (this.expected.get(name) ?? 0) + 1);
    }
    const name = this.namer(url);
    let filling = this.fillings.get(name);
    if (!filling) this.fillings.set(name, (filling = { pages: [], expected: this.expected!.get(name) }));
    if (filling.done) {
      // More pages than expected: the shard is made again at finish(), of all of them, from disk.
      filling.done = filling.shard = filling.expected = undefined;
      for (const page of filling.pages) page.part = undefined;
    }
    filling.pages.push({ ...page, part: filling.expected === undefined ? undefined : part });
    if (filling.pages.length === filling.expected) this.seal(name, filling);
  }

  /** A shard whose pages are all in: found in the cache, or indexed as soon as Pagefind is free. */
  private seal(name: string, filling: Filling): void {
    const shard = makeShard(name, filling.pages, this.language);
    filling.shard = shard;
    filling.indexed = !cached(shard);
    if (!filling.indexed) {
      filling.done = Promise.resolve(cachedPages(shard));
    } else {
      if (this.workers.allBusy && filling.expected !== undefined) this.spills.push(spillParts(shard));
      filling.done = this.workers.index(shard, this.language);
    }
    // Its pages' text is no longer needed; a failure is reported by finish().
    const forget = () => shard.pages.forEach((page) => (page.part = undefined));
    filling.done.then(forget, forget);
  }

  /** Indexes the shards not yet made, merges all into the bundle, writes the d-word list, and closes Pagefind's service. */
  async finish(): Promise<SearchIndexResult> {
    try {
      const namer = shardNamer(this.unsorted.map((page) => page.url));
      for (const page of this.unsorted) {
        const name = namer(page.url);
        if (!this.fillings.has(name)) this.fillings.set(name, { pages: [] });
        this.fillings.get(name)!.pages.push(page);
      }
      // A site with no article still has an index, empty: the search page loads it all the same.
      if (this.fillings.size === 0) this.fillings.set("_", { pages: [] });
      const names = [...this.fillings.keys()].sort(byCodeUnits);
      for (const name of names) {
        const filling = this.fillings.get(name)!;
        if (!filling.done) this.seal(name, filling);
      }
      const indexed = await answered(Promise.all(names.map((name) => this.fillings.get(name)!.done!)));
      const dWords = new DWordCounter();
      await mergeBundles(
        names.map((name) => shardBundle(this.fillings.get(name)!.shard!)),
        this.outputPath,
        { onWord: dWords.add },
      );
      dWords.write(this.outputPath);
      pruneShardCache();
      const pages = indexed.flat().sort((a, b) => byCodeUnits(a.url, b.url));
      return {
        pages: pages.length,
        indexed: pages,
        shards: { total: names.length, indexed: names.filter((name) => this.fillings.get(name)!.indexed).length },
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
    // Shards being indexed fail once the service stops; their errors no longer matter.
    for (const filling of this.fillings.values()) filling.done?.catch(() => {});
    await this.workers.close();
    for (const file of this.spills) fs.rmSync(file, { force: true });
    this.release();
  }
}

function asIndexError(error: unknown): SearchIndexError {
  if (error instanceof SearchIndexError) return error;
  if (error instanceof ShardError) return new SearchIndexError(error.step, error.problems, error);
  return new SearchIndexError("Pagefind", [error instanceof Error ? error.message : String(error)], error);
}


/**
 * Builds the search index of a site already written to `outDir`, reading its pages from disk (see
 * SearchIndex). Throws a SearchIndexError for any problem; the service is closed whatever happens.
 */
export async function indexSite(outDir: string, options: { language?: string } = {}): Promise<SearchIndexResult> {
  const site = path.resolve(outDir);
  if (!fs.existsSync(site) || !fs.statSync(site).isDirectory()) throw new SearchIndexError("reading the site", [`${site} is not a folder`]);
  const index = await SearchIndex.open(site, { ...options, fromDisk: true });
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
