import fs from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import { folderSize, siteFiles } from "../core/files.ts";
import { writeDWords } from "./d-words.ts";

/** Where the Pagefind bundle goes inside the built site; the search page loads it from there. */
export const PAGEFIND_FOLDER = "pagefind";

/** Only pages that opt in are indexed: the article template marks its content with this attribute. */
const BODY_MARKER = "data-pagefind-body";

export interface SearchIndexResult {
  /** Pages in the index: the articles. */
  pages: number;
  /** URL and metadata of every indexed page, as Pagefind read them. */
  indexed: { url: string; meta: Record<string, string> }[];
  /** Files of the written bundle (index, fragments, filters, scripts, WebAssembly) and their size on disk. */
  files: number;
  bytes: number;
  /** Time the index was open: from the first page handed to Pagefind to the bundle written. */
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

/** Pages Pagefind reads at once: its service reads them in parallel, and waiting for each would cost a round trip. */
const PAGES_IN_FLIGHT = 16;

/**
 * The search index of one site, filled page by page: a build hands each article to it as Eleventy
 * renders it, so that Pagefind's own process indexes on the second core meanwhile, and finish()
 * writes the bundle into `outDir/pagefind/` once every page is in. Pages marked with
 * data-pagefind-body (the articles) go in, as Unicode NFC because Pagefind does not normalise and
 * finds decomposed text worse; any other page is left out. Beside the index goes the list of its
 * d- and đ-words (d-words.ts). Every problem Pagefind reports is a SearchIndexError at finish().
 */
export class SearchIndex {
  private readonly started = performance.now();
  private readonly added: Promise<SearchIndexResult["indexed"][number]>[] = [];
  /** Pages handed to Pagefind that it has not answered yet. */
  private readonly reading = new Set<Promise<unknown>>();
  private closed = false;

  private constructor(
    private readonly outputPath: string,
    private readonly index: pagefind.PagefindIndex,
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
      // folder here makes a path Pagefind could not write fail in Node, with a message, not in the service.
      fs.rmSync(outputPath, { recursive: true, force: true });
      fs.mkdirSync(outputPath, { recursive: true });
      // The whole site is one language: the index is named after it and the search page, <html lang="vi">, loads it.
      const created = await answered(pagefind.createIndex({ forceLanguage: language }));
      check("createIndex", created);
      if (!created.index) throw new SearchIndexError("createIndex", ["Pagefind returned no index"]);
      return new SearchIndex(outputPath, created.index, release);
    } catch (error) {
      await pagefind.close();
      release();
      throw asIndexError(error);
    }
  }

  /**
   * Hands a page to Pagefind, which reads it while the caller goes on; a page without
   * data-pagefind-body is left out. Waits only when PAGES_IN_FLIGHT pages are still being read, so
   * that a site rendered faster than Pagefind reads it is not held in memory whole.
   */
  async add(url: string, html: string): Promise<void> {
    if (this.closed) throw new Error(`search index: a page was added after the index was closed: ${url}`);
    const body = indexedPart(html);
    if (body === undefined) return;
    const page = this.index.addHTMLFile({ url, content: body.normalize("NFC") }).then((added) => {
      check(`adding ${url}`, added);
      return { url: added.file.url, meta: added.file.meta };
    });
    this.added.push(page);
    this.reading.add(page);
    const settled = () => this.reading.delete(page);
    page.then(settled, settled);
    while (this.reading.size >= PAGES_IN_FLIGHT) await answered(Promise.race(this.reading));
  }

  /** Waits for every page, writes the bundle and the d-word list, and closes Pagefind's service. */
  async finish(): Promise<SearchIndexResult> {
    try {
      const indexed = await answered(
        (async () => {
          const pages = await Promise.all(this.added);
          check("writeFiles", await this.index.writeFiles({ outputPath: this.outputPath }));
          return pages;
        })(),
      );
      writeDWords(this.outputPath);
      indexed.sort((a, b) => a.url.localeCompare(b.url));
      return { pages: indexed.length, indexed, ...folderSize(this.outputPath), milliseconds: Math.round(performance.now() - this.started), outputPath: this.outputPath };
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
    // Pages still being read would fail once the service stops; their errors no longer matter.
    for (const page of this.added) page.catch(() => {});
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
      await index.add(pageUrl(site, path.join(site, file)), fs.readFileSync(path.join(site, file), "utf8"));
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
