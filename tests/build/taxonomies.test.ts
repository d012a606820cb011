// Tags and authors as pages of their own: /tu-khoa/<slug>/, /tac-gia/<slug>/, split like a
// category, with an index of each, linked from the article.
import fs from "node:fs";
import path from "node:path";
import { DOMParser } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load.ts";
import { slugify } from "../../src/core/slug.ts";
import { buildFixture, type BuiltSite, copyFixture, followNext, tempDir, textOf, writeArticle } from "../helpers/site.ts";

let contentDir: string;
let site: BuiltSite;

const pad = (n: number) => String(n).padStart(2, "0");
const listed = (document: Document) => [...document.querySelectorAll("main .article-list__title a")].map((a) => a.getAttribute("href"));
const hrefs = (document: Document, selector: string) => [...document.querySelectorAll(selector)].map((a) => a.getAttribute("href"));
const xml = (text: string) => new DOMParser().parseFromString(text, "text/xml") as unknown as Document;

/** The URLs of the loaded articles `which` picks, newest first, worked out from the articles themselves. */
function newestFirst(which: (article: { tags: string[]; author?: string }) => boolean): string[] {
  return loadContent(contentDir)
    .articles.filter(which)
    .sort((a, b) => b.timestamp - a.timestamp)
    .map((article) => article.url);
}

beforeAll(async () => {
  contentDir = copyFixture("site");
  // Lists of their own size: the tag and author pages go by categoryPageSize, not pageSize.
  const settingsFile = path.join(contentDir, "_data/site.json");
  fs.writeFileSync(settingsFile, JSON.stringify({ ...JSON.parse(fs.readFileSync(settingsFile, "utf8")), pageSize: 3, categoryPageSize: 4 }));
  // The fixture's essay is tagged "Gò Vấp" and "Đảng bộ", signed by Trần Văn Khuyên; 26 more "Gò Vấp"
  // articles, one a day, every fifth signed by one author writing in two categories.
  for (let n = 0; n < 26; n++) {
    const tags = n < 3 ? `["Gò Vấp", "An ninh"]` : `["Gò Vấp"]`;
    const author = n % 5 === 0 ? `\nauthor: "Nguyễn Thị Hồng Nhung"` : "";
    writeArticle(contentDir, `2013/03/tin-phuong-${n}.md`, `title: "Tin phường số ${n}"\ndate: "2013-03-${pad(n + 1)} 08:00"\ncategory: "${n % 2 ? "Thông báo" : "Tin tức - Sự kiện"}"\ntags: ${tags}${author}`);
  }
  // Two spellings of one tag and of one author, and a tag with no letter or digit, which has no page.
  writeArticle(contentDir, "2013/04/an-uong.md", `title: "Ăn uống ngày hè"\ndate: "2013-04-01 08:00"\ncategory: "Thông báo"\nauthor: "Lê Văn Đức"\ntags: ["Ăn uống", "Dân số", "Gò vấp"]`);
  writeArticle(contentDir, "2013/04/dan-so.md", `title: "Dân số phường"\ndate: "2013-04-02 08:00"\ncategory: "Thông báo"\nauthor: "Lê Văn Đức"\nauthor_title: "Cán bộ dân số"\ntags: ["Dân số", "…"]`);
  writeArticle(contentDir, "2013/04/y-te.md", `title: "Y tế phường"\ndate: "2013-04-03 08:00"\ncategory: "Thông báo"\nauthor: "Le Van Duc"\ntags: ["Y tế"]`);
  site = await buildFixture(contentDir);
});

describe("tag pages", () => {
  it("list a tag's articles newest first at /tu-khoa/<slug>/, split at categoryPageSize", () => {
    const pages = followNext(site, "/tu-khoa/go-vap/");
    const expected = newestFirst((article) => article.tags.some((tag) => slugify(tag) === "go-vap"));
    expect(expected).toHaveLength(28);
    expect(pages).toEqual(["/tu-khoa/go-vap/", ...Array.from({ length: 6 }, (_, index) => `/tu-khoa/go-vap/trang/${index + 2}/`)]);
    expect(pages.map((url) => listed(site.page(url)).length)).toEqual([4, 4, 4, 4, 4, 4, 4]);
    expect(pages.flatMap((url) => listed(site.page(url)))).toEqual(expected);
    expect(listed(site.page("/tu-khoa/an-ninh/"))).toEqual(newestFirst((article) => article.tags.includes("An ninh")));
    expect(site.files()).not.toContain("/tu-khoa/go-vap/trang/8/index.html");
  });

  it("name the tag in the h1, the title and the breadcrumb, on every page", () => {
    const first = site.page("/tu-khoa/go-vap/");
    expect(textOf(first.querySelector("h1"))).toBe("Từ khóa: Gò Vấp");
    expect(textOf(first.querySelector("title"))).toBe("Từ khóa: Gò Vấp – Bản tin thử nghiệm");
    expect(hrefs(first, "nav.breadcrumb a")).toEqual(["/", "/tu-khoa/", "/tu-khoa/go-vap/"]);
    expect(textOf(first.querySelector("nav.breadcrumb"))).toBe("Trang chủ Từ khóa Gò Vấp");
    const third = site.page("/tu-khoa/go-vap/trang/3/");
    expect(textOf(third.querySelector("h1"))).toBe("Từ khóa: Gò Vấp – Trang 3");
    expect(textOf(third.querySelector("title"))).toBe("Từ khóa: Gò Vấp – Trang 3 – Bản tin thử nghiệm");
    expect(hrefs(third, "nav.breadcrumb a")).toEqual(["/", "/tu-khoa/", "/tu-khoa/go-vap/"]);
    expect(hrefs(third, "nav.breadcrumb [aria-current=page]")).toEqual([]);
  });

  it("show the window of page links the other lists show", () => {
    const slug = "/tu-khoa/go-vap/";
    expect(hrefs(site.page(slug), "nav.pagination a")).toEqual([slug, `${slug}trang/2/`, `${slug}trang/3/`, `${slug}trang/7/`, `${slug}trang/2/`]);
    expect([...site.page(slug).querySelectorAll("nav.pagination li")].map(textOf)).toEqual(["1", "2", "3", "…", "7", "Trang sau"]);
    expect(hrefs(site.page(`${slug}trang/7/`), "nav.pagination a")).toEqual([`${slug}trang/6/`, slug, `${slug}trang/5/`, `${slug}trang/6/`, `${slug}trang/7/`]);
    expect(site.page("/tu-khoa/an-ninh/").querySelector("nav.pagination")).toBeNull();
  });

  it("give two spellings of one slug one page, named by the spelling most articles use, naming the other", () => {
    expect(site.files().filter((file) => file.startsWith("/tu-khoa/go-vap"))).toHaveLength(7);
    expect(textOf(site.page("/tu-khoa/go-vap/").querySelector("main > .meta"))).toBe("28 tin · Cũng viết là: Gò vấp");
    expect(listed(site.page("/tu-khoa/go-vap/"))[0]).toBe(newestFirst((article) => article.tags.includes("Gò vấp"))[0]);
  });
});

describe("author pages", () => {
  it("list an author's articles newest first, from every category", () => {
    const pages = followNext(site, "/tac-gia/nguyen-thi-hong-nhung/");
    expect(pages).toEqual(["/tac-gia/nguyen-thi-hong-nhung/", "/tac-gia/nguyen-thi-hong-nhung/trang/2/"]);
    expect(pages.flatMap((url) => listed(site.page(url)))).toEqual(newestFirst((article) => article.author === "Nguyễn Thị Hồng Nhung"));
    const categories = pages.flatMap((url) => [...site.page(url).querySelectorAll("main .article-list .meta a")].map(textOf));
    expect(new Set(categories)).toEqual(new Set(["Thông báo", "Tin tức - Sự kiện"]));
    const first = site.page("/tac-gia/nguyen-thi-hong-nhung/");
    expect(textOf(first.querySelector("h1"))).toBe("Tác giả: Nguyễn Thị Hồng Nhung");
    expect(textOf(first.querySelector("title"))).toBe("Tác giả: Nguyễn Thị Hồng Nhung – Bản tin thử nghiệm");
    expect(textOf(first.querySelector("main > .meta"))).toBe("6 tin");
    expect(hrefs(first, "nav.breadcrumb a")).toEqual(["/", "/tac-gia/", "/tac-gia/nguyen-thi-hong-nhung/"]);
    expect(textOf(site.page("/tac-gia/nguyen-thi-hong-nhung/trang/2/").querySelector("h1"))).toBe("Tác giả: Nguyễn Thị Hồng Nhung – Trang 2");
  });

  it("give two spellings of one name one page that names both", () => {
    const page = site.page("/tac-gia/le-van-duc/");
    expect(textOf(page.querySelector("h1"))).toBe("Tác giả: Lê Văn Đức");
    expect(textOf(page.querySelector("main > .meta"))).toBe("3 tin · Cũng viết là: Le Van Duc");
    expect(listed(page)).toEqual(newestFirst((article) => article.author !== undefined && slugify(article.author) === "le-van-duc"));
    expect(site.files().filter((file) => file.startsWith("/tac-gia/")).sort()).toEqual(
      ["/tac-gia/index.html", "/tac-gia/le-van-duc/index.html", "/tac-gia/nguyen-thi-hong-nhung/index.html", "/tac-gia/nguyen-thi-hong-nhung/trang/2/index.html", "/tac-gia/tran-van-khuyen/index.html"].sort(),
    );
  });
});

describe("index pages", () => {
  const entries = (url: string) => [...site.page(url).querySelectorAll("main .count-list li")].map((li) => [li.querySelector("a")?.getAttribute("href"), textOf(li.querySelector("a")), textOf(li.querySelector(".count"))]);

  it("list every tag once with its count, in Vietnamese order", () => {
    const page = site.page("/tu-khoa/");
    expect(textOf(page.querySelector("h1"))).toBe("Từ khóa");
    expect(textOf(page.querySelector("title"))).toBe("Từ khóa – Bản tin thử nghiệm");
    // Ă after A and Đ after D, as a Vietnamese reader looks them up; byte order would put both after Y.
    expect(entries("/tu-khoa/")).toEqual([
      ["/tu-khoa/an-ninh/", "An ninh", "3 tin"],
      ["/tu-khoa/an-uong/", "Ăn uống", "1 tin"],
      ["/tu-khoa/dan-so/", "Dân số", "2 tin"],
      ["/tu-khoa/dang-bo/", "Đảng bộ", "1 tin"],
      ["/tu-khoa/go-vap/", "Gò Vấp", "28 tin"],
      ["/tu-khoa/y-te/", "Y tế", "1 tin"],
    ]);
  });

  it("list every author once with their count, in Vietnamese order", () => {
    expect(textOf(site.page("/tac-gia/").querySelector("h1"))).toBe("Tác giả");
    expect(entries("/tac-gia/")).toEqual([
      ["/tac-gia/le-van-duc/", "Lê Văn Đức", "3 tin"],
      ["/tac-gia/nguyen-thi-hong-nhung/", "Nguyễn Thị Hồng Nhung", "6 tin"],
      ["/tac-gia/tran-van-khuyen/", "Trần Văn Khuyên", "1 tin"],
    ]);
  });

  it("are reached from the archive index", () => {
    const links = [...site.page("/luu-tru/").querySelectorAll("main .archive-more a")].map((link) => [link.getAttribute("href"), textOf(link)]);
    expect(links).toEqual([
      ["/tu-khoa/", "Từ khóa"],
      ["/tac-gia/", "Tác giả"],
    ]);
  });
});

describe("the article page", () => {
  const articleUrl = (file: string) => loadContent(contentDir).articles.find((article) => article.file === file)!.url;

  it("links each tag, as the article writes it, to its page; a tag with no slug stays text", () => {
    const page = site.page(articleUrl("2013/04/an-uong.md"));
    expect([...page.querySelectorAll(".article__tags a")].map((a) => [a.getAttribute("href"), textOf(a)])).toEqual([
      ["/tu-khoa/an-uong/", "Ăn uống"],
      ["/tu-khoa/dan-so/", "Dân số"],
      ["/tu-khoa/go-vap/", "Gò vấp"],
    ]);
    const other = site.page(articleUrl("2013/04/dan-so.md"));
    expect(textOf(other.querySelector(".article__tags"))).toBe("Từ khóa: Dân số, …");
    expect(hrefs(other, ".article__tags a")).toEqual(["/tu-khoa/dan-so/"]);
  });

  it("links the author's name in the signature to the author's page, keeping the title after it", () => {
    const signature = (file: string) => site.page(articleUrl(file)).querySelector(".article__signature");
    expect(textOf(signature("2013/04/dan-so.md"))).toBe("Lê Văn Đức, Cán bộ dân số");
    expect(hrefs(site.page(articleUrl("2013/04/dan-so.md")), ".article__signature a")).toEqual(["/tac-gia/le-van-duc/"]);
    expect(textOf(signature("2013/04/y-te.md")?.querySelector("a"))).toBe("Le Van Duc");
    expect(signature("2013/04/y-te.md")?.querySelector("a")?.getAttribute("href")).toBe("/tac-gia/le-van-duc/");
    expect(signature("2011/09/buoi-sang.md")?.querySelector("a")?.getAttribute("href")).toBe("/tac-gia/tran-van-khuyen/");
    expect(signature("2013/03/tin-phuong-1.md")).toBeNull();
  });
});

describe("the sitemap", () => {
  it("lists both index pages and every page of every tag and author", () => {
    const locations = new Set([...xml(site.text("/sitemap.xml")).querySelectorAll("urlset > url > loc")].map(textOf));
    const pages = site
      .files()
      .filter((file) => /^\/(tu-khoa|tac-gia)\/.*index\.html$/.test(file))
      .map((file) => `https://example.org${file.replace(/index\.html$/, "")}`);
    expect(pages).toContain("https://example.org/tu-khoa/");
    expect(pages).toContain("https://example.org/tac-gia/");
    expect(pages).toContain("https://example.org/tu-khoa/go-vap/trang/7/");
    // Both indexes, 12 pages of six tags (seven of "Gò Vấp"), 4 of three authors.
    expect(pages).toHaveLength(2 + 12 + 4);
    for (const url of pages) expect(locations.has(url), url).toBe(true);
  });
});

describe("an archive without tags or authors", () => {
  it("still has both index pages, which say there is nothing to list, and articles with neither", async () => {
    const bare = tempDir("no-taxonomies");
    fs.mkdirSync(path.join(bare, "_data"));
    fs.writeFileSync(path.join(bare, "_data/site.json"), JSON.stringify({ title: "Không từ khóa", url: "https://example.org" }));
    writeArticle(bare, "2014/05/tin-mot.md", `title: "Tin một"\ndate: "2014-05-06 07:00"\ncategory: "Thông báo"`);
    const built = await buildFixture(bare);
    expect(textOf(built.page("/tu-khoa/").querySelector("main"))).toBe("Từ khóa Chưa có từ khóa nào.");
    expect(textOf(built.page("/tac-gia/").querySelector("main"))).toBe("Tác giả Chưa có tác giả nào.");
    expect(built.files().filter((file) => /^\/(tu-khoa|tac-gia)\//.test(file))).toEqual(["/tac-gia/index.html", "/tu-khoa/index.html"]);
    const article = built.page("/2014/05/06/tin-mot/");
    expect(article.querySelector(".article__tags, .article__signature")).toBeNull();
  });
});
