// The offline copy opened straight from disk in Firefox ESR, as tests/browser/offline.test.ts and
// date-picker.test.ts do in Chromium: file:// is where the two browsers differ most.
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchFirefox } from "../helpers/firefox.ts";
import { writeOfflineCopies } from "../helpers/offline-copies.ts";
import { SAMPLE_SEED } from "../helpers/paths.ts";

let browser: Browser;
/** Offline copy of the fixture site, and of the sample archive in content/. */
let offlineDir: string;
let sampleOfflineDir: string;

beforeAll(async () => {
  ({ fixture: offlineDir, sample: sampleOfflineDir } = await writeOfflineCopies());
  browser = await launchFirefox();
});

afterAll(async () => {
  await browser?.close();
});

// Firefox over WebDriver BiDi reports no network event for file:// loads, so a file that fails to
// load is caught in the page: the error event of a script, stylesheet or image, said on the console
// (Firefox fires none for the icon, whose loading the Chromium tests check).
const REPORT_FAILED_LOADS = () => {
  addEventListener(
    "error",
    (event) => {
      const target = event.target as Partial<HTMLScriptElement & HTMLLinkElement> | null;
      if (target && target !== (window as unknown)) console.error(`failed: ${target.src || target.href}`);
    },
    true,
  );
};

/** A page opened from disk, recording every failed load, console error, page error and request that leaves the disk. */
async function openFromDisk(file: string, copy = offlineDir): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  await page.evaluateOnNewDocument(REPORT_FAILED_LOADS);
  page.on("requestfailed", (request) => problems.push(`failed: ${request.url()} (${request.failure()?.errorText})`));
  // The fonts are data: URLs inside the stylesheet.
  page.on("request", (request) => {
    if (!/^(file|data):/.test(request.url())) problems.push(`network: ${request.url()}`);
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`error: ${error instanceof Error ? error.message : String(error)}`));
  await page.goto(pathToFileURL(path.join(copy, file)).href);
  return { page, problems };
}

const sitePath = (page: Page) => decodeURIComponent(new URL(page.url()).pathname).split("/Bản tin lưu trữ")[1];
const heading = (page: Page) => page.$eval("h1", (h1) => h1.textContent);

/** Clicks what `selector` finds and waits for the page it opens. */
async function follow(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.locator(selector).click()]);
}

/** An element by its ARIA role and accessible name, inside `scope` (a CSS selector). */
const byRole = (scope: string, role: string, name: string) => `${scope} ::-p-aria([name="${name}"][role="${role}"])`;

describe("the offline copy opened straight from disk in Firefox", () => {
  it("follows a category, an article and a day archive by clicking", async () => {
    const { page, problems } = await openFromDisk("index.html");
    expect(await heading(page)).toBe("Tin mới nhất");
    await follow(page, byRole('nav[aria-label="Điều hướng chính"]', "link", "Các chuyên đề"));
    expect(sitePath(page)).toBe("/chuyen-muc/cac-chuyen-de/index.html");
    expect(await heading(page)).toBe("Các chuyên đề");
    await follow(page, byRole("main", "link", "Chuyên đề mới nhất"));
    expect(sitePath(page)).toBe("/2011/09/30/chuyen-de-moi-nhat/index.html");
    expect(await heading(page)).toBe("Chuyên đề mới nhất");
    await follow(page, byRole("main", "link", "Thứ Sáu, 30/09/2011 16:00"));
    expect(sitePath(page)).toBe("/2011/09/30/index.html");
    expect(await heading(page)).toBe("Ngày 30/09/2011");
    // The stylesheet loaded: the header has its colour.
    expect(await page.$eval(".site-header", (element) => getComputedStyle(element).backgroundColor)).toBe("rgb(155, 28, 28)");
    expect(problems).toEqual([]);
  });

  it("opens a day from the date picker", async () => {
    const { page, problems } = await openFromDisk("luu-tru/index.html");
    await page.locator(byRole("main", "textbox", "Chọn ngày (dd/mm/yyyy)")).fill("20/09/2011");
    await follow(page, byRole("main", "button", "Xem"));
    expect(sitePath(page)).toBe("/2011/09/20/index.html");
    expect(await heading(page)).toBe("Ngày 20/09/2011");
    expect(problems).toEqual([]);
  });
});

const SEED = SAMPLE_SEED.title;
const SEED_PATH = `${SAMPLE_SEED.url}index.html`;

describe("the sample archive's offline copy in Firefox, search included", () => {
  it("finds the seed article for “dang bo go vap” typed in the header box, and opens it", async () => {
    const { page, problems } = await openFromDisk("index.html", sampleOfflineDir);
    await page.locator(byRole("header", "searchbox", "Tìm kiếm trong bản tin")).fill("dang bo go vap");
    await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
    expect(sitePath(page)).toBe("/tim-kiem/index.html");
    await page.waitForFunction(() => /^(Tìm thấy|Không tìm thấy)/.test(document.querySelector("main [role=status]")?.textContent ?? ""), { timeout: 20_000 });
    // From disk the search runs on the copy's classic-script build of Pagefind (src/offline/search.ts).
    expect(await page.evaluate(() => "BantinPagefind" in window)).toBe(true);
    const first = await page.$eval(".search-result", (item) => ({
      title: item.querySelector("h3 a")!.textContent,
      excerpt: item.querySelector(".search-result__excerpt")!.innerHTML,
    }));
    expect(first.title).toBe(SEED);
    expect(first.excerpt).toContain("<mark>Đảng</mark> <mark>bộ</mark>");
    await follow(page, ".search-result h3 a");
    expect(sitePath(page)).toBe(SEED_PATH);
    expect(await heading(page)).toBe(SEED);
    expect(problems).toEqual([]);
  });
});
