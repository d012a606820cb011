import fs from "node:fs";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { PagefindModule } from "../../src/client/search/pagefind-api.ts";
import type { PagefindIndexesSearchResults } from "../../src/client/search/pagefind-api.ts";
import { indexedPart, indexSite, pageUrl, SearchIndexError } from "../../src/search/indexer.ts";
import { closeSearchIndexes, searchPlugin } from "../../src/site/search-plugin.ts";
import { loadBundle } from "../helpers/pagefind-bundle.ts";
import { buildFixture, type BuiltSite, FIXTURES, tempDir } from "../helpers/site.ts";

const SEED_URL = "/2011/09/20/hoc-tap-va-lam-theo-tam-guong-dao-duc-ho-chi-minh-nhung-kinh-nghiem-thuc-tien/";
const SEED_TITLE = "Học tập và làm theo tấm gương đạo đức Hồ Chí Minh: Những kinh nghiệm thực tiễn của Đảng bộ quận Gò Vấp";
/** Article pages, by their URL shape /YYYY/MM/DD/slug/. */
const ARTICLE_FILE = /^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/;

let site: BuiltSite;
let articleUrls: string[];

beforeAll(async () => {
  site = await buildFixture(path.join(FIXTURES, "site"));
  articleUrls = site
    .files()
    .filter((file) => ARTICLE_FILE.test(file))
    .map((file) => file.replace(/index\.html$/, ""))
    .sort();
});

async function urlsOf(found: PagefindIndexesSearchResults): Promise<string[]> {
  return Promise.all(found.results.map(async (result) => (await result.data()).url));
}

describe("the search index written by the build", () => {
  it("writes Pagefind's bundle into pagefind/, one Vietnamese index of every article", () => {
    const files = site.files();
    for (const file of ["/pagefind/pagefind.js", "/pagefind/pagefind-worker.js", "/pagefind/pagefind-entry.json"]) expect(files).toContain(file);
    expect(files.some((file) => /^\/pagefind\/wasm\.[\w-]+\.pagefind$/.test(file))).toBe(true);
    const entry = JSON.parse(site.text("/pagefind/pagefind-entry.json")) as { version: string; languages: Record<string, { page_count: number }> };
    expect(entry.version).toMatch(/^1\.6\./);
    expect(Object.keys(entry.languages)).toEqual(["vi"]);
    expect(entry.languages.vi!.page_count).toBe(articleUrls.length);
    expect(articleUrls.length).toBe(7);
  });

  it("marks the content of article pages for indexing, and no other page", () => {
    const pages = site.files().filter((file) => file.endsWith(".html"));
    for (const file of pages) {
      const marked = site.page(file).querySelectorAll("[data-pagefind-body]");
      expect(marked.length, file).toBe(ARTICLE_FILE.test(file) ? 1 : 0);
    }
    const article = site.page(SEED_URL).querySelector("[data-pagefind-body]")!;
    // Breadcrumb, related lists and previous/next links are outside the indexed content.
    for (const selector of ["nav.breadcrumb", ".related", ".prev-next"]) expect(article.querySelector(selector), selector).toBeNull();
  });

  it("indexes every article with its title, date and category, and nothing else", async () => {
    const result = await indexSite(site.outDir);
    expect(result.indexed.map((page) => page.url).sort()).toEqual(articleUrls);
    expect(result.pages).toBe(articleUrls.length);
    expect(result.indexed.find((page) => page.url === SEED_URL)?.meta).toMatchObject({
      title: SEED_TITLE,
      date: "2011-09-20T09:05:00+07:00",
      category: "Các chuyên đề",
    });
    expect(result.outputPath).toBe(path.join(site.outDir, "pagefind"));
    expect(result.files).toBe(site.files().filter((file) => file.startsWith("/pagefind/")).length);
    expect(result.bytes).toBeGreaterThan(50_000);
  });

  it("has filters by category and year, with their article counts", async () => {
    const pagefind = await loadBundle(site.outDir);
    expect(await pagefind.filters()).toEqual({
      category: { "Các chuyên đề": 5, "Thông báo": 1, "Tin tức - Sự kiện": 1 },
      year: { "2011": 6, "2012": 1 },
    });
    const in2012 = await pagefind.search(null, { filters: { year: "2012" } });
    expect(await urlsOf(in2012)).toEqual(["/2012/01/01/chao-nam-moi/"]);
  });

  it("sorts by date, newest first", async () => {
    const pagefind = await loadBundle(site.outDir);
    const all = await pagefind.search(null, { sort: { date: "desc" } });
    const dates = await Promise.all(all.results.map(async (result) => (await result.data()).meta.date!));
    expect(dates).toHaveLength(articleUrls.length);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates[0]).toBe("2012-01-01T00:10:00+07:00");
  });

  it("folds tone marks, keeps đ apart from d, and shows the original text in excerpts", async () => {
    const pagefind = await loadBundle(site.outDir);
    expect(await urlsOf(await pagefind.search("go vap"))).toContain(SEED_URL);
    // What the search page works around (src/client/search/query.ts): Pagefind alone does not match "Đảng" to "dang".
    const withD = await Promise.all((await pagefind.search("dang")).results.map((result) => result.data()));
    for (const data of withD) expect(data.excerpt).not.toMatch(/<mark>Đảng/i);
    const found = await pagefind.search("đang bo");
    const first = await found.results[0]!.data();
    expect(first.url).toBe(SEED_URL);
    expect(first.excerpt).toContain("<mark>Đảng</mark> <mark>bộ</mark>");
  });

  it("leaves the category, date, view count and legacy address out of the indexed text", async () => {
    const pagefind = await loadBundle(site.outDir);
    const seed = (await pagefind.search("đang bo")).results[0]!;
    const { content } = await seed.data();
    expect(content.startsWith(SEED_TITLE)).toBe(true);
    for (const boilerplate of ["Các chuyên đề", "20/09/2011", "Số lượt người xem", "cổng thông tin cũ"]) expect(content).not.toContain(boilerplate);
    expect(content).toContain("Theo Website Thành ủy");
  });
});

describe("indexSite", () => {
  it("indexes text as Unicode NFC, even from a page written decomposed (NFD)", async () => {
    const copy = tempDir("nfd");
    fs.cpSync(site.outDir, copy, { recursive: true });
    const file = path.join(copy, SEED_URL, "index.html");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").normalize("NFD"));
    const result = await indexSite(copy);
    expect(result.indexed.find((page) => page.url === SEED_URL)?.meta.title).toBe(SEED_TITLE);
    const pagefind = await loadBundle(copy);
    const found = await pagefind.search("Đảng bộ Gò Vấp");
    expect((await found.results[0]!.data()).url).toBe(SEED_URL);
  });

  it("replaces the bundle of an earlier build", async () => {
    const copy = tempDir("stale");
    fs.cpSync(site.outDir, copy, { recursive: true });
    fs.writeFileSync(path.join(copy, "pagefind", "fragment", "stale.pf_fragment"), "left over");
    await indexSite(copy);
    expect(fs.existsSync(path.join(copy, "pagefind", "fragment", "stale.pf_fragment"))).toBe(false);
  });

  it("fails with a message naming the folder when there is no built site", async () => {
    const missing = path.join(tempDir("missing"), "dist");
    await expect(indexSite(missing)).rejects.toThrow(SearchIndexError);
    await expect(indexSite(missing)).rejects.toThrow(`search index: reading the site failed:\n  ${missing} is not a folder`);
  });

  it("makes result URLs from page files", () => {
    expect(pageUrl("/site", "/site/2011/09/20/tin/index.html")).toBe("/2011/09/20/tin/");
    expect(pageUrl("/site", "/site/index.html")).toBe("/");
    expect(pageUrl("/site", "/site/404.html")).toBe("/404.html");
  });
});

describe("searchPlugin, the Eleventy wiring", () => {
  type Handler = (event: { directories: { output: string }; outputMode: string; runMode: string }) => Promise<void>;
  type Transform = (this: { page: { url: string; outputPath: string | false } }, content: string) => Promise<string>;

  /** The plugin's handlers, and a build that hands it the fixture site's pages as Eleventy would. */
  function register() {
    const handlers = new Map<string, Handler>();
    let transform: Transform | undefined;
    let searchBody: Transform | undefined;
    const config = {
      on: (name: string, handler: Handler) => handlers.set(name, handler),
      addTransform: (_name: string, added: Transform) => (transform = added),
      addPairedShortcode: (name: string, added: Transform) => name === "searchBody" && (searchBody = added),
      // The base plugin's filter, at a site's root: the text as it is.
      getFilter: (name: string) => (name === "transformWithHtmlBase" ? async (html: string) => html : undefined),
    } as unknown as UserConfig;
    searchPlugin(config);
    expect([...handlers.keys()]).toEqual(["eleventy.before", "eleventy.after"]);
    const build = async (output: string, outputMode: string, runMode = "build", finish = true) => {
      const event = { directories: { output }, outputMode, runMode };
      await handlers.get("eleventy.before")!(event);
      // Every page is rendered before the first is written: an article's body goes to its shortcode
      // then, and the whole page to the transforms later.
      const pages = site.files().filter((name) => name.endsWith(".html")).map((file) => ({ file, page: { url: pageUrl(site.outDir, path.join(site.outDir, file)), outputPath: path.join(output, file) } }));
      for (const { file, page } of pages) {
        const body = indexedPart(site.text(file));
        if (body) expect(await searchBody!.call({ page }, body)).toBe(body);
      }
      for (const { file, page } of pages) expect(await transform!.call({ page }, site.text(file))).toBe(site.text(file));
      if (finish) await handlers.get("eleventy.after")!(event);
    };
    return build;
  }

  it("indexes the articles of builds written to disk as they are rendered, and not in-memory builds", async () => {
    const build = register();
    const output = tempDir("plugin");
    await build(output, "json");
    expect(fs.existsSync(path.join(output, "pagefind"))).toBe(false);
    await build(output, "fs");
    const entry = JSON.parse(fs.readFileSync(path.join(output, "pagefind", "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
    expect(entry.languages.vi!.page_count).toBe(articleUrls.length);
    const pagefind = await loadBundle(output);
    expect(await urlsOf(await pagefind.search("đạo đức"))).toContain(SEED_URL);
  });

  it("indexes every build of npm start, so that search follows the saved articles", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      const build = register();
      const output = tempDir("plugin");
      await build(output, "fs", "serve");
      fs.rmSync(path.join(output, "pagefind"), { recursive: true });
      await build(output, "fs", "serve");
      expect(fs.existsSync(path.join(output, "pagefind", "pagefind.js"))).toBe(true);
      const lines = log.mock.calls.map(([line]) => String(line));
      expect(lines).toHaveLength(2);
      for (const line of lines) expect(line).toMatch(new RegExp(`^\\[bantin\\] chỉ mục tìm kiếm: ${articleUrls.length} bài; lập lại \\d+ trong \\d+ phần, các phần khác giữ nguyên$`));
    } finally {
      log.mockRestore();
    }
  });

  it("lets go of Pagefind after a build that failed, so that the next one indexes", async () => {
    const build = register();
    await build(tempDir("plugin"), "fs", "build", false);
    await closeSearchIndexes();
    const result = await indexSite(site.outDir);
    expect(result.pages).toBe(articleUrls.length);
  });
});
