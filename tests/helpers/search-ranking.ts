// The ranking golden of the search page (tests/browser/search-ranking.test.ts): the top 10 that
// /tim-kiem/ shows for a table of queries, on the sample archive (content/) and on a generated one
// (tests/bench/generated-archive.ts), captured from the page before its rewrite for speed.
//
// THE GOLDEN (tests/browser/search-ranking.golden.json) WAS PRODUCED BY THE SEARCH PAGE OF COMMIT
// ab35d0c. Do not regenerate it with a later version unless the ranking is meant to change: the test
// exists to prove that a faster page ranks exactly as that one did. To produce it again from ab35d0c
// (a worktree at /tmp/before, whose tests/bench lacks the generated archive: copy
// tests/bench/{generated-archive,vocabulary,search-latency}.ts and this file there, or run this file
// from the main checkout as below, which only reads the sites through Chromium):
//
//   git worktree add /tmp/before ab35d0c && ln -s "$PWD/node_modules" /tmp/before/node_modules
//   npx tsx -e 'import("./tests/bench/generated-archive.ts").then((m) => m.generateArchive("/tmp/rank/generated", 1500, { staff: 0 }))'
//   (cd /tmp/before && npx tsx src/cli/main.ts build --content content --out /tmp/rank/site-sample)
//   (cd /tmp/before && npx tsx src/cli/main.ts build --content /tmp/rank/generated --out /tmp/rank/site-generated)
//   npx tsx tests/helpers/search-ranking.ts --site-sample /tmp/rank/site-sample \
//     --site-generated /tmp/rank/site-generated --out tests/browser/search-ranking.golden.json
//
// (the number 1500 is GENERATED_ARTICLES below). Two builds and two runs gave the same golden. Ties
// that Pagefind's own order decides: quoted phrases (Pagefind scores every page that has the
// phrase 1, so their order is its page order) and, on the sample, "2015" (places 4–7). "xyzzyqqw"
// (QUERY_TABLE's "no result") finds pages: Pagefind shortens a word no page has until one does,
// here to the Roman numeral "X". Each row of the golden keeps the query's
// parameters, so the test reads its queries from the golden, not from the tables here: editing a
// table (or QUERY_TABLE in tests/bench/search-latency.ts) changes nothing until the golden is made again.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { QUERY_TABLE, type TableQuery } from "../bench/search-latency.ts";
import { generateArchive } from "../bench/generated-archive.ts";
import { launchBrowser, serveStatic, type StaticServer } from "./browser.ts";
import { PROJECT, removeTempDirs, tempDir } from "./paths.ts";

/** The commit whose search page produced the golden. */
export const GOLDEN_COMMIT = "ab35d0c";
export const GOLDEN_FILE = path.join(PROJECT, "tests", "browser", "search-ranking.golden.json");

/**
 * Articles of the generated archive. The commit above builds about 5–9 ms an article on a 2-core
 * machine: 1,500 keep the build and the test well under a minute, and give every common word
 * hundreds of matches, where the order of the first 10 depends on every ranking pass.
 */
export const GENERATED_ARTICLES = 1500;

/** The query string of /tim-kiem/, by the names of the page's form fields. */
export interface SearchParams {
  q?: string;
  "chuyen-muc"?: string;
  nam?: string;
  "sap-xep"?: string;
}

export interface RankingQuery {
  /** Unique within its archive: the message of a failed comparison. */
  name: string;
  params: SearchParams;
}

/** What the page shows for one query. */
export interface TopTen {
  /** The status line, "Tìm thấy 12 kết quả cho “…”." */
  status: string;
  /** The first 10 results' links, site-relative ("/2011/09/20/slug/"), in the page's order. */
  hrefs: string[];
}

export interface GoldenRow extends RankingQuery, TopTen {}

export interface GoldenArchive {
  /** sha256 of the content folder's files (see fingerprint): another archive would rank otherwise. */
  fingerprint: string;
  articles?: number;
  rows: GoldenRow[];
}

export interface Golden {
  comment: string;
  commit: string;
  pagefind: string;
  archives: { sample: GoldenArchive; generated: GoldenArchive };
}

/** QUERY_TABLE's fields as the page's parameters; empty ones left out, as the page's own address does. */
export function paramsOf(query: TableQuery): SearchParams {
  const params: SearchParams = { q: query.q };
  if (query.category) params["chuyen-muc"] = query.category;
  if (query.year) params.nam = query.year;
  if (query.sort) params["sap-xep"] = query.sort;
  return params;
}

const key = (params: SearchParams) => JSON.stringify(Object.entries(params).filter(([, value]) => value !== "" && value !== undefined).sort());

/**
 * The sample archive (content/, 34 articles, 2009–2013): the parameters of every row of QUERIES in
 * tests/browser/search.test.ts (copied, named after its rows), then the rows of QUERY_TABLE that
 * mean something there (not its year 2015, which the sample lacks: the page would drop the filter)
 * and are not already in.
 */
export const SAMPLE_QUERIES: RankingQuery[] = withTableRows(
  (
    [
      { name: "d for đ, no tone marks: the seed article first", params: { q: "dang bo go vap" } },
      { name: "with tone marks", params: { q: "Đảng bộ Gò Vấp" } },
      { name: "without tone marks: every article is about Gò Vấp", params: { q: "go vap" } },
      { name: "upper case", params: { q: "GÒ VẤP" } },
      { name: "typed decomposed (NFD), as some keyboards do", params: { q: "Gò Vấp".normalize("NFD") } },
      { name: "a word of two syllables, without marks", params: { q: "hoc tap" } },
      { name: "d for đ twice: “đạo đức” before “giáo dục – Đào tạo”", params: { q: "dao duc" } },
      { name: "the same words typed with their marks", params: { q: "đạo đức" } },
      { name: "d for đ in a longer query", params: { q: "dang ky kinh doanh" } },
      { name: "upper case, D for Đ", params: { q: "DANG KY" } },
      { name: "exact tone marks rank above folded matches", params: { q: "đăng ký" } },
      { name: "a title in quotation marks, typed without marks", params: { q: "dan van kheo" } },
      { name: "several words", params: { q: "phong chay chua chay" } },
      { name: "without marks again", params: { q: "trieu cuong" } },
      { name: "a phrase", params: { q: '"chi cục thuế"' } },
      { name: "a phrase without marks", params: { q: '"chi cuc thue"' } },
      { name: "a category filter", params: { q: "dang bo", "chuyen-muc": "Tin tức - Sự kiện" } },
      { name: "a year filter", params: { q: "go vap", nam: "2013" } },
      { name: "newest first", params: { q: "bau cu", "sap-xep": "moi-nhat" } },
      { name: "newest first, merging the readings of d", params: { q: "dang bo", "sap-xep": "moi-nhat" } },
      { name: "a category alone lists its articles, newest first", params: { "chuyen-muc": "Thông báo" } },
      { name: "no result", params: { q: "qxz" } },
    ] as RankingQuery[]
  ).map((row) => ({ ...row, name: `search.test.ts: ${row.name}` })),
  QUERY_TABLE.filter((query) => !query.year),
);

/**
 * The generated archive: QUERY_TABLE, then multi-word queries where the ranking passes decide the
 * order: the same words with and without tone marks, d typed for đ, words that stand together in
 * the archive's phrases (tests/bench/vocabulary.ts) against the same syllables scattered, marks
 * typed on some words only, and the passes under filters and newest first.
 */
export const GENERATED_QUERIES: RankingQuery[] = withTableRows(
  [],
  [
    ...QUERY_TABLE,
    { kind: "a phrase's words, tone marks typed", q: "bảo hiểm y tế" },
    { kind: "a phrase's words, tone-less", q: "bao hiem y te" },
    { kind: "a phrase's words, đ typed", q: "đền ơn đáp nghĩa" },
    { kind: "a phrase's words, đ typed as d, tone-less", q: "den on dap nghia" },
    { kind: "three words, marks", q: "dân vận khéo" },
    { kind: "Đ twice, typed as d", q: "dai hoi dang bo" },
    { kind: "words whose folded forms collide (tình, tính, tinh), marks", q: "nhà tình nghĩa" },
    { kind: "words whose folded forms collide, tone-less", q: "nha tinh nghia" },
    { kind: "marks on some words only", q: "Đảng bo quan Go Vap" },
    { kind: "a tone-less word that is many words (chi, chỉ, chí, chị), category", q: "chi bo", category: "Xây dựng Đảng" },
    { kind: "marks, category", q: "lịch tiếp công dân", category: "Thông báo" },
    { kind: "marks, year and category", q: "hội thi văn nghệ", year: "2019", category: "Văn hóa - Thể thao" },
    { kind: "đ typed as d, newest first", q: "dang ky", sort: "moi-nhat" },
    { kind: "a street, đ typed as d", q: "duong quang trung" },
    { kind: "upper case, D for Đ", q: "DOAN THANH NIEN" },
  ],
);

/** `rows`, then the rows of `table` whose parameters are not in yet, named after their kind. */
function withTableRows(rows: RankingQuery[], table: TableQuery[]): RankingQuery[] {
  const seen = new Set(rows.map((row) => key(row.params)));
  const all = [...rows];
  for (const query of table) {
    const params = paramsOf(query);
    if (seen.has(key(params))) continue;
    seen.add(key(params));
    all.push({ name: query.kind, params });
  }
  const names = new Set(all.map((row) => row.name));
  if (names.size !== all.length) throw new Error("two rows of a ranking table have the same name");
  return all;
}

/** The address of the search page for some parameters, relative to the site root. */
export function searchPath(params: SearchParams): string {
  const query = new URLSearchParams(Object.entries(params).filter(([, value]) => value !== undefined && value !== "") as [string, string][]);
  return `tim-kiem/?${query}`;
}

/**
 * Opens the search page for `params` on `page` and reads its top 10 once it has settled: the status
 * line says how many results there are (or that there are none) and the results list is not
 * aria-busy (a page that refines its order after showing a first one marks the list busy meanwhile).
 * Status and links are read in the same frame as the check, so they belong together.
 */
export async function topTen(page: Page, server: StaticServer, params: SearchParams): Promise<TopTen> {
  await page.goto(new URL(searchPath(params), server.url).href);
  const shown = await page.waitForFunction(
    () => {
      const status = document.querySelector("main [data-search-status]")?.textContent ?? "";
      const list = document.querySelector("[data-search-results]");
      if (!list || !/^(Tìm thấy|Không tìm thấy)/.test(status) || list.getAttribute("aria-busy") === "true") return false;
      const links = [...list.querySelectorAll(".search-result h3 a")].slice(0, 10);
      return { status, hrefs: links.map((link) => link.getAttribute("href") ?? "") };
    },
    null,
    { timeout: 30_000 },
  );
  const { status, hrefs } = (await shown.jsonValue()) as TopTen;
  return { status, hrefs: hrefs.map((href) => sitePath(href, server)) };
}

/** A link as a site-relative path: "http://127.0.0.1:4000/2011/09/20/slug/" → "/2011/09/20/slug/". */
function sitePath(href: string, server: StaticServer): string {
  const url = new URL(href, server.url);
  if (!url.href.startsWith(server.url)) throw new Error(`a result links outside the site: ${href}`);
  return `/${url.href.slice(server.url.length)}`;
}

/** sha256 of a folder's files, their paths and bytes, in path order. */
export function fingerprint(dir: string): string {
  const hash = crypto.createHash("sha256");
  const files = fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => fs.statSync(path.join(dir, file)).isFile())
    .map((file) => file.split(path.sep).join("/"))
    .sort();
  for (const file of files) hash.update(`${file}\0`).update(fs.readFileSync(path.join(dir, file))).update("\0");
  return hash.digest("hex");
}

/** The generated archive of the golden, in a new temporary folder. */
export function generatedContent(): string {
  const dir = tempDir("ranking-generated");
  // A name of its own for each signed article, as when the golden was recorded.
  generateArchive(dir, GENERATED_ARTICLES, { staff: 0 });
  return dir;
}

export function readGolden(): Golden {
  return JSON.parse(fs.readFileSync(GOLDEN_FILE, "utf8")) as Golden;
}

/**
 * The top 10 of every query, in order, on one page of a fresh browser context: each query is a
 * navigation of its own (a new document; the context's storage stays), about half the time a new
 * context per query takes. A new document matters: Pagefind 1.6 answers a query differently once
 * earlier searches have loaded other index chunks (Pagefind issues #674, #795): "nha tinh nghia"
 * run after the other queries of the table on one warm page orders 7 of its 10 otherwise. The
 * golden is what a page that had searched nothing before showed.
 */
export async function topTens(browser: Browser, server: StaticServer, queries: RankingQuery[]): Promise<GoldenRow[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const rows: GoldenRow[] = [];
    for (const query of queries) rows.push({ ...query, ...(await topTen(page, server, query.params)) });
    return rows;
  } finally {
    await context.close();
  }
}

async function capture(browser: Browser, siteDir: string, queries: RankingQuery[]): Promise<GoldenRow[]> {
  const server = await serveStatic(path.resolve(siteDir));
  try {
    return await topTens(browser, server, queries);
  } finally {
    await server.close();
  }
}

/**
 * Writes the golden from two sites built by commit ab35d0c (see the top of this file). Not to be run
 * on sites of a later version unless the ranking is meant to change.
 */
async function writeGolden(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      "site-sample": { type: "string" },
      "site-generated": { type: "string" },
      "content-sample": { type: "string", default: path.join(PROJECT, "content") },
      out: { type: "string", default: GOLDEN_FILE },
    },
  });
  if (!values["site-sample"] || !values["site-generated"]) {
    throw new Error("usage: npx tsx tests/helpers/search-ranking.ts --site-sample DIR --site-generated DIR [--content-sample DIR] [--out FILE]");
  }
  const browser = await launchBrowser();
  const pagefind = JSON.parse(fs.readFileSync(path.join(PROJECT, "node_modules", "pagefind", "package.json"), "utf8")) as { version: string };
  let golden: Golden;
  try {
    golden = {
      comment:
        `Top 10 of /tim-kiem/ as the search page of commit ${GOLDEN_COMMIT} ranked them. Written by tests/helpers/search-ranking.ts, read by ` +
        "tests/browser/search-ranking.test.ts. Do not regenerate with a later version unless the ranking is meant to change.",
      commit: GOLDEN_COMMIT,
      pagefind: pagefind.version,
      archives: {
        sample: { fingerprint: fingerprint(values["content-sample"]), rows: await capture(browser, values["site-sample"], SAMPLE_QUERIES) },
        generated: {
          fingerprint: fingerprint(generatedContent()),
          articles: GENERATED_ARTICLES,
          rows: await capture(browser, values["site-generated"], GENERATED_QUERIES),
        },
      },
    };
  } finally {
    await browser.close();
  }
  fs.writeFileSync(values.out, `${JSON.stringify(golden, null, 2)}\n`);
  for (const [name, archive] of Object.entries(golden.archives)) {
    console.log(`${name}: ${archive.rows.length} rows, ${archive.rows.filter((row) => row.hrefs.length === 0).length} without results`);
  }
  console.log(`wrote ${values.out}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  writeGolden(process.argv.slice(2))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    })
    .finally(removeTempDirs);
}
