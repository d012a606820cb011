// The archive's search index is built in shards, one per year of articles (per month in a large
// year), each by its own Pagefind index and kept in a cache under the name of what went into it;
// merge.ts makes the site's index of them. A build re-indexes only the shards whose articles
// changed, and Pagefind holds a few shards at a time, so that its memory stays that of a few years
// however long the archive is.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as pagefind from "pagefind";
import { PROJECT_DIR } from "../core/project.ts";
import { byCodeUnits } from "../core/text.ts";
import { indexedPart } from "./indexed-part.ts";

/**
 * bantin's own cache of shards: everything in it was written by a build, and any of it can be
 * deleted. BANTIN_CACHE_DIR puts it elsewhere (the benchmark gives each cold build an empty one).
 */
export function shardCacheDir(): string {
  return path.join(process.env.BANTIN_CACHE_DIR ?? path.join(PROJECT_DIR, "node_modules", ".cache", "bantin"), "search-shards");
}

/** Changes when what a shard folder holds changes, so that older folders are not taken for current ones. */
const SHARD_FORMAT = "bantin search shard 1";

/** In a shard's folder: Pagefind's bundle, and the URL and metadata of each page as Pagefind read them. */
const BUNDLE_FOLDER = "bundle";
const PAGES_FILE = "pages.json";

/** A cached shard not used by any build for this long is deleted. */
const UNUSED_DAYS = 14;

/** A page that goes into a shard: its site path, the file it was written to, and the hash of the part Pagefind reads (and that part, while its shard fills). */
export interface ShardPage {
  url: string;
  file: string;
  hash: string;
  part?: string;
}

/** A problem Pagefind reported, or a page that could not be read: the step, and what went wrong. */
export class ShardError extends Error {
  constructor(
    readonly step: string,
    readonly problems: string[],
  ) {
    super(`${step}: ${problems.join("; ")}`);
    this.name = "ShardError";
  }
}

export interface IndexedPage {
  url: string;
  meta: Record<string, string>;
}

/** A shard of pages, and the cache folder named after them. */
export interface Shard {
  name: string;
  pages: ShardPage[];
  dir: string;
  /** The file its pages' parts wait in for a worker (spillParts). */
  spill?: string;
}

/** Where a shard's Pagefind bundle is, once cached(). */
export function shardBundle(shard: Shard): string {
  return path.join(shard.dir, BUNDLE_FOLDER);
}

/**
 * A year of more articles than this is split into its months: Pagefind's memory grows with the
 * pages of a shard (about 350 KB each), and a rebuild indexes a whole shard again.
 */
export const YEAR_SHARD_LIMIT = 2_000;

/**
 * How the pages of a build are shared into shards, from the URLs of all of them: by year from the
 * site path (/2011/09/20/slug/ → "2011"), by month in a year of more than YEAR_SHARD_LIMIT
 * ("2011-09"), "_" for a path without a year. Names sort in the order of the pages' dates.
 */
export function shardNamer(urls: Iterable<string>): (url: string) => string {
  const perYear = new Map<string, number>();
  for (const url of urls) {
    const year = /^\/(\d{4})\//.exec(url)?.[1];
    if (year) perYear.set(year, (perYear.get(year) ?? 0) + 1);
  }
  return (url) => {
    const [, year, month] = /^\/(\d{4})\/(\d{2})?/.exec(url) ?? [];
    if (!year) return "_";
    return month && (perYear.get(year) ?? 0) > YEAR_SHARD_LIMIT ? `${year}-${month}` : year;
  };
}

/** The hash of the part of a page Pagefind reads, which names its shard with the others. */
export function partHash(part: string): string {
  return crypto.createHash("sha256").update(part).digest("hex");
}

const pagefindVersion = (() => {
  const entry = fileURLToPath(import.meta.resolve("pagefind"));
  const manifest = path.join(path.dirname(entry), "..", "package.json");
  return (JSON.parse(fs.readFileSync(manifest, "utf8")) as { version: string }).version;
})();

/** The shard `name` of `pages`, which it sorts by URL, named in the cache after them. */
export function makeShard(name: string, pages: ShardPage[], language: string): Shard {
  pages.sort((a, b) => byCodeUnits(a.url, b.url));
  const digest = crypto.createHash("sha256");
  digest.update(`${SHARD_FORMAT}\npagefind ${pagefindVersion}\nlanguage ${language}\n`);
  for (const page of pages) digest.update(`${page.url}\t${page.hash}\n`);
  return { name, pages, dir: path.join(shardCacheDir(), digest.digest("hex")) };
}

/**
 * Moves the parts of a shard that waits for a worker out of memory, into a file beside its cache
 * folder, read when its turn comes: Pagefind indexes more slowly than Eleventy renders, and an
 * archive of 100,000 articles would otherwise hold most of its text twice. The file is deleted
 * once the shard is indexed, or by the build when it stops.
 */
export function spillParts(shard: Shard): string {
  const file = `${shard.dir}.parts-${process.pid}-${crypto.randomBytes(4).toString("hex")}.json`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(shard.pages.map((page) => page.part ?? null)));
  for (const page of shard.pages) page.part = undefined;
  shard.spill = file;
  return file;
}

/** Whether a shard's bundle is in the cache; marks it used, so that pruning keeps it. */
export function cached(shard: Shard): boolean {
  if (!fs.existsSync(path.join(shard.dir, PAGES_FILE))) return false;
  const now = new Date();
  fs.utimesSync(shard.dir, now, now);
  return true;
}

export function cachedPages(shard: Shard): IndexedPage[] {
  return JSON.parse(fs.readFileSync(path.join(shard.dir, PAGES_FILE), "utf8")) as IndexedPage[];
}

/**
 * Indexes a shard with a Pagefind index of its own and puts its bundle in the cache. Pages go in in
 * URL order, and Pagefind numbers them in the order it receives them (its service reads one message
 * at a time), so the same pages make the same bundle in every build. A page's text is the `part`
 * it came with, or waited in the shard's spill file, or is read again from its file. Pagefind's problems are ShardErrors.
 */
export async function indexShard(shard: Shard, language: string): Promise<IndexedPage[]> {
  const created = await pagefind.createIndex({ forceLanguage: language });
  check("createIndex", created);
  const index = created.index;
  if (!index) throw new ShardError("createIndex", ["Pagefind returned no index"]);
  fs.mkdirSync(path.dirname(shard.dir), { recursive: true });
  const temporary = `${shard.dir}.tmp-${process.pid}-${crypto.randomBytes(4).toString("hex")}`;
  const adding: Promise<IndexedPage>[] = [];
  const spilled = shard.spill === undefined ? [] : (JSON.parse(fs.readFileSync(shard.spill, "utf8")) as (string | null)[]);
  let writing: Promise<unknown> | undefined;
  let deleting: Promise<unknown> | undefined;
  try {
    // Every message is sent at once: Pagefind's service reads them in order on its own core, and
    // needs nothing more from this thread, busy rendering pages, until the bundle is written.
    for (const [i, page] of shard.pages.entries()) {
      adding.push(
        index.addHTMLFile({ url: page.url, content: page.part ?? spilled[i] ?? readPart(page) }).then((added) => {
          check(`adding ${page.url}`, added);
          return { url: added.file.url, meta: added.file.meta };
        }),
      );
    }
    const written = index.writeFiles({ outputPath: path.join(temporary, BUNDLE_FOLDER) });
    writing = written;
    deleting = index.deleteIndex();
    const indexed = await Promise.all(adding);
    check("writeFiles", await written);
    fs.writeFileSync(path.join(temporary, PAGES_FILE), JSON.stringify(indexed));
    // A folder of this name without its page list is what a stopped build left: this one replaces it.
    if (fs.existsSync(shard.dir) && !fs.existsSync(path.join(shard.dir, PAGES_FILE))) fs.rmSync(shard.dir, { recursive: true, force: true });
    try {
      fs.renameSync(temporary, shard.dir);
    } catch (error) {
      // Another build made the same shard meanwhile: its folder holds the same index.
      if (!fs.existsSync(path.join(shard.dir, PAGES_FILE))) throw error;
    }
    return indexed;
  } finally {
    // After a failure, pages still in flight fail too; their errors no longer matter.
    for (const page of adding) page.catch(() => {});
    writing?.catch(() => {});
    fs.rmSync(temporary, { recursive: true, force: true });
    if (shard.spill !== undefined) fs.rmSync(shard.spill, { force: true });
    await (deleting ?? index.deleteIndex()).catch(() => {});
  }
}

function check(step: string, response: { errors: string[] }): void {
  if (response.errors.length > 0) throw new ShardError(step, response.errors);
}

/** The part of a written page Pagefind reads, read again from its file. */
function readPart(page: ShardPage): string {
  const body = indexedPart(fs.readFileSync(page.file, "utf8"))?.normalize("NFC");
  if (body === undefined) throw new ShardError(`reading ${page.url}`, [`${page.file} no longer holds the page's data-pagefind-body`]);
  return body;
}

/** Deletes cached shards no build used for UNUSED_DAYS, and what a stopped build left half-written (folders, spilled parts) a day ago. */
export function pruneShardCache(): void {
  const cache = shardCacheDir();
  if (!fs.existsSync(cache)) return;
  const now = Date.now();
  for (const name of fs.readdirSync(cache)) {
    const match = /^[0-9a-f]{64}(\.tmp-\d+-[0-9a-f]{8}|\.parts-\d+-[0-9a-f]{8}\.json)?$/.exec(name);
    if (!match) continue;
    // Another build may be pruning the same folder.
    const modified = fs.statSync(path.join(cache, name), { throwIfNoEntry: false })?.mtimeMs ?? now;
    const age = now - modified;
    if (age > (match[1] ? 1 : UNUSED_DAYS) * 86_400_000) fs.rmSync(path.join(cache, name), { recursive: true, force: true });
  }
}
