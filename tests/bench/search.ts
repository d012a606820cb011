// Benchmark of search: how long the index takes to build, its size on disk, and what a reader's
// first query transfers from a static host (every Pagefind request, gzip-compressed); then the
// offline copy: its size against the build, and what a first query reads from file://; last, how
// long hostile queries take (1,000 × "d", 5,000 characters, 50 distinct words), which the search
// page cuts to their first words (src/client/search/query.ts): each should answer well under a second.
// Then the warm query table (search-latency.ts): first results and settled list, median and slowest.
//   npm run bench:search -- [--articles 10000] [--content DIR] [--query "dang bo go vap" --query …] [--runs 3] [--keep]
//   npm run bench:search -- --site DIR [--site DIR2 …] [--runs 3]
// --content benchmarks an existing content folder (e.g. content/, the sample archive) instead of a
// generated archive of --articles articles. --site times only the query table (the sites taking turns
// query by query, to compare two versions of the search page in one run) and the hostile queries,
// on sites built before.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath, pathToFileURL } from "node:url";
import zlib from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, serveStatic, type StaticServer } from "../helpers/browser.ts";
import { generateArchive } from "./generated-archive.ts";
import { QUERY_TABLE, summary, type TableQuery, timeQuery, type Timing } from "./search-latency.ts";
import { buildSite } from "../../src/site/build.ts";
import { folderSize } from "../../src/core/files.ts";
import { ONLINE_ONLY_FOLDERS } from "../../src/content/urls.ts";
import { writeOfflineCopy } from "../../src/offline/copy.ts";
import { indexSite } from "../../src/search/indexer.ts";

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(1)} s`;

/** Size of the files Pagefind fetches at search time (index, fragments, filters, metadata, WebAssembly), and of the rest. */
function bundleSizes(pagefindDir: string): { data: number; scripts: number } {
  let data = 0;
  let scripts = 0;
  for (const name of fs.readdirSync(pagefindDir, { recursive: true, encoding: "utf8" })) {
    const stat = fs.statSync(path.join(pagefindDir, name));
    if (!stat.isFile()) continue;
    if (/\.(pf_\w+|pagefind)$/.test(name) || name === "pagefind-entry.json") data += stat.size;
    else scripts += stat.size;
  }
  return { data, scripts };
}

/** Bytes serveStatic sends for a file: text types gzip-compressed, Pagefind's own compressed chunks as they are. */
function sentSize(file: string): number {
  const body = fs.readFileSync(file);
  return /\.(js|json|css|html|wasm|svg)$/.test(file) ? zlib.gzipSync(body).length : body.length;
}

/**
 * Runs one query on an opened search page as a reader would, once the empty page has settled (it
 * does not load Pagefind: everything read from `ready()` on is the query's). Returns the status line.
 */
async function typeQuery(page: Page, query: string, ready: () => void = () => {}): Promise<{ status: string; milliseconds: number }> {
  await page.waitForFunction(() => document.querySelector("[data-search-status]")?.textContent !== "");
  ready();
  const started = performance.now();
  const box = page.getByRole("main").getByRole("searchbox");
  await box.fill(query);
  await box.press("Enter");
  await page.waitForFunction(() => /^(Tìm thấy|Không tìm thấy)/.test(document.querySelector("[data-search-status]")?.textContent ?? ""), null, { timeout: 60_000 });
  const milliseconds = performance.now() - started;
  return { status: (await page.getByRole("main").getByRole("status").textContent()) ?? "", milliseconds };
}

/** Loads the search page in a fresh Chromium profile, runs one query, and counts what it cost. */
async function firstQuery(browser: Browser, server: StaticServer, outDir: string, query: string) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // Chromium names every request, the worker's too, but does not size the worker script: each file
    // is sized here as serveStatic sends it, and the total checked against what the server counted.
    const requests: string[] = [];
    page.on("request", (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith("/pagefind/")) requests.push(pathname);
    });
    await page.goto(new URL("tim-kiem/", server.url).href);
    let before = 0;
    const { status, milliseconds } = await typeQuery(page, query, () => (before = server.bytesSent()));
    const sent = server.bytesSent() - before;
    const files = requests.map((pathname) => ({ path: pathname, bytes: sentSize(path.join(outDir, pathname)) }));
    return { status, milliseconds, sent, files };
  } finally {
    await context.close();
  }
}

/** The same first query in the offline copy opened from disk: what Chromium reads of pagefind/. */
async function firstOfflineQuery(browser: Browser, offlineDir: string, query: string) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const files: string[] = [];
    page.on("request", (request) => {
      const url = request.url();
      if (url.startsWith("file:") && url.includes("/pagefind/")) files.push(fileURLToPath(url));
    });
    await page.goto(pathToFileURL(path.join(offlineDir, "tim-kiem", "index.html")).href);
    const { status, milliseconds } = await typeQuery(page, query);
    const bytes = files.reduce((total, file) => total + fs.statSync(file).size, 0);
    console.log(`first query "${query}" from file://: ${status} (${Math.round(milliseconds)} ms)`);
    console.log(`  read from disk: ${kB(bytes)} in ${files.length} files of pagefind/ (the offline bundle and wrapped index files)`);
  } finally {
    await context.close();
  }
}

/** Fifty distinct words typed without tone marks, as readers do; all of them are in the generated archive. */
const FIFTY_WORDS =
  "dang bo quan go vap phuong hoi nghi nhan dan can vien hoc tap lam theo tam guong dao duc ho chi minh kinh te xa van hoa the thao giao thong phong chay chua thanh nien phu nu y moi truong do thi an ninh trat tu so bai";

/** Queries a reader can paste or type by holding a key down, by name. */
const HOSTILE_QUERIES: [string, string][] = [
  ['1,000 × "d"', Array.from({ length: 1000 }, () => "d").join(" ")],
  ["5,000 characters", `${FIFTY_WORDS} `.repeat(Math.ceil(5000 / (FIFTY_WORDS.length + 1))).slice(0, 5000)],
  ["50 distinct words", FIFTY_WORDS],
];

/** Each hostile query typed into a freshly opened search page, then once more on the same page (Pagefind loaded). */
async function hostileQueries(browser: Browser, server: StaticServer): Promise<void> {
  for (const [name, query] of HOSTILE_QUERIES) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(new URL("tim-kiem/", server.url).href);
      const first = await typeQuery(page, query);
      // Again on the warm page, after another query: first results and settled list.
      await timeQuery(page, { kind: "between", q: "khởi động" });
      const again = await timeQuery(page, { kind: name, q: query });
      const status = first.status.length > 160 ? `${first.status.slice(0, 159)}…` : first.status;
      console.log(
        `hostile query ${name} (${query.length} characters): ${Math.round(first.milliseconds)} ms on a fresh page (settled); ` +
          `again, warm: first results ${Math.round(again.firstMs)} ms, settled ${Math.round(again.settledMs)} ms; ${status}`,
      );
    } finally {
      await context.close();
    }
  }
}

/**
 * The query table on warm pages (loaded, Pagefind initialised by a first query), one per site,
 * `runs` times over, the sites taking turns query by query so that a busy moment of the machine
 * weighs on each alike: each query's fastest run per site, then the median and slowest over the table.
 */
async function warmQueryTable(browser: Browser, sites: { name: string; server: StaticServer }[], runs: number): Promise<void> {
  // A window each: a page behind another one in the same window would be hidden, its frames paused.
  const contexts = await Promise.all(sites.map(() => browser.newContext()));
  try {
    const pages: Page[] = [];
    for (const [s, { server }] of sites.entries()) {
      const page = await contexts[s]!.newPage();
      await page.goto(new URL("tim-kiem/", server.url).href);
      await timeQuery(page, { kind: "warm-up", q: "khởi động" });
      pages.push(page);
    }
    const best = sites.map(() => new Map<TableQuery, Timing>());
    for (let run = 0; run < runs; run++) {
      for (const query of QUERY_TABLE) {
        for (const [s, page] of pages.entries()) {
          await page.bringToFront();
          const timing = await timeQuery(page, query);
          const seen = best[s]!.get(query);
          if (!seen || timing.firstMs < seen.firstMs) best[s]!.set(query, timing);
        }
      }
    }
    const ms = (value: number) => `${String(Math.round(value)).padStart(5)} ms`;
    console.log(`warm search page, ${QUERY_TABLE.length} queries, best of ${runs} run(s) each: first results / settled list${sites.length > 1 ? `, for ${sites.map((site) => site.name).join(" | ")}` : ""}`);
    for (const query of QUERY_TABLE) {
      const filters = [query.category, query.year, query.sort].filter(Boolean).join(", ");
      const name = `${query.kind}: ${query.q ? `"${query.q}"` : ""}${filters ? ` [${filters}]` : ""}`;
      const columns = best.map((timings) => `${ms(timings.get(query)!.firstMs)} ${ms(timings.get(query)!.settledMs)}`).join(" | ");
      console.log(`  ${name.padEnd(72)} ${columns}  ${best[0]!.get(query)!.status.replace(/ cho “.*$/, "")}`);
    }
    for (const [s, timings] of best.entries()) {
      const first = summary([...timings.values()].map((timing) => timing.firstMs));
      const settled = summary([...timings.values()].map((timing) => timing.settledMs));
      console.log(`  ${sites[s]!.name}: first results median ${Math.round(first.median)} ms, slowest ${Math.round(first.slowest)} ms; settled list median ${Math.round(settled.median)} ms, slowest ${Math.round(settled.slowest)} ms`);
    }
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
}

function report(query: string, measured: Awaited<ReturnType<typeof firstQuery>>): void {
  const byFile = measured.files.reduce((total, file) => total + file.bytes, 0);
  console.log(`first query "${query}" in Chromium: ${measured.status} (${Math.round(measured.milliseconds)} ms)`);
  console.log(`  transferred: ${kB(measured.sent)} (gzip, as the server counted), in ${measured.files.length} requests to pagefind/ (${kB(byFile)} by file)`);
  const byKind = new Map<string, { count: number; bytes: number }>();
  for (const file of measured.files) {
    const kind = file.path.replace(/^\/pagefind\//, "").replace(/^(index|fragment|filter)\/.*$/, "$1/*").replace(/\.[\w]+\.pf_meta$/, ".pf_meta");
    const entry = byKind.get(kind) ?? { count: 0, bytes: 0 };
    entry.count++;
    entry.bytes += file.bytes;
    byKind.set(kind, entry);
  }
  for (const [kind, { count, bytes }] of [...byKind].sort((a, b) => b[1].bytes - a[1].bytes)) console.log(`    ${kind.padEnd(28)} ${String(count).padStart(3)} × → ${kB(bytes)}`);
}

/** Only the warm query table, the first queries' transfers and the hostile queries, on sites built before (--site DIR, more than once to compare versions of the search page). */
async function timeBuiltSites(outDirs: string[], runs: number, queries: string[]): Promise<void> {
  const servers = await Promise.all(outDirs.map((outDir) => serveStatic(outDir)));
  const browser = await launchBrowser();
  try {
    await warmQueryTable(
      browser,
      servers.map((server, s) => ({ name: outDirs[s]!, server })),
      runs,
    );
    for (const [s, server] of servers.entries()) {
      console.log(`${outDirs[s]}:`);
      for (const query of queries) report(query, await firstQuery(browser, server, outDirs[s]!, query));
      await hostileQueries(browser, server);
    }
  } finally {
    await browser.close();
    await Promise.all(servers.map((server) => server.close()));
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      articles: { type: "string", default: "10000" },
      content: { type: "string" },
      query: { type: "string", multiple: true, default: ["dang bo go vap", "phường"] },
      keep: { type: "boolean", default: false },
      runs: { type: "string", default: "3" },
      site: { type: "string", multiple: true },
    },
  });
  if (values.site !== undefined) return timeBuiltSites(
      values.site.map((site) => path.resolve(site)),
      Number(values.runs),
      values.query,
    );
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "bantin-bench-search-"));
  const outDir = path.join(root, "dist");
  let contentDir = values.content;
  if (contentDir === undefined) {
    contentDir = path.join(root, "content");
    generateArchive(contentDir, Number(values.articles));
    console.log(`generated ${values.articles} articles`);
  }

  let started = performance.now();
  const build = await buildSite({ contentDir, outDir });
  console.log(`build with search index: ${build.pages} pages in ${seconds(performance.now() - started)}`);

  // The index step alone, on the site just built (the build above ran it too, inside Eleventy), with
  // an empty shard cache: the build's cache would make it a merge of shards already indexed.
  const cache = process.env.BANTIN_CACHE_DIR;
  process.env.BANTIN_CACHE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bantin-bench-cache-"));
  started = performance.now();
  const index = await indexSite(outDir);
  fs.rmSync(process.env.BANTIN_CACHE_DIR, { recursive: true, force: true });
  if (cache === undefined) delete process.env.BANTIN_CACHE_DIR;
  else process.env.BANTIN_CACHE_DIR = cache;
  const sizes = bundleSizes(index.outputPath);
  console.log(`index step alone: ${index.pages} articles in ${seconds(performance.now() - started)}`);
  console.log(
    `index on disk: ${(index.bytes / 2 ** 20).toFixed(2)} MiB in ${index.files} files ` +
      `(search data ${(sizes.data / 2 ** 20).toFixed(2)} MiB, Pagefind's scripts and UIs ${(sizes.scripts / 2 ** 20).toFixed(2)} MiB)`,
  );

  started = performance.now();
  const offlineDir = path.join(root, "Bản tin lưu trữ");
  const copy = await writeOfflineCopy(outDir, offlineDir, "/", { leaveOut: ONLINE_ONLY_FOLDERS });
  const built = folderSize(outDir);
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MiB`;
  console.log(`offline copy in ${seconds(performance.now() - started)}: ${mib(copy.bytes)} in ${copy.files} files, against ${mib(built.bytes)} in ${built.files} files built (+${(((copy.bytes - built.bytes) / built.bytes) * 100).toFixed(1)}%)`);
  if (copy.search) console.log(`  search from disk adds ${mib(copy.search.bytes)}: index files ${mib(copy.search.originalBytes)} wrapped as scripts of ${mib(copy.search.wrappedBytes)}`);

  const server = await serveStatic(outDir);
  const browser = await launchBrowser();
  try {
    for (const query of values.query) report(query, await firstQuery(browser, server, outDir, query));
    for (const query of values.query) await firstOfflineQuery(browser, offlineDir, query);
    await warmQueryTable(browser, [{ name: outDir, server }], Number(values.runs));
    await hostileQueries(browser, server);
  } finally {
    await browser.close();
    await server.close();
  }

  if (values.keep) console.log(`kept ${root}`);
  else fs.rmSync(root, { recursive: true, force: true });
}

await main();
