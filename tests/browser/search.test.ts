import fs from "node:fs";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, serveStatic, type StaticServer } from "../helpers/browser.ts";
import { buildFixture, PROJECT, tempDir } from "../helpers/site.ts";

// The sample archive in content/: 34 articles, all of them about Gò Vấp.
const SEED = "Học tập và làm theo tấm gương đạo đức Hồ Chí Minh: Những kinh nghiệm thực tiễn của Đảng bộ quận Gò Vấp";
const SEED_PATH = "/2011/09/20/hoc-tap-va-lam-theo-tam-guong-dao-duc-ho-chi-minh-nhung-kinh-nghiem-thuc-tien/";
const ARTICLES = 34;
const NO_RESULT = (query: string) => `Không tìm thấy kết quả nào cho “${query}”. Hãy thử từ khóa khác hoặc bỏ bớt từ.`;
// With a filter chosen, the status line also suggests taking it off.
const NO_RESULT_FILTERED = (query: string) => `Không tìm thấy kết quả nào cho “${query}”. Hãy thử từ khóa khác, bỏ bớt từ hoặc bỏ bộ lọc.`;
const COUNT = (count: number, query: string) => `Tìm thấy ${count} kết quả cho “${query}”.`;
const BY_DATE = "Xem các bản tin theo ngày trong mục Lưu trữ";
const WITHOUT_FILTERS = (query: string) => `Tìm “${query}” trong mọi chuyên mục và năm`;

let browser: Browser;
let server: StaticServer;
let subPathServer: StaticServer;

beforeAll(async () => {
  const site = await buildFixture(path.join(PROJECT, "content"));
  server = await serveStatic(site.outDir);
  // The same archive hosted under a sub-path, which its site URL names.
  const contentDir = tempDir("content-sub-path");
  fs.cpSync(path.join(PROJECT, "content"), contentDir, { recursive: true });
  const settingsFile = path.join(contentDir, "_data", "site.json");
  fs.writeFileSync(settingsFile, JSON.stringify({ ...JSON.parse(fs.readFileSync(settingsFile, "utf8")), url: "https://example.org/ban-tin/" }));
  const subPathSite = await buildFixture(contentDir);
  subPathServer = await serveStatic(subPathSite.outDir, "/ban-tin/");
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await subPathServer?.close();
});

interface Result {
  title: string;
  href: string;
  datetime: string | null;
  date: string;
  category: string;
  excerpt: string;
}

interface Opened {
  page: Page;
  /** Console errors, uncaught exceptions, failed requests and requests to any other host. */
  problems: string[];
}

/** A page in a context of its own (axe-core needs one), to be closed with page.context().close(). */
async function open(url: string, base: StaticServer = server): Promise<Opened> {
  const page = await (await browser.newContext()).newPage();
  const problems: string[] = [];
  const origin = new URL(base.url).origin;
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`error: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`failed: ${request.url()}`));
  page.on("request", (request) => {
    if (!request.url().startsWith(origin)) problems.push(`other host: ${request.url()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
  });
  await page.goto(new URL(url, base.url).href);
  return { page, problems };
}

const status = (page: Page) => page.getByRole("main").getByRole("status");

/** Waits until the search has answered, then reads the status line and the results shown. */
async function resultsOf(page: Page): Promise<{ status: string; results: Result[] }> {
  await expect.poll(async () => (await status(page).textContent()) ?? "", { timeout: 20_000 }).toMatch(/^(Tìm thấy|Không tìm thấy)/);
  const results = await page.locator(".search-result").evaluateAll((items) =>
    items.map((item) => ({
      title: item.querySelector("h3 a")!.textContent!,
      href: item.querySelector("h3 a")!.getAttribute("href")!,
      datetime: item.querySelector("time")?.getAttribute("datetime") ?? null,
      date: item.querySelector("time")?.textContent ?? "",
      category: item.querySelector(".search-result__category")?.textContent ?? "",
      excerpt: item.querySelector(".search-result__excerpt")!.innerHTML,
    })),
  );
  return { status: (await status(page).textContent()) ?? "", results };
}

async function search(params: Record<string, string>, base: StaticServer = server) {
  const opened = await open(`tim-kiem/?${new URLSearchParams(params)}`, base);
  const found = await resultsOf(opened.page);
  return { ...opened, ...found, titles: found.results.map((result) => result.title) };
}

/** The links shown under the status line when nothing is found (none while hidden): name, path and query. */
async function suggestionsOf(page: Page): Promise<[string, string][]> {
  return page
    .getByRole("main")
    .locator("[data-search-suggestions] a")
    .evaluateAll((links: HTMLAnchorElement[]) => links.filter((link) => link.checkVisibility()).map((link) => [link.textContent ?? "", link.pathname + link.search] as [string, string]));
}

/** A word no indexed word covers enough of finds nothing, and the page suggests the archive by date. */
async function findsNothing({ page, status, results }: Awaited<ReturnType<typeof search>>, query: string): Promise<void> {
  expect(status).toBe(NO_RESULT(query));
  expect(results).toEqual([]);
  expect(await suggestionsOf(page)).toEqual([[BY_DATE, "/luu-tru/"]]);
}

const DANG_KY_ARTICLES = ["Một cửa liên thông: rút ngắn thời gian đăng ký kinh doanh hộ cá thể", "Thông báo đăng ký nghĩa vụ quân sự cho công dân nam đủ 17 tuổi"];

/** Each row: the query string of /tim-kiem/, and what the page must show. */
const QUERIES: [string, Record<string, string>, (found: Awaited<ReturnType<typeof search>>) => void | Promise<void>][] = [
  [
    "d for đ, no tone marks: the seed article first",
    { q: "dang bo go vap" },
    ({ titles, results, status }) => {
      expect(titles[0]).toBe(SEED);
      expect(status).toMatch(/^Tìm thấy \d+ kết quả cho “dang bo go vap”\.$/);
      // The highlight shows the words as written, not folded.
      expect(results[0]!.excerpt).toContain("<mark>Đảng</mark> <mark>bộ</mark> quận <mark>Gò</mark> <mark>Vấp");
      expect(results[0]!.excerpt).not.toMatch(/Dảng|Dang/);
    },
  ],
  [
    "with tone marks",
    { q: "Đảng bộ Gò Vấp" },
    ({ titles, results }) => {
      expect(titles.slice(0, 3)).toContain(SEED);
      // Pages with "Đảng" as typed come before a page that has only "đăng" (folded, the same letters).
      const dangKy = titles.indexOf(DANG_KY_ARTICLES[0]!);
      expect(dangKy).toBeGreaterThan(4);
      results.slice(0, dangKy).forEach((result) => expect(result.excerpt).toMatch(/<mark>(Đảng|bộ|Gò|Vấp)/i));
      for (const title of titles.filter((title) => title.includes("Đảng"))) expect(titles.indexOf(title)).toBeLessThan(dangKy);
    },
  ],
  [
    "without tone marks: every article is about Gò Vấp",
    { q: "go vap" },
    ({ status, results }) => {
      expect(status).toBe(COUNT(ARTICLES, "go vap"));
      expect(results).toHaveLength(10);
      for (const result of results) expect(result.excerpt).toMatch(/<mark>Gò<\/mark> <mark>Vấp/);
    },
  ],
  ["upper case", { q: "GÒ VẤP" }, ({ status }) => expect(status).toBe(COUNT(ARTICLES, "GÒ VẤP"))],
  ["typed decomposed (NFD), as some keyboards do", { q: "Gò Vấp".normalize("NFD") }, ({ results }) => expect(results).toHaveLength(10)],
  [
    "a word of two syllables, without marks",
    { q: "hoc tap" },
    ({ titles, results }) => {
      expect(titles[0]).toBe(SEED);
      expect(results[0]!.excerpt).toContain("<mark>Học</mark> <mark>tập</mark>");
    },
  ],
  [
    "d for đ twice: “đạo đức” before “giáo dục – Đào tạo”",
    { q: "dao duc" },
    ({ titles, results }) => {
      expect(titles[0]).toBe(SEED);
      expect(results).toHaveLength(7);
      results.slice(0, 6).forEach((result) => expect(result.excerpt).toContain("<mark>đạo</mark> <mark>đức</mark>"));
      expect(titles[6]).toBe("Gò Vấp khai giảng năm học 2012-2013");
    },
  ],
  [
    "the same words typed with their marks",
    { q: "đạo đức" },
    ({ titles, status }) => {
      expect(status).toBe(COUNT(6, "đạo đức"));
      expect(titles[0]).toBe(SEED);
    },
  ],
  [
    "d for đ in a longer query",
    { q: "dang ky kinh doanh" },
    ({ titles }) => expect(titles).toEqual(["Một cửa liên thông: rút ngắn thời gian đăng ký kinh doanh hộ cá thể"]),
  ],
  ["upper case, D for Đ", { q: "DANG KY" }, ({ titles }) => expect(titles.slice(0, 2).sort()).toEqual(DANG_KY_ARTICLES)],
  [
    "exact tone marks rank above folded matches",
    { q: "đăng ký" },
    async ({ page, titles, status }) => {
      expect(titles.slice(0, 2).sort()).toEqual(DANG_KY_ARTICLES);
      expect(status).toBe(COUNT(14, "đăng ký"));
      await page.getByRole("button", { name: "Xem thêm kết quả" }).click();
      await expect.poll(() => page.locator(".search-result").count()).toBe(14);
      const { results } = await resultsOf(page);
      // Pages with "đăng ký" as typed, highlighted as typed; then pages found only with marks folded ("Đảng", "kỷ").
      const exact = results.map((result) => /<mark>đăng<\/mark> <mark>ký<\/mark>/i.test(result.excerpt));
      const firstFolded = exact.indexOf(false);
      expect(firstFolded).toBeGreaterThan(9);
      expect(exact.slice(firstFolded)).not.toContain(true);
      for (const result of results.slice(firstFolded)) expect(result.excerpt).toMatch(/<mark>(Đảng|kỷ)/i);
    },
  ],
  [
    "a title in quotation marks, typed without marks",
    { q: "dan van kheo" },
    ({ titles, results }) => {
      expect(titles).toEqual(["“Dân vận khéo” ở phường 7"]);
      expect(results[0]!.excerpt).toContain("<mark>“Dân</mark> <mark>vận</mark> <mark>khéo”</mark>");
    },
  ],
  ["several words", { q: "phong chay chua chay" }, ({ titles }) => expect(titles[0]).toBe("Diễn tập chữa cháy ban đêm tại chung cư phường 10")],
  ["without marks again", { q: "trieu cuong" }, ({ titles }) => expect(titles[0]).toBe("Triều cường đạt đỉnh: Gò Vấp gia cố bờ bao dọc sông Vàm Thuật")],
  [
    "a phrase",
    { q: "\"chi cục thuế\"" },
    ({ titles }) => {
      expect(titles).toHaveLength(3);
      expect(titles).toContain("Chi cục Thuế Gò Vấp thu ngân sách sáu tháng đạt 56% dự toán");
      expect(titles).toContain("Chi bộ Chi cục Thuế quận Gò Vấp: làm theo gương Bác từ cải cách thủ tục");
    },
  ],
  ["a phrase without marks", { q: "\"chi cuc thue\"" }, ({ titles }) => expect(titles).toHaveLength(3)],
  [
    "a category filter",
    { q: "dang bo", "chuyen-muc": "Tin tức - Sự kiện" },
    ({ titles, results }) => {
      expect(titles[0]).toBe("Bế mạc Đại hội Đảng bộ quận Gò Vấp lần thứ X");
      for (const result of results) expect(result.category).toBe("Tin tức - Sự kiện");
    },
  ],
  [
    "a year filter",
    { q: "go vap", nam: "2013" },
    ({ status, results }) => {
      expect(status).toBe(COUNT(5, "go vap"));
      for (const result of results) expect(result.datetime).toMatch(/^2013-/);
    },
  ],
  [
    "newest first",
    { q: "bau cu", "sap-xep": "moi-nhat" },
    ({ titles, results }) => {
      expect(titles).toEqual(["Cử tri Gò Vấp nô nức đi bầu cử", "Thông báo thời gian bỏ phiếu ngày 22-5-2011", "Gò Vấp chuẩn bị bầu cử đại biểu Quốc hội và Hội đồng nhân dân các cấp"]);
      expect(results[0]!.date).toBe("Chủ Nhật, 22/05/2011 18:30");
    },
  ],
  [
    "newest first, merging the readings of d",
    { q: "dang bo", "sap-xep": "moi-nhat" },
    ({ results }) => {
      const dates = results.map((result) => result.datetime!);
      expect(dates.length).toBe(10);
      expect(dates).toEqual([...dates].sort().reverse());
    },
  ],
  [
    "a category alone lists its articles, newest first",
    { "chuyen-muc": "Thông báo" },
    ({ status, results }) => {
      expect(status).toBe(COUNT(4, "Thông báo"));
      expect(results.map((result) => result.category)).toEqual(["Thông báo", "Thông báo", "Thông báo", "Thông báo"]);
      expect(results.map((result) => result.datetime!.slice(0, 10))).toEqual(["2013-04-02", "2012-06-01", "2011-05-22", "2010-03-01"]);
    },
  ],
  [
    "no result",
    { q: "qxz" },
    ({ status, results }) => {
      expect(status).toBe(NO_RESULT("qxz"));
      expect(results).toEqual([]);
    },
  ],
  // Pagefind alone answers these through the longest indexed word they start with: the "X" of
  // "lần thứ X", the "A" of "trình độ A", "Gò".
  ["a word matched only through its first letter", { q: "xyzzyqqw" }, (found) => findsNothing(found, "xyzzyqqw")],
  ["another", { q: "asdfgh" }, (found) => findsNothing(found, "asdfgh")],
  ["a word of three letters matched only through two", { q: "gox" }, (found) => findsNothing(found, "gox")],
  [
    "a word typed in part",
    { q: "phuon" },
    ({ status, results }) => {
      expect(status).toMatch(/^Tìm thấy \d+ kết quả cho “phuon”\.$/);
      for (const result of results) expect(result.excerpt).toMatch(/<mark>[Pp]hư[ờơ]ng/);
    },
  ],
  [
    "a word typed with one letter too many",
    { q: "vấpp" },
    ({ status, results }) => {
      expect(status).toBe(COUNT(ARTICLES, "vấpp"));
      for (const result of results) expect(result.excerpt).toMatch(/<mark>Vấp/);
    },
  ],
];

describe("/tim-kiem/ in Chromium: the query table", () => {
  it("has at least 15 queries", () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(15);
  });

  it.each(QUERIES)("%s: %o", async (_name, params, check) => {
    const found = await search(params);
    try {
      await check(found);
      expect(found.problems).toEqual([]);
    } finally {
      await found.page.context().close();
    }
  });
});

describe("/tim-kiem/ in Chromium: the page", () => {
  it("shows each result with its link, Vietnamese date, category and excerpt", async () => {
    const { page, results, problems } = await search({ q: "dang bo go vap" });
    expect(results[0]).toMatchObject({
      title: SEED,
      href: new URL(SEED_PATH, server.url).href,
      datetime: "2011-09-20T09:05:00+07:00",
      date: "Thứ Ba, 20/09/2011 09:05",
      category: "Các chuyên đề",
    });
    await page.getByRole("link", { name: SEED }).click();
    await page.waitForURL(`**${SEED_PATH}`);
    expect(await page.locator("h1").textContent()).toBe(SEED);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("fills the box from ?q=, searches as the reader types and keeps the address in step", async () => {
    const { page, problems } = await open("tim-kiem/?q=go%20vap");
    const box = page.getByRole("main").getByRole("searchbox", { name: "Từ khóa" });
    expect(await box.inputValue()).toBe("go vap");
    await box.fill("trieu cuong");
    await expect.poll(async () => (await status(page).textContent()) ?? "").toBe(COUNT(1, "trieu cuong"));
    expect(new URL(page.url()).search).toBe("?q=trieu+cuong");
    await page.getByRole("main").getByLabel("Sắp xếp").selectOption({ label: "Mới nhất" });
    await expect.poll(() => new URL(page.url()).search).toBe("?q=trieu+cuong&sap-xep=moi-nhat");
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("loads more results on request and moves the focus to the first new one", async () => {
    const { page, problems } = await open("tim-kiem/?q=go%20vap");
    await resultsOf(page);
    const more = page.getByRole("button", { name: "Xem thêm kết quả" });
    for (const shown of [20, 30, ARTICLES]) {
      await more.click();
      await expect.poll(() => page.locator(".search-result").count()).toBe(shown);
    }
    await expect.poll(() => more.isHidden()).toBe(true);
    const titles = await page.locator(".search-result h3").allTextContents();
    expect(new Set(titles).size).toBe(ARTICLES);
    expect(await page.evaluate(() => document.activeElement?.closest(".search-result") === document.querySelectorAll(".search-result")[30])).toBe(true);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("is reached from the search box of every page", async () => {
    const { page, problems } = await open("2011/09/");
    await page.getByRole("banner").getByRole("searchbox").fill("dao duc");
    await page.getByRole("banner").getByRole("button", { name: "Tìm" }).click();
    await page.waitForURL("**/tim-kiem/?q=dao+duc");
    const { results } = await resultsOf(page);
    expect(results[0]!.title).toBe(SEED);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("suggests the same query without its filters when they leave nothing", async () => {
    const { page, problems, status: shown, results } = await search({ q: "trieu cuong", nam: "2013", "sap-xep": "moi-nhat" });
    expect(shown).toBe(NO_RESULT_FILTERED("trieu cuong"));
    expect(results).toEqual([]);
    expect(await suggestionsOf(page)).toEqual([
      [WITHOUT_FILTERS("trieu cuong"), "/tim-kiem/?q=trieu+cuong&sap-xep=moi-nhat"],
      [BY_DATE, "/luu-tru/"],
    ]);
    await page.getByRole("link", { name: WITHOUT_FILTERS("trieu cuong") }).click();
    await page.waitForURL("**/tim-kiem/?q=trieu+cuong&sap-xep=moi-nhat");
    expect((await resultsOf(page)).status).toBe(COUNT(1, "trieu cuong"));
    expect(await suggestionsOf(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("invites a query when there is none", async () => {
    const { page, problems } = await open("tim-kiem/");
    await expect.poll(async () => await status(page).textContent()).toBe("Nhập từ khóa để tìm trong các bản tin lưu trữ.");
    expect(await page.locator(".search-nojs").isHidden()).toBe(true);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("searches only the first words of a very long query, and says so", async () => {
    const { page, problems, status: shown, titles } = await search({ q: "go vap ".repeat(500) });
    expect(shown).toBe(`${COUNT(ARTICLES, "go vap go vap go vap go vap go vap go vap")} Từ khóa quá dài nên chỉ tìm theo 12 từ đầu.`);
    expect(titles).toHaveLength(10);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("says that search needs JavaScript, and links to the archive, when scripts do not run", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(new URL("tim-kiem/?q=go%20vap", server.url).href);
    const notice = page.locator(".search-nojs");
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toMatch(/^Tìm kiếm cần JavaScript/);
    expect(await notice.getByRole("link", { name: "Lưu trữ" }).getAttribute("href")).toBe("/luu-tru/");
    await context.close();
  });

  it.each([
    ["with results", "tim-kiem/?q=dang%20bo%20go%20vap"],
    ["with no result", "tim-kiem/?q=qxz"],
    ["before a query", "tim-kiem/"],
  ])("has no axe-core violations %s", async (_name, url) => {
    const { page, problems } = await open(url);
    await expect.poll(async () => (await status(page).textContent()) ?? "").not.toMatch(/^(|Đang tìm…)$/);
    const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
    expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe("/tim-kiem/ under a sub-path", () => {
  it("loads Pagefind from the sub-path and links results inside it", async () => {
    // Any request outside /ban-tin/ would be answered 404, which `problems` records.
    const { page, status: line, results, problems } = await search({ q: "dang bo go vap" }, subPathServer);
    expect(line).toMatch(/^Tìm thấy/);
    expect(results[0]!.title).toBe(SEED);
    expect(new URL(results[0]!.href).pathname).toBe(`/ban-tin${SEED_PATH}`);
    await page.getByRole("main").getByLabel("Chuyên mục").selectOption("Tin tức - Sự kiện");
    await expect.poll(async () => (await resultsOf(page)).results[0]?.title).toBe("Bế mạc Đại hội Đảng bộ quận Gò Vấp lần thứ X");
    await page.getByRole("link", { name: "Bế mạc Đại hội Đảng bộ quận Gò Vấp lần thứ X" }).click();
    await page.waitForURL("**/ban-tin/2010/09/28/be-mac-dai-hoi-dang-bo-quan-go-vap-lan-thu-x/");
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
