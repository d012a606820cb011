import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, serveStatic, type StaticServer } from "../helpers/browser.ts";
import { buildFixture, FIXTURES } from "../helpers/site.ts";

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  const site = await buildFixture(path.join(FIXTURES, "site"));
  server = await serveStatic(site.outDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(new URL(url, server.url).href);
  return { page, errors };
}

describe("Xem theo ngày: the date picker", () => {
  it("opens the day archive of a day with articles", async () => {
    const { page, errors } = await openPage("luu-tru/");
    await page.getByRole("main").getByLabel("Chọn ngày").fill("2011-09-20");
    await page.getByRole("main").getByRole("button", { name: "Xem" }).click();
    await page.waitForURL("**/2011/09/20/");
    expect(await page.locator("h1").textContent()).toBe("Ngày 20/09/2011");
    expect(errors).toEqual([]);
  });

  it("says so when the chosen day has no article, and stays on the page", async () => {
    const { page, errors } = await openPage("2011/09/20/tin-luc-nua-dem/");
    const sidebar = page.getByRole("complementary");
    await sidebar.getByLabel("Chọn ngày").fill("2011-09-21");
    await sidebar.getByRole("button", { name: "Xem" }).click();
    await expect.poll(() => sidebar.getByRole("status").textContent()).toBe("Không có tin nào trong ngày 21/09/2011.");
    expect(new URL(page.url()).pathname).toBe("/2011/09/20/tin-luc-nua-dem/");
    expect(errors).toEqual([]);
  });
});
