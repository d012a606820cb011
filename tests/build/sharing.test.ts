// What pages tell search engines and social sites: canonical address, Open Graph, Twitter card,
// and the NewsArticle JSON-LD of articles, read from built pages of the fixture site.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { authorType } from "../../src/content/sharing.ts";
import { ROUTES } from "../../src/content/urls.ts";
import { buildFixture, type BuiltSite, copyFixture, writeArticle } from "../helpers/site.ts";

const FULL_URL = "/2011/09/22/cong-vien-lang-hoa/";
const LOCAL_IMAGE_URL = "/2011/09/23/hop-ban-ke-hoach/";
const SVG_IMAGE_URL = "/2011/09/24/ve-sinh-moi-truong/";
const HOSTILE_URL = "/2011/09/26/tin-co-the-script/";
const HOSTILE_TITLE = `Tin "nóng" </script><script>alert('x')</script> & <!-- chú thích`;
const LEGACY = "http://cong-thong-tin.example.vn/Lists/Posts/Post.aspx?ID=1234";

/** The fixture site with articles that exercise every tag, its site URL set to `url`. */
function contentWith(url: string): string {
  const contentDir = copyFixture("site");
  const settingsFile = path.join(contentDir, "_data/site.json");
  fs.writeFileSync(settingsFile, JSON.stringify({ ...JSON.parse(fs.readFileSync(settingsFile, "utf8")), url }));
  writeArticle(
    contentDir,
    "2011/09/cong-vien.md",
    [
      'title: "Quận Gò Vấp khánh thành công viên Làng Hoa"',
      'date: "2011-09-22 14:30"',
      'category: "Các chuyên đề"',
      'author: "Nguyễn Thị Mai"',
      'author_title: "Phóng viên"',
      'summary: "Sáng 22/9, quận khánh thành công viên Làng Hoa rộng 2 ha."',
      'tags: ["Gò Vấp", "Công viên"]',
      'image: "https://anh.example.vn/cong-vien.jpg"',
      `legacy_url: "${LEGACY}"`,
      "slug: cong-vien-lang-hoa",
    ].join("\n"),
  );
  writeArticle(
    contentDir,
    "2011/09/hop-ban.md",
    ['title: "Họp bàn kế hoạch năm 2012"', 'date: "2011-09-23 08:00"', 'category: "Thông báo"', 'image: "media/chia-se.png"', "slug: hop-ban-ke-hoach"].join("\n"),
    "Ủy ban nhân dân quận họp bàn kế hoạch năm 2012.",
  );
  writeArticle(
    contentDir,
    "2011/09/ve-sinh.md",
    ['title: "Ra quân vệ sinh môi trường"', 'date: "2011-09-24 07:00"', 'category: "Thông báo"', 'image: "media/placeholder.svg"', 'author: "Ban Tuyên giáo Quận uỷ"', "slug: ve-sinh-moi-truong"].join("\n"),
  );
  writeArticle(
    contentDir,
    "2011/09/script.md",
    [`title: ${JSON.stringify(HOSTILE_TITLE)}`, 'date: "2011-09-26 10:00"', 'category: "Thông báo"', 'author: "</script>"', 'tags: ["</script><b>"]', "slug: tin-co-the-script"].join("\n"),
  );
  return contentDir;
}

let site: BuiltSite;
let subPathSite: BuiltSite;

beforeAll(async () => {
  site = await buildFixture(contentWith("https://example.org"));
  subPathSite = await buildFixture(contentWith("https://example.org/ban-tin/"));
});

const property = (page: Document, name: string) => [...page.querySelectorAll(`meta[property="${name}"]`)].map((meta) => meta.getAttribute("content"));
const named = (page: Document, name: string) => [...page.querySelectorAll(`meta[name="${name}"]`)].map((meta) => meta.getAttribute("content"));
const canonical = (page: Document) => [...page.querySelectorAll('link[rel="canonical"]')].map((link) => link.getAttribute("href"));
function jsonLd(page: Document): unknown[] {
  return [...page.querySelectorAll('script[type="application/ld+json"]')].map((script) => JSON.parse(script.textContent ?? ""));
}
/** The site URL of a written page: /a/index.html → /a/. */
const pageUrl = (file: string) => file.replace(/index\.html$/, "");

describe("every page", () => {
  it("names its own absolute address as canonical and og:url, once", () => {
    // The CMS is a tool for editors, not a page to share.
    const pages = site.files().filter((file) => file.endsWith(".html") && !file.startsWith(ROUTES.cms));
    expect(pages.length).toBeGreaterThan(20);
    for (const file of pages) {
      const page = site.page(file);
      expect(canonical(page), file).toEqual([`https://example.org${pageUrl(file)}`]);
      expect(property(page, "og:url"), file).toEqual([`https://example.org${pageUrl(file)}`]);
      expect(property(page, "og:site_name"), file).toEqual(["Bản tin thử nghiệm"]);
      expect(property(page, "og:locale"), file).toEqual(["vi_VN"]);
    }
  });

  it("describes the home page as the website, with the site description and the default image", () => {
    const home = site.page("/");
    expect(canonical(home)).toEqual(["https://example.org/"]);
    expect(property(home, "og:type")).toEqual(["website"]);
    expect(property(home, "og:title")).toEqual(["Bản tin thử nghiệm"]);
    expect(property(home, "og:description")).toEqual(["Một kho bản tin nhỏ dùng để kiểm thử."]);
    expect(property(home, "og:image")).toEqual(["https://example.org/media/chia-se.png"]);
    expect(property(home, "og:image:alt")).toEqual(["Biểu trưng của bản tin: chữ B trắng trên nền đỏ"]);
    expect(named(home, "twitter:card")).toEqual(["summary"]);
    expect(named(home, "twitter:title")).toEqual(["Bản tin thử nghiệm"]);
    expect(named(home, "twitter:description")).toEqual(["Một kho bản tin nhỏ dùng để kiểm thử."]);
    expect(named(home, "twitter:image")).toEqual(["https://example.org/media/chia-se.png"]);
    expect(property(home, "article:published_time")).toEqual([]);
    expect(jsonLd(home)).toEqual([]);
  });

  it("titles a list page by what it lists", () => {
    const category = site.page("/chuyen-muc/thong-bao/");
    expect(property(category, "og:type")).toEqual(["website"]);
    expect(property(category, "og:title")).toEqual(["Thông báo"]);
    expect(named(category, "twitter:title")).toEqual(["Thông báo"]);
  });

  it("ships the default image as a PNG, which social sites accept", () => {
    const png = fs.readFileSync(path.join(site.outDir, "media/chia-se.png"));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // The IHDR chunk: 1200×630, the size Facebook and X show large.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });
});

describe("an article page", () => {
  it("carries Open Graph, article and Twitter tags of the article", () => {
    const page = site.page(FULL_URL);
    const url = `https://example.org${FULL_URL}`;
    expect(canonical(page)).toEqual([url]);
    expect(property(page, "og:type")).toEqual(["article"]);
    expect(property(page, "og:title")).toEqual(["Quận Gò Vấp khánh thành công viên Làng Hoa"]);
    expect(property(page, "og:description")).toEqual(["Sáng 22/9, quận khánh thành công viên Làng Hoa rộng 2 ha."]);
    expect(property(page, "og:url")).toEqual([url]);
    expect(property(page, "og:image")).toEqual(["https://anh.example.vn/cong-vien.jpg"]);
    expect(property(page, "og:image:alt")).toEqual(["Quận Gò Vấp khánh thành công viên Làng Hoa"]);
    expect(property(page, "article:published_time")).toEqual(["2011-09-22T14:30:00+07:00"]);
    expect(property(page, "article:section")).toEqual(["Các chuyên đề"]);
    expect(property(page, "article:author")).toEqual(["Nguyễn Thị Mai"]);
    expect(property(page, "article:tag")).toEqual(["Gò Vấp", "Công viên"]);
    expect(named(page, "twitter:card")).toEqual(["summary_large_image"]);
    expect(named(page, "twitter:title")).toEqual(["Quận Gò Vấp khánh thành công viên Làng Hoa"]);
    expect(named(page, "twitter:description")).toEqual(["Sáng 22/9, quận khánh thành công viên Làng Hoa rộng 2 ha."]);
    expect(named(page, "twitter:image")).toEqual(["https://anh.example.vn/cong-vien.jpg"]);
    expect(named(page, "twitter:image:alt")).toEqual(["Quận Gò Vấp khánh thành công viên Làng Hoa"]);
  });

  it("describes the article as a schema.org NewsArticle", () => {
    const url = `https://example.org${FULL_URL}`;
    expect(jsonLd(site.page(FULL_URL))).toEqual([
      {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        headline: "Quận Gò Vấp khánh thành công viên Làng Hoa",
        description: "Sáng 22/9, quận khánh thành công viên Làng Hoa rộng 2 ha.",
        datePublished: "2011-09-22T14:30:00+07:00",
        author: { "@type": "Person", name: "Nguyễn Thị Mai", jobTitle: "Phóng viên" },
        publisher: { "@type": "Organization", name: "Bản tin thử nghiệm", url: "https://example.org/" },
        image: "https://anh.example.vn/cong-vien.jpg",
        url,
        mainEntityOfPage: url,
        articleSection: "Các chuyên đề",
        inLanguage: "vi",
        keywords: ["Gò Vấp", "Công viên"],
        isBasedOn: LEGACY,
      },
    ]);
  });

  it("makes an image under static/ absolute, and leaves out what the article does not have", () => {
    const page = site.page(LOCAL_IMAGE_URL);
    expect(property(page, "og:image")).toEqual(["https://example.org/media/chia-se.png"]);
    expect(property(page, "og:image:alt")).toEqual(["Họp bàn kế hoạch năm 2012"]);
    expect(named(page, "twitter:card")).toEqual(["summary_large_image"]);
    // No summary in the front matter: the start of the body.
    expect(property(page, "og:description")).toEqual(["Ủy ban nhân dân quận họp bàn kế hoạch năm 2012."]);
    for (const name of ["article:author", "article:tag"]) expect(property(page, name), name).toEqual([]);
    const [data] = jsonLd(page) as Record<string, unknown>[];
    expect(data).toMatchObject({ headline: "Họp bàn kế hoạch năm 2012", image: "https://example.org/media/chia-se.png", articleSection: "Thông báo" });
    for (const key of ["author", "keywords", "isBasedOn", "dateModified"]) expect(data, key).not.toHaveProperty(key);
  });

  it("names an office that signs an article as an organisation, a person as a person", () => {
    expect(jsonLd(site.page(SVG_IMAGE_URL))).toMatchObject([{ author: { "@type": "Organization", name: "Ban Tuyên giáo Quận uỷ" } }]);
    for (const name of ["Nguyễn Thị Mai", "Bảo Ngọc", "Đoàn Thị Mỹ Linh", "Trần Văn Ban"]) expect(authorType(name), name).toBe("Person");
    for (const name of ["Phòng Y tế quận", "Trung tâm Văn hóa - Thể dục thể thao", "Ủy ban nhân dân phường 7", "UBND quận Gò Vấp", "Báo Sài Gòn Giải Phóng", "Hội Phụ nữ"]) expect(authorType(name), name).toBe("Organization");
  });

  it("shares the default PNG instead of an SVG image, on a small card", () => {
    const page = site.page(SVG_IMAGE_URL);
    expect(property(page, "og:image")).toEqual(["https://example.org/media/chia-se.png"]);
    expect(property(page, "og:image:alt")).toEqual(["Biểu trưng của bản tin: chữ B trắng trên nền đỏ"]);
    expect(named(page, "twitter:card")).toEqual(["summary"]);
    expect(jsonLd(page)).toMatchObject([{ image: "https://example.org/media/chia-se.png" }]);
  });

  it("keeps a title with </script> and quotes inside its attribute and its JSON-LD", () => {
    const page = site.page(HOSTILE_URL);
    expect(property(page, "og:title")).toEqual([HOSTILE_TITLE]);
    expect(named(page, "twitter:title")).toEqual([HOSTILE_TITLE]);
    expect(property(page, "article:author")).toEqual(["</script>"]);
    expect(jsonLd(page)).toMatchObject([{ headline: HOSTILE_TITLE, author: { name: "</script>" }, keywords: ["</script><b>"] }]);
    // Nothing broke out: the page has only its own scripts, and the JSON-LD holds no "<" at all.
    expect(page.querySelectorAll("script:not([src]):not([type])")).toHaveLength(0);
    const raw = site.text(HOSTILE_URL);
    const script = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(raw)?.[1] ?? "";
    expect(script).toContain("\\u003c/script\\u003e");
    expect(script).not.toContain("<");
    expect(raw).not.toContain("alert('x')</script>");
  });
});

describe("a site hosted under a sub-path", () => {
  it("gives absolute addresses with the sub-path", () => {
    for (const file of subPathSite.files().filter((name) => name.endsWith(".html") && !name.startsWith(ROUTES.cms))) {
      expect(canonical(subPathSite.page(file)), file).toEqual([`https://example.org/ban-tin${pageUrl(file)}`]);
    }
    const home = subPathSite.page("/");
    expect(property(home, "og:url")).toEqual(["https://example.org/ban-tin/"]);
    expect(property(home, "og:image")).toEqual(["https://example.org/ban-tin/media/chia-se.png"]);
    const article = subPathSite.page(LOCAL_IMAGE_URL);
    const url = `https://example.org/ban-tin${LOCAL_IMAGE_URL}`;
    expect(property(article, "og:url")).toEqual([url]);
    expect(property(article, "og:image")).toEqual(["https://example.org/ban-tin/media/chia-se.png"]);
    expect(named(article, "twitter:image")).toEqual(["https://example.org/ban-tin/media/chia-se.png"]);
    expect(jsonLd(article)).toMatchObject([
      { url, mainEntityOfPage: url, image: "https://example.org/ban-tin/media/chia-se.png", publisher: { url: "https://example.org/ban-tin/" } },
    ]);
  });
});
