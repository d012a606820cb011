// The search index is made of year shards cached between builds (src/search/shards.ts): a rebuild
// after adding, editing or deleting an article indexes only that article's year again, and writes
// the very files a build with an empty cache writes.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { indexSite, pageUrl, SearchIndex } from "../../src/search/indexer.ts";
import { pruneShardCache, shardCacheDir } from "../../src/search/shards.ts";
import { buildSite } from "../../src/site/build.ts";
import { copyFixture, PROJECT, tempDir, writeArticle } from "../helpers/site.ts";
import { loadBundle } from "../helpers/pagefind-bundle.ts";

let savedCache: string | undefined;
beforeEach(() => {
  savedCache = process.env.BANTIN_CACHE_DIR;
});
afterEach(() => {
  if (savedCache === undefined) delete process.env.BANTIN_CACHE_DIR;
  else process.env.BANTIN_CACHE_DIR = savedCache;
});

/** Every file of a built site, with its bytes, by site path. */
function snapshot(outDir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const file of fs.readdirSync(outDir, { recursive: true, encoding: "utf8" }).sort()) {
    const full = path.join(outDir, file);
    if (fs.statSync(full).isFile()) files.set(`/${file.split(path.sep).join("/")}`, fs.readFileSync(full));
  }
  return files;
}

function expectSameFiles(actual: Map<string, Buffer>, expected: Map<string, Buffer>): void {
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  for (const [file, bytes] of expected) expect(actual.get(file)!.equals(bytes), file).toBe(true);
}

/** Builds `contentDir` with the shard cache in `cacheDir`; returns the search index's counts of shards. */
async function build(contentDir: string, outDir: string, cacheDir: string) {
  process.env.BANTIN_CACHE_DIR = cacheDir;
  const log = console.log;
  console.log = () => {};
  try {
    await buildSite({ contentDir, outDir });
  } finally {
    console.log = log;
  }
  const entry = JSON.parse(fs.readFileSync(path.join(outDir, "pagefind", "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
  return { pages: entry.languages.vi!.page_count, shards: fs.readdirSync(path.join(cacheDir, "search-shards")).length };
}

/** A build of `contentDir` with a cache of its own, empty: what a first build writes. */
async function coldSnapshot(contentDir: string): Promise<Map<string, Buffer>> {
  const outDir = path.join(tempDir("cold"), "dist");
  await build(contentDir, outDir, tempDir("cold-cache"));
  return snapshot(outDir);
}

const cachedShards = (cacheDir: string) => new Set(fs.readdirSync(path.join(cacheDir, "search-shards")));
/** Shard folders a build added to the cache, which held `before`. */
const shardsMadeSince = (cacheDir: string, before: Set<string>) => [...cachedShards(cacheDir)].filter((name) => !before.has(name));

describe("a rebuild with the shards of the build before it", () => {
  it("indexes only the year that changed, and writes what a build with an empty cache writes", async () => {
    const contentDir = copyFixture("site");
    const cacheDir = tempDir("cache");
    const outDir = path.join(tempDir("site"), "dist");
    const first = await build(contentDir, outDir, cacheDir);
    // The fixture's articles fall in 2011 and 2012: one shard each.
    expect(first.shards).toBe(2);

    // Nothing changed: every shard is found, and the site is the same.
    const before = snapshot(outDir);
    let since = cachedShards(cacheDir);
    await build(contentDir, outDir, cacheDir);
    expect(shardsMadeSince(cacheDir, since)).toEqual([]);
    expectSameFiles(snapshot(outDir), before);

    const changes: [string, () => void][] = [
      ["adding an article", () => writeArticle(contentDir, "2012/02/them-bai.md", 'title: "Bài thêm vào tháng Hai"\ndate: "2012-02-03 08:00"\ncategory: "Thông báo"', "Một đoạn văn mới: cá lóc nướng trui ở phường Bảy.")],
      ["editing an article", () => fs.appendFileSync(path.join(contentDir, "2011/09/sau-do.md"), "\nĐoạn thêm khi sửa bài: chuồn chuồn ớt.\n")],
      ["deleting an article", () => fs.rmSync(path.join(contentDir, "2011/09/truoc-do.md"))],
    ];
    for (const [label, change] of changes) {
      change();
      since = cachedShards(cacheDir);
      const rebuilt = await build(contentDir, outDir, cacheDir);
      // One shard made again (the changed year), the other found.
      expect(shardsMadeSince(cacheDir, since), label).toHaveLength(1);
      expectSameFiles(snapshot(outDir), await coldSnapshot(contentDir));
      expect(rebuilt.pages, label).toBeGreaterThan(0);
    }

    // The changes are found by search.
    const pagefind = await loadBundle(outDir);
    const urls = async (query: string) => Promise.all((await pagefind.search(query)).results.map(async (result) => (await result.data()).url));
    expect(await urls("nướng trui")).toEqual(["/2012/02/03/bai-them-vao-thang-hai/"]);
    expect(await urls("chuồn chuồn ớt")).toHaveLength(1);
  });
});

describe("indexSite", () => {
  it("indexes a built folder read from disk into the same index as the build", async () => {
    const contentDir = copyFixture("site");
    const outDir = path.join(tempDir("site"), "dist");
    await build(contentDir, outDir, tempDir("cache"));
    const built = snapshot(path.join(outDir, "pagefind"));
    process.env.BANTIN_CACHE_DIR = tempDir("other-cache");
    const result = await indexSite(outDir);
    expect(result.shards).toEqual({ total: 2, indexed: 2 });
    expectSameFiles(snapshot(path.join(outDir, "pagefind")), built);
  });

  it("reads the same text from disk as the build's pages gave it, under a sub-path too", async () => {
    // Under a sub-path, the base plugin rewrites the page's addresses, the article's picture's too,
    // after the article went to the index (search-plugin.ts): the index must hold what is written.
    const contentDir = copyFixture("site");
    const settingsFile = path.join(contentDir, "_data", "site.json");
    fs.writeFileSync(settingsFile, JSON.stringify({ ...JSON.parse(fs.readFileSync(settingsFile, "utf8")), url: "https://example.org/ban-tin/" }));
    writeArticle(contentDir, "2012/03/co-anh.md", 'title: "Bài có ảnh"\ndate: "2012-03-04 09:30"\ncategory: "Thông báo"\nimage: "/media/placeholder.svg"', "Xem [lịch](/luu-tru/) và ảnh.");
    const outDir = path.join(tempDir("site"), "dist");
    await build(contentDir, outDir, tempDir("cache"));
    const page = fs.readFileSync(path.join(outDir, "2012", "03", "04", "bai-co-anh", "index.html"), "utf8");
    expect(page).toContain('src="/ban-tin/media/placeholder.svg"');
    const built = snapshot(path.join(outDir, "pagefind"));
    process.env.BANTIN_CACHE_DIR = tempDir("other-cache");
    await indexSite(outDir);
    expectSameFiles(snapshot(path.join(outDir, "pagefind")), built);
  });
});

describe("a build's index told which articles it renders", () => {
  /** The fixture built, then its pages handed to a SearchIndex of another folder as a build would, in URL order. */
  async function indexAs(expectedUrls: (articles: string[]) => string[], { shardsAtOnce }: { shardsAtOnce?: number } = {}) {
    const contentDir = copyFixture("site");
    const outDir = path.join(tempDir("site"), "dist");
    process.env.BANTIN_CACHE_DIR = tempDir("cache");
    await build(contentDir, outDir, process.env.BANTIN_CACHE_DIR);
    const pages = [...snapshot(outDir).keys()].filter((file) => file.endsWith(".html")).map((file) => path.join(outDir, file));
    const articles = pages.filter((file) => fs.readFileSync(file, "utf8").includes("data-pagefind-body")).map((file) => pageUrl(outDir, file));
    // Another cache: every shard is indexed again, from what add() was given or from disk.
    process.env.BANTIN_CACHE_DIR = tempDir("cache");
    const copy = path.join(tempDir("copy"), "dist");
    fs.cpSync(outDir, copy, { recursive: true });
    const index = await SearchIndex.open(copy, { expectedUrls: () => expectedUrls(articles), shardsAtOnce });
    for (const file of pages) index.add(pageUrl(outDir, file), fs.readFileSync(file, "utf8"), path.join(copy, path.relative(outDir, file)));
    const waiting = spilledParts();
    const result = await index.finish();
    return { built: snapshot(path.join(outDir, "pagefind")), indexed: snapshot(path.join(copy, "pagefind")), result, articles, waiting };
  }

  /** Files of parts waiting for a worker in the cache. */
  const spilledParts = () => (fs.existsSync(shardCacheDir()) ? fs.readdirSync(shardCacheDir()).filter((name) => name.includes(".parts-")) : []);

  it("writes the index of the build when it renders exactly those", async () => {
    const { built, indexed, result, articles } = await indexAs((articles) => articles);
    expect(result.pages).toBe(articles.length);
    expectSameFiles(indexed, built);
  });

  it("keeps a year waiting for a busy worker in a file, and deletes it once indexed", async () => {
    // One worker: the fixture's second year (2012) is complete while the first is being indexed.
    const { built, indexed, result, articles, waiting } = await indexAs((articles) => articles, { shardsAtOnce: 1 });
    expect(waiting).toHaveLength(1);
    expect(result.pages).toBe(articles.length);
    expectSameFiles(indexed, built);
    expect(spilledParts()).toEqual([]);
  });

  it("still indexes every article when it renders more than it said, or others", async () => {
    const { built, indexed, result, articles } = await indexAs((articles) => [articles[0]!, "/2030/01/01/khong-co/"]);
    expect(result.pages).toBe(articles.length);
    expectSameFiles(indexed, built);
  });
});

describe("npm run build in a process of its own", () => {
  // The shards are indexed in worker threads: a build waiting for one must not end on its own.
  it("waits for every shard, with an empty cache, and writes the whole site", () => {
    const outDir = path.join(tempDir("cli"), "dist");
    const run = spawnSync(process.execPath, ["--import", "tsx", path.join(PROJECT, "src", "cli", "main.ts"), "build", "--lang", "en", "--content", copyFixture("site"), "--out", outDir], {
      cwd: PROJECT,
      encoding: "utf8",
      env: { ...process.env, BANTIN_CACHE_DIR: tempDir("cli-cache") },
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Built \d+ pages/m);
    const entry = JSON.parse(fs.readFileSync(path.join(outDir, "pagefind", "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
    expect(entry.languages.vi!.page_count).toBeGreaterThan(0);
    expect(JSON.parse(fs.readFileSync(path.join(outDir, ".bantin-manifest.json"), "utf8"))).toMatchObject({ complete: true });
  });
});

describe("the shard cache", () => {
  it("deletes only the shards it made that no build used for 14 days, and leaves anything else", () => {
    process.env.BANTIN_CACHE_DIR = tempDir("prune");
    const cache = shardCacheDir();
    const digest = (c: string) => c.repeat(64);
    const old = new Date(Date.now() - 15 * 86_400_000);
    for (const name of [digest("a"), digest("b"), `${digest("c")}.tmp-123-0badcafe`, "notes", digest("d").slice(1)]) {
      fs.mkdirSync(path.join(cache, name), { recursive: true });
      fs.writeFileSync(path.join(cache, name, "file"), "x");
    }
    fs.writeFileSync(path.join(cache, "readme.txt"), "the user's");
    for (const name of [digest("a"), `${digest("c")}.tmp-123-0badcafe`, "notes", digest("d").slice(1), "readme.txt"]) fs.utimesSync(path.join(cache, name), old, old);
    pruneShardCache();
    // An unused shard and a stopped build's folder go; a recent shard and every name bantin does not make stay.
    expect(fs.readdirSync(cache).sort()).toEqual([digest("b"), digest("d").slice(1), "notes", "readme.txt"].sort());
  });
});
