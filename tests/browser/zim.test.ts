// The ZIM edition read in Chromium through kiwix-serve, as an office network serves it: browse,
// Kiwix's own full-text search, and the archive's search page, each with a tone-less query.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../helpers/browser.ts";
import { type ServedZim, serveZim, writeSampleZim } from "../helpers/kiwix.ts";
import { SAMPLE_SEED } from "../helpers/paths.ts";

const SEED = SAMPLE_SEED.title;
/** Its path inside the ZIM. */
const SEED_PATH = `${SAMPLE_SEED.url.slice(1)}index.html`;

let browser: Browser;
let served: ServedZim;

beforeAll(async () => {
  served = await serveZim(await writeSampleZim());
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** A page of the book, recording failed requests, page errors and requests that leave kiwix-serve. */
async function open(bookPath: string): Promise<{ page: Page; problems: string[]; requested: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  const requested: string[] = [];
  page.on("requestfailed", (request) => problems.push(`failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on("request", (request) => {
    requested.push(request.url());
    if (!request.url().startsWith(served.url) && !request.url().startsWith("data:")) problems.push(`elsewhere: ${request.url()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
  });
  page.on("pageerror", (error) => problems.push(`error: ${error.message}`));
  page.on("console", (message) => {
    // kiwix-serve's own result page names no icon, so Chromium asks its root for /favicon.ico.
    if (message.type() === "error" && new URL(message.location().url).pathname !== "/favicon.ico") problems.push(`console: ${message.text()}`);
  });
  await page.goto(new URL(bookPath, served.book).href);
  return { page, problems, requested };
}

/** Where the page is, inside the book. */
const bookPath = (page: Page) => decodeURIComponent(new URL(page.url()).pathname).slice(new URL(served.book).pathname.length);

describe("the ZIM edition in kiwix-serve", () => {
  it("opens the main page, an article, its category and its day by following links", async () => {
    const { page, problems } = await open("");
    expect(bookPath(page)).toBe("index.html");
    expect(await page.locator("h1").textContent()).toBe("Tin mới nhất");
    await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Các chuyên đề" }).click();
    expect(bookPath(page)).toBe("chuyen-muc/cac-chuyen-de/index.html");
    await page.getByRole("main").getByRole("link", { name: SEED }).first().click();
    expect(bookPath(page)).toBe(SEED_PATH);
    expect(await page.locator("h1").textContent()).toBe(SEED);
    await page.getByRole("main").getByRole("link", { name: /Thứ Ba, 20\/09\/2011/ }).click();
    expect(bookPath(page)).toBe("2011/09/20/index.html");
    expect(await page.locator("h1").textContent()).toBe("Ngày 20/09/2011");
    // The site's stylesheet came from the ZIM: the header has its colour.
    expect(await page.locator(".site-header").evaluate((element) => getComputedStyle(element).backgroundColor)).toBe("rgb(155, 28, 28)");
    expect(problems).toEqual([]);
  });

  it("opens a day from the date picker", async () => {
    const { page, problems } = await open("luu-tru/index.html");
    await page.getByRole("main").getByLabel("Chọn ngày").fill("20/09/2011");
    await page.getByRole("main").getByRole("button", { name: "Xem" }).click();
    await page.waitForURL(/\/2011\/09\/20\/index\.html$/);
    expect(await page.locator("h1").textContent()).toBe("Ngày 20/09/2011");
    expect(problems).toEqual([]);
  });

  it("finds the article for “dang bo go vap” with Kiwix's full-text search, and opens it", async () => {
    const { page, problems } = await open(SEED_PATH);
    // kiwix-serve's bar above every page searches the ZIM's Xapian index.
    await page.locator("#kiwixsearchbox").fill("dang bo go vap");
    await page.locator("#kiwixsearchbox").press("Enter");
    await page.waitForURL(/\/search\?/);
    const results = page.locator(".results a");
    expect(await results.allTextContents()).toContainEqual(expect.stringContaining(SEED));
    await results.filter({ hasText: SEED }).click();
    expect(bookPath(page)).toBe(SEED_PATH);
    expect(await page.locator("h1").textContent()).toBe(SEED);
    expect(problems).toEqual([]);
  });

  it("finds the article for “dang bo go vap” typed in the header box, with Pagefind run from classic scripts", async () => {
    const { page, problems, requested } = await open("index.html");
    const box = page.getByRole("banner").getByRole("searchbox");
    await box.fill("dang bo go vap");
    await box.press("Enter");
    const status = page.getByRole("main").getByRole("status");
    await expect.poll(async () => (await status.textContent()) ?? "", { timeout: 20_000 }).toMatch(/^Tìm thấy/);
    expect(bookPath(page)).toBe("tim-kiem/index.html");
    const first = page.locator(".search-result h3 a").first();
    expect(await first.textContent()).toBe(SEED);
    // The ZIM's pages say to load Pagefind as Kiwix readers allow: classic scripts, no module, no fetch of the index.
    const pagefind = requested.filter((url) => url.includes("/pagefind/")).map((url) => new URL(url).pathname.replace(/^.*\/pagefind\//, ""));
    expect(pagefind).toContain("pagefind-offline.js");
    expect(pagefind).not.toContain("pagefind.js");
    expect(pagefind.filter((file) => !file.endsWith(".js"))).toEqual([]);
    await first.click();
    expect(bookPath(page)).toBe(SEED_PATH);
    expect(await page.locator("h1").textContent()).toBe(SEED);
    expect(problems).toEqual([]);
  });
});
