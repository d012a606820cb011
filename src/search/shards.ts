// The archive's search index is built in shards, one per year of articles, each by its own Pagefind
// index and kept in a cache under the name of what went into it; merge.ts makes the site's index of
// them. A build re-indexes only the shards whose articles changed, and Pagefind never holds more than
// two shards at once, so that its memory stays that of two years however long the archive is.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as pagefind from "pagefind";
import { PROJECT_DIR } from "../core/project.ts";

/**
 * bantin's own cache of shards: everything in it was written by a build, and any of it can be
 * deleted. BANTIN_CACHE_DIR puts it elsewhere (the benchmark gives each cold build an empty one).
 */
export const SHARD_CACHE_DIR = path.join(process.env.BANTIN_CACHE_DIR ?? path.join(PROJECT_DIR, "node_modules", ".cache", "bantin"), "search-shards");

/** Changes when what a shard folder holds changes, so that older folders are not taken for current ones. */
const SHARD_FORMAT = "bantin search shard 1";

/** In a shard's folder: Pagefind's bundle, and the URL and metadata of each page as Pagefind read them. */
const BUNDLE_FOLDER = "bundle";
const PAGES_FILE = "pages.json";

/** A cached shard not used by any build for this long is deleted. */
const UNUSED_DAYS = 14;

/** A page that goes into a shard: its site path, the file it was written to, and the hash of the part Pagefind reads. */
export interface ShardPage {
  url: string;
  file: string;
  hash: string;
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
}

/** Where a shard's Pagefind bundle is, once cached(). */
export function shardBundle(shard: Shard): string {
  return path.join(shard.dir, BUNDLE_FOLDER);
}

/** The shard of a page: its year, from the site path (/2011/09/20/slug/), or "_" for a path without one. */
export function shardOf(url: string): string {
  return /^\/(\d{4})\//.exec(url)?.[1] ?? "_";
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

/** Shards in the order of their names (years ascending), each page list in URL order, each with its cache folder. */
export function planShards(pages: ShardPage[], language: string): Shard[] {
  const byName = new Map<string, ShardPage[]>();
  for (const page of pages) {
    const name = shardOf(page.url);
    let list = byName.get(name);
    if (!list) byName.set(name, (list = []));
    list.push(page);
  }
  // A site with no article still has an index, empty: the search page loads it all the same.
  if (byName.size === 0) byName.set("_", []);
  return [...byName.keys()].sort().map((name) => {
    const list = byName.get(name)!.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
    const digest = crypto.createHash("sha256");
    digest.update(`${SHARD_FORMAT}\npagefind ${pagefindVersion}\nlanguage ${language}\n`);
    for (const page of list) digest.update(`${page.url}\t${page.hash}\n`);
    return { name, pages: list, dir: path.join(SHARD_CACHE_DIR, digest.digest("hex")) };
  });
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

/** Pages handed to Pagefind before the first of them is answered. */
const PAGES_IN_FLIGHT = 16;

/**
 * Indexes a shard with a Pagefind index of its own and puts its bundle in the cache. Pages go in in
 * URL order, and Pagefind numbers them in the order it receives them (its service reads one message
 * at a time), so the same pages make the same bundle in every build. `read` gives the part of a page
 * Pagefind reads.
 */
export async function indexShard(shard: Shard, language: string, read: (page: ShardPage) => string, check: (step: string, response: { errors: string[] }) => void): Promise<IndexedPage[]> {
  const created = await pagefind.createIndex({ forceLanguage: language });
  check("createIndex", created);
  const index = created.index;
  if (!index) {
    check("createIndex", { errors: ["Pagefind returned no index"] });
    return [];
  }
  fs.mkdirSync(SHARD_CACHE_DIR, { recursive: true });
  const temporary = `${shard.dir}.tmp-${process.pid}-${crypto.randomBytes(4).toString("hex")}`;
  const adding: Promise<IndexedPage>[] = [];
  try {
    for (const page of shard.pages) {
      adding.push(
        index.addHTMLFile({ url: page.url, content: read(page) }).then((added) => {
          check(`adding ${page.url}`, added);
          return { url: added.file.url, meta: added.file.meta };
        }),
      );
      // A few pages in flight hide the round trips; more would only hold pages in memory.
      if (adding.length >= PAGES_IN_FLIGHT) await adding[adding.length - PAGES_IN_FLIGHT];
    }
    const indexed = await Promise.all(adding);
    check("writeFiles", await index.writeFiles({ outputPath: path.join(temporary, BUNDLE_FOLDER) }));
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
    fs.rmSync(temporary, { recursive: true, force: true });
    await index.deleteIndex().catch(() => {});
  }
}

/** Deletes cached shards no build used for UNUSED_DAYS, and folders a stopped build left half-written a day ago. */
export function pruneShardCache(): void {
  if (!fs.existsSync(SHARD_CACHE_DIR)) return;
  const now = Date.now();
  for (const name of fs.readdirSync(SHARD_CACHE_DIR)) {
    const match = /^[0-9a-f]{64}(\.tmp-\d+-[0-9a-f]{8})?$/.exec(name);
    if (!match) continue;
    const age = now - fs.statSync(path.join(SHARD_CACHE_DIR, name)).mtimeMs;
    if (age > (match[1] ? 1 : UNUSED_DAYS) * 86_400_000) fs.rmSync(path.join(SHARD_CACHE_DIR, name), { recursive: true, force: true });
  }
}
