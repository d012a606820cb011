import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeOfflineCopy } from "../src/offline.ts";
import { launchBrowser } from "./helpers/browser.ts";
import { buildFixture, FIXTURES, tempDir } from "./helpers/site.ts";

let browser: Browser;
let offlineDir: string;

beforeAll(async () => {
  const site = await buildFixture(path.join(FIXTURES, "site"));
  offlineDir = path.join(tempDir("offline"), "Bản tin lưu trữ");
  await writeOfflineCopy(site.outDir, offlineDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A page opened from disk, recording every failed request, console error and request to a host. */
async function openFromDisk(file: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on("requestfailed", (request) => problems.push(`failed: ${request.url()}`));
  page.on("request", (request) => {
    if (!request.url().startsWith("file:")) problems.push(`network: ${request.url()}`);
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`error: ${error.message}`));
  await page.goto(pathToFileURL(path.join(offlineDir, file)).href);
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
    await page.getByRole("main").getByLabel("Chọn ngày").fill("2011-09-20");
    await page.getByRole("main").getByRole("button", { name: "Xem" }).click();
    await page.waitForURL(/\/2011\/09\/20\/index\.html$/);
    expect(await page.locator("h1").textContent()).toBe("Ngày 20/09/2011");
    expect(problems).toEqual([]);
  });
});
