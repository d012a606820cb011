import path from "node:path";
import { DOMParser } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { siteFiles } from "../../src/core/files.ts";
import { cmsFiles } from "../../src/site/cms-plugin.ts";
import { CLIENT_SCRIPTS } from "../../src/site/client-scripts.ts";
import { HOST_HEADERS_FILE } from "../../src/site/host-headers.ts";
import { buildFixture, type BuiltSite, FIXTURES, PROJECT, textOf } from "../helpers/site.ts";

const SEED_URL = "/2011/09/20/hoc-tap-va-lam-theo-tam-guong-dao-duc-ho-chi-minh-nhung-kinh-nghiem-thuc-tien/";
const ATOM = "http://www.w3.org/2005/Atom";

let site: BuiltSite;

beforeAll(async () => {
  site = await buildFixture(path.join(FIXTURES, "site"));
});

const links = (document: Document, selector: string) => [...document.querySelectorAll(`${selector} a`)].map((a) => a.getAttribute("href"));
const xml = (text: string) => new DOMParser().parseFromString(text, "text/xml") as unknown as Document;

describe("article page", () => {
  it("carries every element of the legacy page", () => {
    const page = site.page(SEED_URL);
    expect(page.documentElement.getAttribute("lang")).toBe("vi");
    expect(links(page, "nav.breadcrumb")).toEqual(["/", "/chuyen-muc/cac-chuyen-de/", SEED_URL]);
    expect(textOf(page.querySelector(".article__category"))).toBe("Các chuyên đề");
    expect(textOf(page.querySelector("h1"))).toBe(
      "Học tập và làm theo tấm gương đạo đức Hồ Chí Minh: Những kinh nghiệm thực tiễn của Đảng bộ quận Gò Vấp",
    );
    const time = page.querySelector("article time");
    expect(time?.getAttribute("datetime")).toBe("2011-09-20T09:05:00+07:00");
    expect(textOf(time)).toBe("Thứ Ba, 20/09/2011 09:05");
    expect(textOf(page.querySelector(".article__source"))).toBe("Theo Website Thành ủy");
    expect([...page.querySelectorAll(".article__body h2")].map(textOf)).toEqual([
      "Chú trọng công tác triển khai, quán triệt, tuyên truyền",
      "Nhiều kết quả thiết thực",
      "Một số kinh nghiệm thực tiễn",
    ]);
    expect(textOf(page.querySelector(".article__signature"))).toBe("Trần Văn Khuyên, Phó Bí thư Thường trực Quận ủy Gò Vấp");
    expect(textOf(page.querySelector(".article__views"))).toMatch(/^Số lượt người xem: 9\.638\b/);
    expect([...page.querySelectorAll(".article__tags .tag")].map(textOf)).toEqual(["Gò Vấp", "Đảng bộ"]);
    expect(page.querySelector("[data-pagefind-body]")).not.toBeNull();
  });

  it("lists newer and older articles of the same category, and where the list goes on", () => {
    const page = site.page(SEED_URL);
    expect(textOf(page.querySelector("#tin-moi-hon"))).toBe("Tin mới hơn");
    expect(links(page, ".related__newer")).toEqual(["/2011/09/30/chuyen-de-moi-nhat/", "/2011/09/25/chuyen-de-sau-do/"]);
    expect(textOf(page.querySelector("#tin-da-dua"))).toBe("Tin đã đưa");
    // relatedCount is 2: the 00:30 article of another category is not a neighbour.
    expect(links(page, ".related__older")).toEqual(["/2011/09/19/chuyen-de-truoc-do/", "/2011/09/01/chuyen-de-cu-nhat/"]);
    const more = page.querySelector(".related__more a");
    expect(textOf(more)).toBe("Xem tiếp");
    expect(more?.getAttribute("href")).toBe("/chuyen-muc/cac-chuyen-de/trang/3/");
  });

  it("links the previous and next article of the whole archive", () => {
    const page = site.page(SEED_URL);
    expect(page.querySelector('a[rel="prev"]')?.getAttribute("href")).toBe("/2011/09/20/tin-luc-nua-dem/");
    expect(page.querySelector('a[rel="next"]')?.getAttribute("href")).toBe("/2011/09/25/chuyen-de-sau-do/");
  });

  it("omits optional elements an article does not have", () => {
    const page = site.page("/2011/09/20/tin-luc-nua-dem/");
    for (const selector of [".article__source", ".article__signature", ".article__views", ".article__tags"]) {
      expect(page.querySelector(selector), selector).toBeNull();
    }
  });
});

describe("archives by date", () => {
  it("puts an article of 00:30 Vietnam time on its own day, and 23:45 on the day before", () => {
    expect(links(site.page("/2011/09/20/"), "main .article-list__title")).toEqual([SEED_URL, "/2011/09/20/tin-luc-nua-dem/"]);
    expect(links(site.page("/2011/09/19/"), "main .article-list__title")).toEqual(["/2011/09/19/chuyen-de-truoc-do/"]);
    expect(textOf(site.page("/2011/09/20/tin-luc-nua-dem/").querySelector("article time"))).toBe("Thứ Ba, 20/09/2011 00:30");
  });

  it("converts a UTC date into Vietnam time before choosing its day", () => {
    expect(site.files()).toContain("/2012/01/01/chao-nam-moi/index.html");
    expect(site.page("/2012/01/01/chao-nam-moi/").querySelector("article time")?.getAttribute("datetime")).toBe("2012-01-01T00:10:00+07:00");
  });

  it("counts articles per month and year", () => {
    expect(textOf(site.page("/2011/09/").querySelector("main .meta"))).toBe("6 tin");
    expect(textOf(site.page("/2011/").querySelector("main .meta"))).toBe("6 tin");
    expect(textOf(site.page("/2012/").querySelector("main .meta"))).toBe("1 tin");
    const index = site.page("/luu-tru/");
    expect([...index.querySelectorAll(".archive-group h2")].map(textOf)).toEqual(["Năm 2012 1 tin", "Năm 2011 6 tin"]);
  });

  it("draws the month as a Monday-first calendar linking the days that have articles", () => {
    const calendar = site.page("/2011/09/").querySelector("table.calendar")!;
    const cells = [...calendar.querySelectorAll("tbody td")];
    // 1 September 2011 was a Thursday: three empty cells before it.
    expect(cells.slice(0, 4).map(textOf)).toEqual(["", "", "", "1"]);
    expect(cells.filter((cell) => textOf(cell) !== "")).toHaveLength(30);
    expect([...calendar.querySelectorAll("tbody a")].map((a) => a.getAttribute("href"))).toEqual([
      "/2011/09/01/",
      "/2011/09/19/",
      "/2011/09/20/",
      "/2011/09/25/",
      "/2011/09/30/",
    ]);
  });

  it("offers the date picker and year links on every page", () => {
    for (const url of ["/", "/luu-tru/", SEED_URL]) {
      const page = site.page(url);
      const picker = page.querySelector("form[data-date-picker] input[name=ngay]");
      expect(picker?.getAttribute("placeholder"), url).toBe("dd/mm/yyyy");
      expect(links(page, ".year-list"), url).toEqual(["/2012/", "/2011/"]);
    }
    expect(site.text("/js/article-days.js")).toContain('["2012-01-01","2011-09-30","2011-09-25","2011-09-20","2011-09-19","2011-09-01"]');
  });
});

describe("lists and pagination", () => {
  it("splits the home page at the configured size, with page links", () => {
    const pages = ["/", "/trang/2/", "/trang/3/", "/trang/4/"].map((url) => links(site.page(url), "main .article-list__title"));
    expect(pages.map((items) => items.length)).toEqual([2, 2, 2, 1]);
    expect(new Set(pages.flat()).size).toBe(7);
    expect(site.files()).not.toContain("/trang/5/index.html");
    expect(site.files()).not.toContain("/trang/1/index.html");
    const first = site.page("/");
    expect(first.querySelector('.pagination a[rel="prev"]')).toBeNull();
    expect(first.querySelector('.pagination a[rel="next"]')?.getAttribute("href")).toBe("/trang/2/");
    expect(first.querySelector('.pagination a[aria-current="page"]')?.getAttribute("href")).toBe("/");
    const last = site.page("/trang/4/");
    expect(last.querySelector('.pagination a[rel="next"]')).toBeNull();
    expect(last.querySelector('.pagination a[rel="prev"]')?.getAttribute("href")).toBe("/trang/3/");
  });

  it("paginates each category and counts it in the sidebar", () => {
    const category = site.page("/chuyen-muc/cac-chuyen-de/");
    expect(textOf(category.querySelector("h1"))).toBe("Các chuyên đề");
    expect(links(category, ".pagination")).toEqual(["/chuyen-muc/cac-chuyen-de/", "/chuyen-muc/cac-chuyen-de/trang/2/", "/chuyen-muc/cac-chuyen-de/trang/3/", "/chuyen-muc/cac-chuyen-de/trang/2/"]);
    expect(links(site.page("/chuyen-muc/cac-chuyen-de/trang/3/"), "main .article-list__title")).toEqual(["/2011/09/01/chuyen-de-cu-nhat/"]);
    expect([...category.querySelectorAll(".count-list li")].map(textOf)).toEqual(["Các chuyên đề 5", "Thông báo 1", "Tin tức - Sự kiện 1"]);
  });

  it("shows the summary or the start of the first paragraph", () => {
    const items = [...site.page("/").querySelectorAll(".article-list__item")];
    const summaries = Object.fromEntries(items.map((item) => [item.querySelector("a")!.getAttribute("href"), textOf(item.querySelector(".article-list__summary"))]));
    expect(summaries["/2011/09/30/chuyen-de-moi-nhat/"]).toBe("Tóm tắt viết tay.");
    expect(summaries["/2012/01/01/chao-nam-moi/"]).toBe("Giờ UTC 17:10 ngày 31/12 là 00:10 ngày 1/1/2012 ở Việt Nam.");
  });
});

describe("drafts, feeds, sitemap and the rest", () => {
  it("builds no draft anywhere", () => {
    expect(site.files().filter((file) => file.includes("ban-nhap"))).toEqual([]);
    for (const url of ["/feed.xml", "/sitemap.xml", "/chuyen-muc/thong-bao/", "/2012/01/"]) expect(site.text(url), url).not.toContain("Bản nháp");
  });

  it("writes an Atom feed of the latest articles with absolute URLs", () => {
    const feed = xml(site.text("/feed.xml"));
    expect(feed.documentElement.localName).toBe("feed");
    expect(feed.documentElement.getAttribute("xmlns")).toBe(ATOM);
    const entries = [...feed.querySelectorAll("entry")];
    expect(entries).toHaveLength(7);
    const first = entries[0]!;
    expect(textOf(first.querySelector("title"))).toBe("Chào năm mới");
    expect(first.querySelector("link")?.getAttribute("href")).toBe("https://example.org/2012/01/01/chao-nam-moi/");
    expect(textOf(first.querySelector("published"))).toBe("2012-01-01T00:10:00+07:00");
    expect(textOf(feed.querySelector("feed > updated"))).toBe("2012-01-01T00:10:00+07:00");
    for (const entry of entries) expect(textOf(entry.querySelector("id"))).toMatch(/^https:\/\/example\.org\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+\/$/);
  });

  it("writes a feed per category", () => {
    const feed = xml(site.text("/chuyen-muc/cac-chuyen-de/feed.xml"));
    expect(textOf(feed.querySelector("feed > title"))).toBe("Các chuyên đề – Bản tin thử nghiệm");
    expect(feed.querySelectorAll("entry")).toHaveLength(5);
  });

  it("lists every article in the sitemap", () => {
    const sitemap = xml(site.text("/sitemap.xml"));
    const locations = [...sitemap.querySelectorAll("url > loc")].map(textOf);
    const articles = site.files().filter((file) => /^\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+\/index\.html$/.test(file));
    expect(articles).toHaveLength(7);
    for (const file of articles) expect(locations).toContain(`https://example.org${file.replace(/index\.html$/, "")}`);
  });

  it("writes robots.txt, 404.html and the video library", () => {
    expect(site.text("/robots.txt")).toContain("Sitemap: https://example.org/sitemap.xml");
    expect(textOf(site.page("/404.html").querySelector("h1"))).toBe("Không tìm thấy trang");
    const videos = site.page("/video/");
    expect(textOf(videos.querySelector(".video__title"))).toBe("Phòng cháy chữa cháy");
    expect(videos.querySelector("video")?.getAttribute("src")).toBe("/media/videos/phong-chay-chua-chay.webm");
  });

  it("puts the search box that leads to /tim-kiem/ on every page for readers", () => {
    // The CMS at /quan-tri/ is Decap's own page.
    const pages = site.files().filter((file) => file.endsWith(".html") && !file.startsWith("/quan-tri/"));
    expect(pages.length).toBeGreaterThan(20);
    for (const file of pages) {
      const form = site.page(file).querySelector("form[role=search]");
      expect(form?.getAttribute("action"), file).toBe("/tim-kiem/");
      expect(form?.querySelector("input[name=q]"), file).not.toBeNull();
    }
  });

  it("counts the pages it wrote", () => {
    const copied = new Set(siteFiles(path.join(PROJECT, "static")));
    const bundled = new Set([...CLIENT_SCRIPTS.map((script) => script.url), ...cmsFiles()]);
    // Eleventy's count leaves out the static files it copied, the scripts bundled and Decap CMS copied before it, the search index and the hosts' `_headers` written after it, and bantin's manifest.
    const written = site.files().filter((file) => !copied.has(file) && !bundled.has(file) && !file.startsWith("/pagefind/") && file !== HOST_HEADERS_FILE && file !== "/.bantin-manifest.json");
    expect(site.pages).toBe(written.length);
  });
});
