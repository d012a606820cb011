// Lists that scale (issue 11): a window of page links instead of every page, year and day pages
// split like the other lists, and a sitemap index once the site outgrows one sitemap file.
import fs from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { HtmlValidate } from "html-validate";
import { DOMParser } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { ROUTES } from "../../src/content/urls.ts";
import { LAYOUTS_DIR } from "../../src/core/project.ts";
import { bantinPlugin } from "../../src/site/plugin.ts";
import { buildFixture, type BuiltSite, followNext, tempDir, textOf, writeArticle } from "../helpers/site.ts";

const pad = (n: number) => String(n).padStart(2, "0");

/** An article written below: its URL, and its date as text, which sorts by time. */
interface Written {
  url: string;
  date: string;
}
const written: Written[] = [];
let contentDir: string;
let site: BuiltSite;

/** An article on `day` at 08:00 + `minute`; titles and times differ, so the order is by time alone. */
function article(day: string, minute: number, title: string): void {
  const slug = title.toLowerCase().replace(/\s+/g, "-");
  writeArticle(contentDir, `${day.slice(0, 4)}/${day.slice(5, 7)}/${slug}.md`, `title: "${title}"\ndate: "${day} 08:${pad(minute)}"\ncategory: "${minute % 2 ? "Thông báo" : "Tin tức"}"`);
  written.push({ url: `/${day.replaceAll("-", "/")}/${slug}/`, date: `${day} 08:${pad(minute)}` });
}

const newestFirst = (list: Written[]) => [...list].sort((a, b) => b.date.localeCompare(a.date)).map((entry) => entry.url);
const listed = (document: Document) => [...document.querySelectorAll("main .article-list__title a")].map((a) => a.getAttribute("href"));
const paginationLinks = (document: Document) => [...document.querySelectorAll("nav.pagination a")].map((a) => a.getAttribute("href"));
const xml = (text: string) => new DOMParser().parseFromString(text, "text/xml") as unknown as Document;

beforeAll(async () => {
  contentDir = tempDir("long-lists");
  fs.mkdirSync(path.join(contentDir, "_data"));
  fs.writeFileSync(path.join(contentDir, "_data/site.json"), JSON.stringify({ title: "Danh sách dài", url: "https://example.org", pageSize: 2, categoryPageSize: 2 }));
  // 2015: 3 articles in July, 25 on 10 March, 4 in January; 2014: 1. Two articles a page.
  for (let n = 0; n < 3; n++) article("2015-07-20", n, `Tin thang bay ${n}`);
  for (let n = 0; n < 25; n++) article("2015-03-10", n, `Tin ngay dai ${n}`);
  for (let n = 0; n < 4; n++) article("2015-01-05", n, `Tin thang mot ${n}`);
  article("2014-12-31", 0, "Tin nam truoc");
  writeArticle(contentDir, "video/clip.md", `title: "Một video"\ndate: "2015-03-10 09:00"\nurl: "https://video.example.org/clip"`);
  site = await buildFixture(contentDir);
});

describe("day pages", () => {
  it("split a long day into pages at /YYYY/MM/DD/trang/N/, every article once, newest first", () => {
    const day = written.filter((entry) => entry.url.startsWith("/2015/03/10/"));
    const pages = followNext(site, "/2015/03/10/");
    expect(pages).toEqual(["/2015/03/10/", ...Array.from({ length: 12 }, (_, index) => `/2015/03/10/trang/${index + 2}/`)]);
    expect(pages.map((url) => listed(site.page(url)).length)).toEqual([...Array(12).fill(2), 1]);
    expect(pages.flatMap((url) => listed(site.page(url)))).toEqual(newestFirst(day));
    expect(site.files()).not.toContain("/2015/03/10/trang/1/index.html");
    expect(site.files()).not.toContain("/2015/03/10/trang/14/index.html");
  });

  it("keep the day's heading, breadcrumb and count on every page, and name the page", () => {
    const second = site.page("/2015/03/10/trang/2/");
    expect(textOf(second.querySelector("h1"))).toBe("Ngày 10/03/2015 – Trang 2");
    expect(textOf(second.querySelector("title"))).toMatch(/^Ngày 10\/03\/2015 – Trang 2\b/);
    expect(textOf(second.querySelector("main > .meta"))).toBe("25 tin");
    expect([...second.querySelectorAll("nav.breadcrumb a")].map((a) => a.getAttribute("href"))).toEqual(["/", "/luu-tru/", "/2015/", "/2015/03/"]);
    expect(textOf(site.page("/2015/03/10/").querySelector("h1"))).toBe("Ngày 10/03/2015");
  });

  it("are still reached at page 1 from the calendar, the date picker and the articles", () => {
    expect([...site.page("/2015/03/").querySelectorAll("table.calendar a")].map((a) => a.getAttribute("href"))).toEqual(["/2015/03/10/"]);
    expect(site.text("/js/article-days.js")).toContain('"2015-03-10"');
    const [first] = newestFirst(written.filter((entry) => entry.url.startsWith("/2015/03/10/")));
    expect(site.page(first!).querySelector("article .meta a")?.getAttribute("href")).toBe("/2015/03/10/");
  });

  it("leave a short day on one page without pagination", () => {
    expect(listed(site.page("/2014/12/31/"))).toHaveLength(1);
    expect(site.page("/2014/12/31/").querySelector("nav.pagination")).toBeNull();
  });
});

describe("year pages", () => {
  it("split a year into pages at /YYYY/trang/N/, every article once, newest first", () => {
    const year = written.filter((entry) => entry.url.startsWith("/2015/"));
    const pages = followNext(site, "/2015/");
    expect(pages).toEqual(["/2015/", ...Array.from({ length: 15 }, (_, index) => `/2015/trang/${index + 2}/`)]);
    expect(pages.flatMap((url) => listed(site.page(url)))).toEqual(newestFirst(year));
  });

  it("head each page's articles by their month, and list every month on every page", () => {
    const headings = (url: string) => [...site.page(url).querySelectorAll("main .archive-group h2")].map(textOf);
    expect(headings("/2015/")).toEqual(["Tháng Bảy 3 tin"]);
    // The third July article and the first of March share page 2.
    expect(headings("/2015/trang/2/")).toEqual(["Tháng Bảy 3 tin", "Tháng Ba 25 tin"]);
    expect(headings("/2015/trang/16/")).toEqual(["Tháng Một 4 tin"]);
    for (const url of ["/2015/", "/2015/trang/9/"]) {
      expect([...site.page(url).querySelectorAll("main .month-list a")].map((a) => a.getAttribute("href")), url).toEqual(["/2015/07/", "/2015/03/", "/2015/01/"]);
    }
    expect(textOf(site.page("/2015/").querySelector("main > .meta"))).toBe("32 tin");
    expect(textOf(site.page("/2015/trang/16/").querySelector("h1"))).toBe("Năm 2015 – Trang 16");
  });
});

describe("pagination", () => {
  it("links the first and last pages, two either side of this one, previous and next, with gaps as text", () => {
    // 33 articles, two a page: 17 home pages.
    const middle = site.page("/trang/9/");
    expect(paginationLinks(middle)).toEqual(["/trang/8/", "/", "/trang/7/", "/trang/8/", "/trang/9/", "/trang/10/", "/trang/11/", "/trang/17/", "/trang/10/"]);
    const nav = middle.querySelector("nav.pagination")!;
    expect(nav.getAttribute("aria-label")).toBe("Phân trang");
    expect([...nav.querySelectorAll("li")].map(textOf)).toEqual(["Trang trước", "1", "…", "7", "8", "9", "10", "11", "…", "17", "Trang sau"]);
    expect([...nav.querySelectorAll("[aria-current=page]")].map((a) => a.getAttribute("href"))).toEqual(["/trang/9/"]);
    expect([...nav.querySelectorAll(".pagination__gap")].every((gap) => gap.querySelector("a") === null)).toBe(true);
  });

  it("is valid HTML with its gaps, on every kind of list", async () => {
    // As in html-valid.test.ts, which builds lists too short for gaps.
    const validator = new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "long-title": "off", "void-style": "off" } });
    for (const url of ["/trang/9/", "/2015/trang/2/", "/2015/03/10/trang/7/", "/chuyen-muc/tin-tuc/trang/5/"]) {
      const report = await validator.validateString(site.text(url), url);
      expect(report.results.flatMap((result) => result.messages.map((message) => `${message.ruleId}: ${message.message}`)), url).toEqual([]);
    }
  });

  it("shows the same window on year, day and category pages", () => {
    expect(paginationLinks(site.page("/2015/trang/8/"))).toEqual(["/2015/trang/7/", "/2015/", "/2015/trang/6/", "/2015/trang/7/", "/2015/trang/8/", "/2015/trang/9/", "/2015/trang/10/", "/2015/trang/16/", "/2015/trang/9/"]);
    expect(paginationLinks(site.page("/2015/03/10/"))).toEqual(["/2015/03/10/", "/2015/03/10/trang/2/", "/2015/03/10/trang/3/", "/2015/03/10/trang/13/", "/2015/03/10/trang/2/"]);
    const category = site.page("/chuyen-muc/tin-tuc/trang/9/");
    expect(category.querySelectorAll("nav.pagination a")).toHaveLength(5);
    expect(category.querySelector('nav.pagination a[aria-current="page"]')?.getAttribute("href")).toBe("/chuyen-muc/tin-tuc/trang/9/");
  });
});

describe("the sitemap", () => {
  /** Every page of the site but the search page (which has no content of its own), the CMS and 404.html. */
  const pages = () =>
    site
      .files()
      .filter((file) => file.endsWith("/index.html") && file !== "/tim-kiem/index.html" && !file.startsWith(ROUTES.cms))
      .map((file) => `https://example.org${file.replace(/index\.html$/, "")}`);

  it("lists every page once, the new page-N pages included, in one file up to the limit", () => {
    const locations = [...xml(site.text("/sitemap.xml")).querySelectorAll("urlset > url > loc")].map(textOf);
    expect(locations).toContain("https://example.org/2015/trang/16/");
    expect(locations).toContain("https://example.org/2015/03/10/trang/13/");
    expect(new Set(locations).size).toBe(locations.length);
    expect([...locations].sort()).toEqual(pages().sort());
    expect(site.files().filter((file) => /^\/sitemap-/.test(file))).toEqual([]);
    expect(site.text("/robots.txt")).toContain("Sitemap: https://example.org/sitemap.xml");
  });

  it("becomes an index of parts of at most the limit past it, every URL in one part", async () => {
    const limit = 10;
    const eleventy = new Eleventy(LAYOUTS_DIR, tempDir("sitemap-index"), {
      quietMode: true,
      config: (config: Parameters<typeof bantinPlugin>[0]) => config.addPlugin(bantinPlugin, { contentDir, sitemapLimit: limit }),
    });
    const outputs = (await eleventy.toJSON()) as unknown as { url: string; content: string }[];
    const byUrl = new Map(outputs.map((output) => [output.url, output.content]));
    const index = byUrl.get("/sitemap.xml")!;
    // Well-formed, and nothing but the index of the sitemaps protocol.
    expect(index).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<sitemapindex xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9">(\n {2}<sitemap><loc>[^<>&"]+<\/loc><\/sitemap>)+\n<\/sitemapindex>\n$/);
    const partUrls = [...xml(index).querySelectorAll("sitemapindex > sitemap > loc")].map(textOf);
    const single = [...xml(site.text("/sitemap.xml")).querySelectorAll("url > loc")].map(textOf);
    expect(partUrls).toEqual(Array.from({ length: Math.ceil(single.length / limit) }, (_, index) => `https://example.org/sitemap-${index + 1}.xml`));
    const inParts = partUrls.flatMap((partUrl) => {
      const part = byUrl.get(partUrl.replace("https://example.org", ""))!;
      expect(part).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9">(\n {2}<url><loc>[^<>&"]+<\/loc>(<lastmod>[^<>&"]+<\/lastmod>)?<\/url>)+\n<\/urlset>\n$/);
      const locations = [...xml(part).querySelectorAll("urlset > url > loc")].map(textOf);
      expect(locations.length).toBeLessThanOrEqual(limit);
      return locations;
    });
    expect(inParts).toEqual(single);
    expect(new Set(inParts).size).toBe(inParts.length);
  });
});
