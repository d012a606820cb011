import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { siteFiles } from "../../src/core/files.ts";
import { launchBrowser, serveStatic, type StaticServer } from "../helpers/browser.ts";
import { writeOfflineCopies } from "../helpers/offline-copies.ts";
import { SAMPLE_SEED } from "../helpers/paths.ts";

let browser: Browser;
/** Offline copy of the fixture site, and of the sample archive in content/ with its hosted build. */
let offlineDir: string;
let sampleOfflineDir: string;
let hosted: StaticServer;
let offlineServed: StaticServer;

beforeAll(async () => {
  const copies = await writeOfflineCopies();
  ({ fixture: offlineDir, sample: sampleOfflineDir } = copies);
  hosted = await serveStatic(copies.sampleSite);
  offlineServed = await serveStatic(sampleOfflineDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await hosted?.close();
  await offlineServed?.close();
});

/** A page opened from disk, recording every failed request, console error and request to a host. */
async function openFromDisk(file: string, copy = offlineDir, search = ""): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on("requestfailed", (request) => problems.push(`failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on("request", (request) => {
    if (!request.url().startsWith("file:")) problems.push(`network: ${request.url()}`);
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`error: ${error.message}`));
  await page.goto(pathToFileURL(path.join(copy, file)).href + search);
  return { page, problems };
}

const sitePath = (page: Page) => decodeURIComponent(new URL(page.url()).pathname).split("/Bản tin lưu trữ")[1];

describe("the offline copy opened straight from disk", () => {
  it("follows a category, an article and a day archive by clicking", async () => {
    const { page, problems } = await openFromDisk("index.html");
    expect(await page.locator("h1").textContent()).toBe("Tin mới nhất");
    await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Các chuyên đề" }).click();
    expect(sitePath(page)).toBe("/chuyen-muc/cac-chuyen-de/index.html");
    await page.getByRole("main").getByRole("link", { name: "Chuyên đề mới nhất" }).click();
    expect(sitePath(page)).toBe("/2011/09/30/chuyen-de-moi-nhat/index.html");
    await page.getByRole("main").getByRole("link", { name: /Chủ Nhật|Thứ/ }).first().click();
    expect(sitePath(page)).toBe("/2011/09/30/index.html");
    expect(await page.locator("h1").textContent()).toBe("Ngày 30/09/2011");
    // The stylesheet loaded: the header has its colour.
    expect(await page.locator(".site-header").evaluate((element) => getComputedStyle(element).backgroundColor)).toBe("rgb(155, 28, 28)");
    expect(problems).toEqual([]);
  });

  it("opens a day from the date picker", async () => {
    const { page, problems } = await openFromDisk("luu-tru/index.html");
    await page.getByRole("main").getByLabel("Chọn ngày").fill("20/09/2011");
    await page.getByRole("main").getByRole("button", { name: "Xem" }).click();
    await page.waitForURL(/\/2011\/09\/20\/index\.html$/);
    expect(await page.locator("h1").textContent()).toBe("Ngày 20/09/2011");
    expect(problems).toEqual([]);
  });
});

const SEED = SAMPLE_SEED.title;
const SEED_PATH = `${SAMPLE_SEED.url}index.html`;

/** Waits for the search page's answer; the status line and each result's title, site path and excerpt. */
async function searchResults(page: Page) {
  const status = page.getByRole("main").getByRole("status");
  await expect.poll(async () => (await status.textContent()) ?? "", { timeout: 20_000 }).toMatch(/^(Tìm thấy|Không tìm thấy)/);
  const results = await page.locator(".search-result").evaluateAll((items) =>
    items.map((item) => {
      const link = item.querySelector("h3 a") as HTMLAnchorElement;
      return { title: link.textContent, href: link.href, excerpt: item.querySelector(".search-result__excerpt")!.innerHTML };
    }),
  );
  // From disk a result links to the page's index.html; over http to its folder.
  const where = (href: string) => decodeURIComponent(new URL(href).pathname).replace(/^.*\/Bản tin lưu trữ/, "").replace(/\/$/, "/index.html");
  return { status: await status.textContent(), results: results.map((result) => ({ ...result, href: where(result.href) })) };
}

describe("the sample archive's offline copy, search included", () => {
  it("finds the seed article for “dang bo go vap” typed in the header box, and opens it", async () => {
    const { page, problems } = await openFromDisk("index.html", sampleOfflineDir);
    const box = page.getByRole("banner").getByRole("searchbox");
    await box.fill("dang bo go vap");
    await box.press("Enter");
    const { results } = await searchResults(page);
    expect(sitePath(page)).toBe("/tim-kiem/index.html");
    expect(results[0]).toMatchObject({ title: SEED, href: SEED_PATH });
    expect(results[0]!.excerpt).toContain("<mark>Đảng</mark> <mark>bộ</mark>");
    await page.locator(".search-result h3 a").first().click();
    expect(sitePath(page)).toBe(SEED_PATH);
    expect(await page.locator("h1").textContent()).toBe(SEED);
    expect(problems).toEqual([]);
  });

  // The same queries as the hosted search tests cover: d for đ, tone marks, a phrase, filters, order, nothing found.
  it.each<Record<string, string>>([
    { q: "dang bo go vap" },
    { q: "Đảng bộ Gò Vấp" },
    { q: "DAO DUC" },
    { q: "đăng ký" },
    { q: '"an toàn giao thông"' },
    { q: "dang bo", "chuyen-muc": "Tin tức - Sự kiện" },
    { q: "bau cu", "sap-xep": "moi-nhat" },
    { q: "phuong", nam: "2012" },
    { q: "xyzzy" },
  ])("answers %o from disk exactly as the hosted site does", async (params) => {
    const search = `?${new URLSearchParams(params)}`;
    const online = await browser.newPage();
    await online.goto(new URL(`tim-kiem/${search}`, hosted.url).href);
    const expected = await searchResults(online);
    await online.close();
    if (params.q !== "xyzzy") expect(expected.results.length).toBeGreaterThan(0);
    const { page, problems } = await openFromDisk("tim-kiem/index.html", sampleOfflineDir, search);
    expect(await searchResults(page)).toEqual(expected);
    expect(problems).toEqual([]);
  });

  it("uses Pagefind's own module when the copy is served over http", async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on("request", (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(new URL("tim-kiem/?q=dang+bo+go+vap", offlineServed.url).href);
    const { results } = await searchResults(page);
    expect(results[0]).toMatchObject({ title: SEED, href: SEED_PATH });
    expect(requests).toContain("/pagefind/pagefind.js");
    expect(requests.filter((request) => request.includes("offline"))).toEqual([]);
  });

  it("loads every page of the copy from disk without a failed request or an error", async () => {
    const pages = siteFiles(sampleOfflineDir).filter((file) => file.endsWith(".html"));
    const { page, problems } = await openFromDisk("index.html", sampleOfflineDir);
    for (const file of pages) await page.goto(pathToFileURL(path.join(sampleOfflineDir, file)).href);
    expect(pages.length).toBeGreaterThan(100);
    // Chromium fetches the icon after the load event, and aborts that fetch when the next page opens;
    // the tests above, which stay on their pages, see it load.
    expect(problems.filter((problem) => !/\/favicon\.svg \(net::ERR_ABORTED\)$/.test(problem))).toEqual([]);
  }, 120_000);
});
