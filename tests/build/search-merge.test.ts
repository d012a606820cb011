// mergeBundles (src/search/merge.ts) joins year shards of the search index into one bundle that must
// be the bundle Pagefind would write for all their pages at once: checked against such a bundle, by
// its decoded index and by searches through each bundle's own pagefind.js. The pages are generated
// here: Vietnamese words in several spellings (hòa, hoà, hoa), đ- and d-words, four years.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import * as pagefind from "pagefind";
import { beforeAll, describe, expect, it } from "vitest";
import type { PagefindSearchOptions } from "../../src/client/search/pagefind-api.ts";
import { mergeBundles } from "../../src/search/merge.ts";
import { encodePagefindFile, readPagefindFile } from "../../src/search/pagefind-files.ts";
import { bundleMeta, canonicalIndex } from "../helpers/pagefind-canonical.ts";
import { loadBundle } from "../helpers/pagefind-bundle.ts";
import { tempDir } from "../helpers/site.ts";

interface TestPage {
  url: string;
  year: number;
  html: string;
}

const YEARS = [2019, 2020, 2021, 2022];
const PAGES_A_YEAR = 38;
/** Later years open categories the first did not have: filter values first seen in a later bundle. */
const CATEGORIES = ["Thời sự", "Kinh tế", "Văn hóa", "Giáo dục"];
// Frequent words first: the generator draws early ones more often, so pages repeat them.
const SYLLABLES = [
  ...["hòa", "hoà", "hoa", "hóa", "hoá", "hỏa", "hoan", "hoàn", "hoàng", "hoạt", "động", "dong", "đông", "dòng", "đường", "duong", "dường"],
  ...["đại", "dai", "dài", "hội", "hồi", "hoi", "đồng", "ruộng", "lúa", "nước", "nuoc", "xã", "phường", "thôn", "ấp", "bình", "binh", "an"],
  ...["ninh", "trật", "tự", "giao", "thông", "cầu", "cau", "mới", "moi", "điện", "dien", "trường", "học", "hoc", "sinh", "giáo", "dục"],
  ...["đào", "tạo", "dao", "đạo", "đức", "duc", "kinh", "tế", "văn", "hóa", "nghệ", "thuật", "thể", "thao", "bóng", "đá", "da", "chợ"],
  ...["cho", "chờ", "mùa", "mua", "múa", "nông", "dân", "đảng", "dang", "đang", "ủy", "ban", "nhân", "người", "nguoi", "trẻ", "tre"],
  ...["tuổi", "già", "gia", "giá", "nhà", "nha", "cửa", "sông", "song", "núi", "biển", "bien", "đê", "de", "đề", "án", "dự", "du"],
  ...["kế", "hoạch", "tổng", "kết", "năm", "nam", "tháng", "ngày", "ngay", "phát", "triển", "trien", "khai", "mạc", "bế", "lễ", "le"],
  ...["tết", "tet", "xuân", "xuan", "hè", "thu", "đông"],
];

/** mulberry32: the same pages on every run. */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const two = (n: number) => String(n).padStart(2, "0");
const byUrl = (a: TestPage, b: TestPage) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);

/** Articles of every year, in URL order (years ascending); `extra` adds an element to the articles of one year. */
function generatePages(extra?: { year: number; html: string }): TestPage[] {
  const pages: TestPage[] = [];
  for (const year of YEARS) {
    const random = randomFrom(year);
    const pick = () => SYLLABLES[Math.floor(random() ** 1.6 * SYLLABLES.length)]!;
    const words = (count: number) => Array.from({ length: count }, pick).join(" ");
    for (let i = 0; i < PAGES_A_YEAR; i++) {
      const [month, day, hour, minute] = [1 + Math.floor(random() * 12), 1 + Math.floor(random() * 28), Math.floor(random() * 24), Math.floor(random() * 60)].map(two);
      const date = `${year}-${month}-${day}`;
      const title = words(4 + Math.floor(random() * 4));
      const paragraphs = Array.from({ length: 2 + Math.floor(random() * 3) }, () => `<p>${words(15 + Math.floor(random() * 30))}.</p>`).join("");
      const category = CATEGORIES[Math.floor(random() * Math.min(CATEGORIES.length, 2 + YEARS.indexOf(year)))]!;
      const slug = `${title.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").split(" ").slice(0, 3).join("-")}-${i}`;
      const html =
        `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title></head><body><nav>Trang chủ</nav>` +
        `<article data-pagefind-body><h1 data-pagefind-meta="title">${title}</h1>` +
        `<p data-pagefind-meta="date:${date}T${hour}:${minute}:00+07:00">Ngày ${day}/${month}/${year}</p>` +
        `<span data-pagefind-filter="year:${year}"></span><span data-pagefind-filter="category:${category}"></span>` +
        `<span data-pagefind-sort="date:${date}T${hour}:${minute}"></span>${extra?.year === year ? extra.html : ""}${paragraphs}</article></body></html>`;
      pages.push({ url: `/${year}/${month}/${day}/${slug}/`, year, html: html.normalize("NFC") });
    }
  }
  return pages.sort(byUrl);
}

/**
 * Pagefind's bundle of `pages`, added one at a time in order so that it numbers them in that order,
 * written to `dir/pagefind` (where loadBundle looks). `chunkSize` sets Pagefind's own chunk size,
 * through the environment of the service process that this call starts.
 */
async function pagefindBundle(pages: TestPage[], dir: string, { language = "vi", chunkSize }: { language?: string; chunkSize?: number } = {}): Promise<string> {
  const outputPath = path.join(dir, "pagefind");
  if (chunkSize !== undefined) process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(chunkSize);
  try {
    const created = await pagefind.createIndex({ forceLanguage: language });
    expect(created.errors).toEqual([]);
    for (const page of pages) expect((await created.index!.addHTMLFile({ url: page.url, content: page.html })).errors).toEqual([]);
    expect((await created.index!.writeFiles({ outputPath })).errors).toEqual([]);
  } finally {
    await pagefind.close();
    delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
  }
  return outputPath;
}

/** One bundle for each year's pages, in year order. */
async function yearBundles(pages: TestPage[]): Promise<string[]> {
  const bundles: string[] = [];
  for (const year of YEARS) bundles.push(await pagefindBundle(pages.filter((page) => page.year === year), tempDir(`year-${year}`)));
  return bundles;
}

async function merged(bundles: string[], options?: { chunkSize?: number }): Promise<string> {
  const outputPath = path.join(tempDir("merged"), "pagefind");
  await mergeBundles(bundles, outputPath, options);
  return outputPath;
}

type Query = [term: string | null, options?: PagefindSearchOptions];

const QUERIES: Query[] = [
  ["hòa"],
  ["hoà"],
  ["hoa"],
  ["hoàng"],
  ["đường"],
  ["duong"],
  ["đông"],
  ["dong"],
  ["đại hội"],
  ["văn hóa nghệ thuật"],
  // Prefixes: Pagefind adds every word that starts with them.
  ["ho"],
  ["ngư"],
  ["đ"],
  ["d"],
  ["nước", { sort: { date: "desc" } }],
  ["người", { filters: { year: "2021" } }],
  [null, { filters: { category: "Giáo dục" }, sort: { date: "asc" } }],
];

/** Every result of each query, searched through the bundle's own pagefind.js, in order: URL, score and matched positions. */
async function searchAll(bundle: string, queries: Query[]): Promise<Record<string, string[]>> {
  const api = await loadBundle(path.dirname(bundle));
  const answers: Record<string, string[]> = {};
  // In sequence, as Pagefind keeps the chunks a search loaded for the next ones.
  for (const [term, options] of queries) {
    const { results } = await api.search(term, options);
    answers[JSON.stringify([term, options])] = await Promise.all(results.map(async (result) => `${(await result.data()).url} ${result.score.toFixed(6)} [${result.words.join(",")}]`));
  }
  return answers;
}

/** The bounds of each word chunk, without the file names. */
const chunkBounds = (bundle: string) => bundleMeta(bundle).meta.chunks.map(([from, to]) => `${from}…${to}`);

let pages: TestPage[];
let years: string[];
/** Pagefind's bundle of all pages at once, at its own chunk size. */
let monolithic: string;

beforeAll(async () => {
  pages = generatePages();
  years = await yearBundles(pages);
  monolithic = await pagefindBundle(pages, tempDir("monolithic"));
});

/** readPagefindFile reads files: an encoded value goes through one. */
let scratch: string | undefined;
function writeTemporary(bytes: Buffer): string {
  scratch ??= tempDir("codec");
  const file = path.join(scratch, "file.pf_index");
  fs.writeFileSync(file, bytes);
  return file;
}

describe("the index file codec (pagefind-files.ts)", () => {
  it("decodes every metadata, word chunk and filter file Pagefind wrote, and encodes each to the same CBOR", () => {
    const files = [monolithic, ...years].flatMap((bundle) =>
      fs
        .readdirSync(bundle, { recursive: true, encoding: "utf8" })
        .filter((file) => /\.pf_(meta|index|filter)$/.test(file))
        .map((file) => path.join(bundle, file)),
    );
    expect(files.filter((file) => file.endsWith(".pf_meta"))).toHaveLength(5);
    expect(files.filter((file) => file.endsWith(".pf_index")).length).toBeGreaterThan(5);
    expect(files.filter((file) => file.endsWith(".pf_filter"))).toHaveLength(10);
    for (const file of files) {
      const value = readPagefindFile(file);
      const encoded = encodePagefindFile(value);
      const decoded = readPagefindFile(writeTemporary(encoded));
      expect(decoded, file).toEqual(value);
      // Pagefind writes each number and length in its shortest form; so must the encoder, or it writes another file.
      expect(zlib.gunzipSync(encoded).equals(zlib.gunzipSync(fs.readFileSync(file))), file).toBe(true);
    }
  });
});

describe("year bundles merged at Pagefind's chunk size", () => {
  let merge: string;
  beforeAll(async () => {
    merge = await merged(years);
  });

  it("hold the same index as Pagefind's bundle of all pages: words, spellings, positions, fields, filters, sorts", () => {
    const expected = canonicalIndex(monolithic);
    // Not a comparison of two empty indexes: every page, several spellings of one word, more than one chunk.
    expect(Object.keys(expected.wordCounts)).toHaveLength(YEARS.length * PAGES_A_YEAR);
    expect(Object.keys(expected.words.hoa!.variants)).toEqual(expect.arrayContaining(["hòa", "hoà", "hóa"]));
    expect(Object.keys(expected.filters.category!)).toHaveLength(CATEGORIES.length);
    expect(bundleMeta(monolithic).meta.chunks.length).toBeGreaterThan(1);
    expect(canonicalIndex(merge)).toEqual(expected);
  });

  it("cut their word chunks where Pagefind cuts its own", () => {
    expect(chunkBounds(merge)).toEqual(chunkBounds(monolithic));
  });

  it("give every search the results of Pagefind's bundle, with the same scores, in the same order", async () => {
    const expected = await searchAll(monolithic, QUERIES);
    for (const [query, results] of Object.entries(expected)) expect(results.length, query).toBeGreaterThan(0);
    expect(await searchAll(merge, QUERIES)).toEqual(expected);
  });
});

// 40 is about one word a chunk, which tries the bounds between chunks; 400 a few words, which tries where a chunk ends.
describe.each([40, 400])("year bundles merged into chunks of %i", (chunkSize) => {
  let merge: string;
  /** Pagefind's bundle of all pages at that chunk size: which chunks a search loads decides which longer words a prefix finds. */
  let monolithicSmall: string;
  beforeAll(async () => {
    merge = await merged(years, { chunkSize });
    monolithicSmall = await pagefindBundle(pages, tempDir("monolithic-small"), { chunkSize });
  });

  it("make many chunks, holding the same index", () => {
    expect(bundleMeta(merge).meta.chunks.length).toBeGreaterThan(40);
    expect(canonicalIndex(merge)).toEqual(canonicalIndex(monolithic));
  });

  it("cut them where Pagefind does at that size", () => {
    // Pagefind did take the size from its environment: its chunks too are many.
    expect(chunkBounds(monolithicSmall).length).toBeGreaterThan(40);
    expect(chunkBounds(merge)).toEqual(chunkBounds(monolithicSmall));
  });

  it("give every search the results of Pagefind's bundle at that size", async () => {
    expect(await searchAll(merge, QUERIES)).toEqual(await searchAll(monolithicSmall, QUERIES));
  });
});

describe("year bundles with different metadata fields", () => {
  // A name no other page holds, as metadata only: its words are found in the author field alone.
  const AUTHOR = "Quách Thị Xuyến";
  const AUTHOR_YEAR = 2021;
  let authored: TestPage[];
  let merge: string;
  let whole: string;
  beforeAll(async () => {
    authored = generatePages({ year: AUTHOR_YEAR, html: `<span data-pagefind-meta="author:${AUTHOR}"></span>` });
    merge = await merged(await yearBundles(authored));
    whole = await pagefindBundle(authored, tempDir("monolithic-author"));
  });

  it("hold the same index as Pagefind's bundle of all pages, field positions renumbered", () => {
    const expected = canonicalIndex(whole);
    // "author" sorts first: every other year's title and date positions move up by one.
    expect(expected.fields).toEqual(["author", "date", "title"]);
    expect(bundleMeta(merge).meta.fields).toEqual(["author", "date", "title"]);
    expect(canonicalIndex(merge)).toEqual(expected);
  });

  it("find the author's pages by the name, with the scores of Pagefind's bundle", async () => {
    const queries: Query[] = [["xuyến"], ["Quách Thị Xuyến"], ["xuyen"]];
    const expected = await searchAll(whole, queries);
    const authorPages = authored.filter((page) => page.year === AUTHOR_YEAR).map((page) => page.url);
    for (const results of Object.values(expected)) expect(results.map((result) => result.split(" ")[0]).sort()).toEqual(authorPages);
    expect(await searchAll(merge, queries)).toEqual(expected);
  });
});

describe("a bundle merged with itself", () => {
  it("keeps every page twice, each with a fragment of its own name", async () => {
    const single = years[1]!;
    const twice = await merged([single, single]);
    const { meta, pageCount } = bundleMeta(twice);
    expect(pageCount).toBe(2 * PAGES_A_YEAR);
    expect(meta.pages).toHaveLength(2 * PAGES_A_YEAR);
    const names = meta.pages.map(([fragment]) => fragment);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(fs.existsSync(path.join(twice, "fragment", `${name}.pf_fragment`)), name).toBe(true);

    const query: Query = ["hòa"];
    const [once] = Object.values(await searchAll(single, [query]));
    const [doubled] = Object.values(await searchAll(twice, [query]));
    expect(once!.length).toBeGreaterThan(5);
    const urls = (results: string[]) => results.map((result) => result.split(" ")[0]!);
    expect(urls(doubled!).sort()).toEqual([...urls(once!), ...urls(once!)].sort());
    // The two copies of a page are the same page to Pagefind: the same score and positions.
    const firstCopies = new Map<string, string>();
    for (const result of doubled!) {
      const url = result.split(" ")[0]!;
      if (firstCopies.has(url)) expect(result, url).toBe(firstCopies.get(url));
      else firstCopies.set(url, result);
    }
  });
});

describe("bundles of two languages", () => {
  it("are not merged: the error names both folders", async () => {
    const english = await pagefindBundle(
      [{ url: "/2020/01/01/news/", year: 2020, html: '<!DOCTYPE html><html lang="en"><body><article data-pagefind-body><h1 data-pagefind-meta="title">News</h1><p>The river festival opened today.</p></article></body></html>' }],
      tempDir("english"),
      { language: "en" },
    );
    const outputPath = path.join(tempDir("merged-languages"), "pagefind");
    let error: unknown;
    try {
      await mergeBundles([years[0]!, english], outputPath);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(years[0]!);
    expect((error as Error).message).toContain(english);
    expect(fs.existsSync(outputPath)).toBe(false);
  });
});
