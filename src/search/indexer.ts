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
  /** Time spent in Pagefind: reading the pages, building and writing the index. */
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

/**
 * Builds the search index of a built site into `outDir/pagefind/`: the pages marked with
 * data-pagefind-body (the articles) and nothing else. Every page goes in as Unicode NFC, because
 * Pagefind does not normalise and finds decomposed text worse. Beside the index goes the list of
 * its d- and đ-words (d-words.ts). Throws a SearchIndexError for any problem Pagefind reports; the
 * service is closed whatever happens.
 */
export function indexSite(outDir: string, { language = "vi" }: { language?: string } = {}): Promise<SearchIndexResult> {
  const run = queue.then(() => writeIndex(path.resolve(outDir), language));
  queue = run.catch(() => undefined);
  return run;
}

async function writeIndex(outDir: string, language: string): Promise<SearchIndexResult> {
  const started = performance.now();
  if (!fs.existsSync(outDir) || !fs.statSync(outDir).isDirectory()) throw new SearchIndexError("reading the site", [`${outDir} is not a folder`]);
  const outputPath = path.join(outDir, PAGEFIND_FOLDER);
  // A bundle from an earlier build would otherwise keep chunks of articles that are gone. Creating the
  // folder here makes a path Pagefind could not write fail in Node, with a message, not in the service.
  fs.rmSync(outputPath, { recursive: true, force: true });
  fs.mkdirSync(outputPath, { recursive: true });
  try {
    const indexed = await answered(fillIndex(outDir, outputPath, language));
    indexed.sort((a, b) => a.url.localeCompare(b.url));
    return { pages: indexed.length, indexed, ...folderSize(outputPath), milliseconds: Math.round(performance.now() - started), outputPath };
  } catch (error) {
    if (error instanceof SearchIndexError) throw error;
    throw new SearchIndexError("Pagefind", [error instanceof Error ? error.message : String(error)], error);
  } finally {
    await pagefind.close();
  }
}

/** Pages handed to Pagefind at once: its service indexes them in parallel, and waiting for each costs a round trip. */
const PAGES_IN_FLIGHT = 8;

async function fillIndex(outDir: string, outputPath: string, language: string): Promise<SearchIndexResult["indexed"]> {
  // The whole site is one language: the index is named after it and the search page, <html lang="vi">, loads it.
  const created = await pagefind.createIndex({ forceLanguage: language });
  check("createIndex", created);
  const index = created.index;
  if (!index) throw new SearchIndexError("createIndex", ["Pagefind returned no index"]);
  const files = siteFiles(outDir)
    .filter((file) => file.endsWith(".html"))
    .map((file) => path.join(outDir, file));
  const indexed: SearchIndexResult["indexed"] = [];
  let next = 0;
  const addPages = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      const html = fs.readFileSync(file, "utf8");
      if (!html.includes(BODY_MARKER)) continue;
      const url = pageUrl(outDir, file);
      const added = await index.addHTMLFile({ url, content: html.normalize("NFC") });
      check(`adding ${url}`, added);
      indexed.push({ url: added.file.url, meta: added.file.meta });
    }
  };
  await Promise.all(Array.from({ length: PAGES_IN_FLIGHT }, addPages));
  check("writeFiles", await index.writeFiles({ outputPath }));
  writeDWords(outputPath);
  return indexed;
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
