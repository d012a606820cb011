import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildFixture, type BuiltSite, FIXTURES, textOf } from "../helpers/site.ts";

const SEED_URL = "/2011/09/20/hoc-tap-va-lam-theo-tam-guong-dao-duc-ho-chi-minh-nhung-kinh-nghiem-thuc-tien/";

/** One page of each type the site has. */
const PAGE_TYPES = [
  ["home", "/"],
  ["category", "/chuyen-muc/cac-chuyen-de/"],
  ["year", "/2011/"],
  ["month", "/2011/09/"],
  ["day", "/2011/09/20/"],
  ["article", SEED_URL],
  ["archive index", "/luu-tru/"],
  ["video", "/video/"],
  ["search", "/tim-kiem/"],
  ["404", "/404.html"],
] as const;

let site: BuiltSite;

beforeAll(async () => {
  site = await buildFixture(path.join(FIXTURES, "site"));
});

const headingLevels = (page: Document) => [...page.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((heading) => Number(heading.tagName.slice(1)));

/** The previous and next period links of a page: [href, rel] or null when absent. */
function periodLinks(url: string) {
  const nav = site.page(url).querySelector("main nav.period-nav");
  const link = (selector: string) => {
    const a = nav?.querySelector(selector);
    return a ? [a.getAttribute("href"), a.getAttribute("rel")] : null;
  };
  return { previous: link(".period-nav__previous"), next: link(".period-nav__next") };
}

describe("headings", () => {
  it.each(PAGE_TYPES)("%s: one h1 first, and no level skipped", (_type, url) => {
    const levels = headingLevels(site.page(url));
    expect(levels[0], url).toBe(1);
    expect(levels.filter((level) => level === 1), url).toHaveLength(1);
    const jumps = levels.flatMap((level, index) => (index > 0 && level > levels[index - 1]! + 1 ? [`h${levels[index - 1]} → h${level}`] : []));
    expect(jumps, url).toEqual([]);
  });

  it("titles list items one level below the heading they are under", () => {
    expect(site.page("/").querySelector(".article-list__title")?.tagName).toBe("H2");
    expect(site.page("/2011/09/20/").querySelector(".article-list__title")?.tagName).toBe("H2");
    // Month and year pages group their articles under a day or month h2.
    expect(site.page("/2011/09/").querySelector(".archive-group h2 ~ .article-list .article-list__title")?.tagName).toBe("H3");
    expect(site.page("/2012/").querySelector(".archive-group h2 ~ .article-list .article-list__title")?.tagName).toBe("H3");
  });
});

describe("previous and next year, month and day", () => {
  it("links a month to the nearest months with articles, skipping empty ones", () => {
    expect(periodLinks("/2011/09/")).toEqual({ previous: null, next: ["/2012/01/", "next"] });
    expect(periodLinks("/2012/01/")).toEqual({ previous: ["/2011/09/", "prev"], next: null });
    expect(textOf(site.page("/2012/01/").querySelector(".period-nav__previous"))).toBe("‹ Tháng trước: 9/2011");
  });

  it("links a day to the nearest days with articles, across months and years", () => {
    expect(periodLinks("/2011/09/01/")).toEqual({ previous: null, next: ["/2011/09/19/", "next"] });
    expect(periodLinks("/2011/09/20/")).toEqual({ previous: ["/2011/09/19/", "prev"], next: ["/2011/09/25/", "next"] });
    expect(periodLinks("/2011/09/30/")).toEqual({ previous: ["/2011/09/25/", "prev"], next: ["/2012/01/01/", "next"] });
    expect(periodLinks("/2012/01/01/")).toEqual({ previous: ["/2011/09/30/", "prev"], next: null });
    expect(textOf(site.page("/2011/09/20/").querySelector(".period-nav__next"))).toBe("Ngày sau: 25/09/2011 ›");
  });

  it("links a year to the nearest years; on a year of several pages rel stays with the pagination", () => {
    expect(periodLinks("/2012/")).toEqual({ previous: ["/2011/", "prev"], next: null });
    // 2011 has 6 articles on pages of 2: its pages are the series that rel="prev"/"next" names.
    for (const url of ["/2011/", "/2011/trang/2/", "/2011/trang/3/"]) expect(periodLinks(url), url).toEqual({ previous: null, next: ["/2012/", null] });
    expect(site.page("/2011/").querySelector('.pagination a[rel="next"]')?.getAttribute("href")).toBe("/2011/trang/2/");
  });

  it("never gives two links of one page the same rel", () => {
    const pages = site.files().filter((file) => file.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(20);
    for (const file of pages) {
      const page = site.page(file);
      for (const rel of ["prev", "next"]) expect(page.querySelectorAll(`a[rel~="${rel}"]`).length, `${file} rel=${rel}`).toBeLessThanOrEqual(1);
    }
  });
});

describe("reaching a day without JavaScript", () => {
  it("links every day of a month that has articles from its calendar, and no other", () => {
    for (const month of ["/2011/09/", "/2012/01/"]) {
      const dayPages = site
        .files()
        .filter((file) => new RegExp(`^${month}\\d{2}/index\\.html$`).test(file))
        .map((file) => file.replace(/index\.html$/, ""));
      expect(dayPages.length, month).toBeGreaterThan(0);
      const calendarLinks = [...site.page(month).querySelectorAll("table.calendar tbody a")].map((a) => a.getAttribute("href"));
      expect(calendarLinks, month).toEqual(dayPages);
    }
  });

  it("sends the date form to the archive index, which says how to go on from there", () => {
    for (const url of ["/", SEED_URL, "/luu-tru/"]) {
      for (const form of site.page(url).querySelectorAll("form[data-date-picker]")) expect(form.getAttribute("action"), url).toBe("/luu-tru/#chon-ngay");
    }
    const index = site.page("/luu-tru/");
    expect(textOf(index.querySelector("#chon-ngay"))).toBe("Để xem tin của một ngày, hãy chọn năm và tháng dưới đây, rồi chọn ngày trên lịch của tháng.");
    // From there, every month with articles, whose page has the calendar.
    expect([...index.querySelectorAll(".month-list a")].map((a) => a.getAttribute("href"))).toEqual(["/2012/01/", "/2011/09/"]);
  });

  it("asks for the day as dd/mm/yyyy in its label and its field", () => {
    const page = site.page(SEED_URL);
    const input = page.querySelector("aside form[data-date-picker] input[name=ngay]")!;
    expect(input.getAttribute("type")).toBe("text");
    expect(input.getAttribute("placeholder")).toBe("dd/mm/yyyy");
    expect(new RegExp(`^(?:${input.getAttribute("pattern")})$`, "v").test("20/09/2011")).toBe(true);
    expect(new RegExp(`^(?:${input.getAttribute("pattern")})$`, "v").test("2011-09-20")).toBe(false);
    expect(textOf(page.querySelector(`label[for="${input.id}"]`))).toBe("Chọn ngày (dd/mm/yyyy)");
    // The browser shows the title when the text does not match the pattern.
    expect(input.getAttribute("title")).toBe("Nhập theo dạng dd/mm/yyyy, ví dụ 20/09/2011.");
  });
});
