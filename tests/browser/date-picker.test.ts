import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { servedInBrowser } from "../helpers/served-site.ts";
import { FIXTURES } from "../helpers/site.ts";

const served = servedInBrowser(path.join(FIXTURES, "site"));

async function openPage(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await served.browser.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(new URL(url, served.server.url).href);
  return { page, errors };
}

describe("Xem theo ngày: the date picker", () => {
  it("opens the day archive of a day with articles", async () => {
    const { page, errors } = await openPage("luu-tru/");
    await page.getByRole("main").getByLabel("Chọn ngày").fill("20/09/2011");
    await page.getByRole("main").getByRole("button", { name: "Xem" }).click();
    await page.waitForURL("**/2011/09/20/");
    expect(await page.locator("h1").textContent()).toBe("Ngày 20/09/2011");
    expect(errors).toEqual([]);
  });

  it("reads the day as dd/mm/yyyy, with or without leading zeros", async () => {
    const { page, errors } = await openPage("2012/01/01/chao-nam-moi/");
    const sidebar = page.getByRole("complementary");
    const input = sidebar.getByLabel("Chọn ngày");
    expect(await input.getAttribute("placeholder")).toBe("dd/mm/yyyy");
    await input.fill("1/9/2011");
    await sidebar.getByRole("button", { name: "Xem" }).click();
    await page.waitForURL("**/2011/09/01/");
    expect(await page.locator("h1").textContent()).toBe("Ngày 01/09/2011");
    expect(errors).toEqual([]);
  });

  it("says so when the text is no day of the calendar", async () => {
    const { page, errors } = await openPage("luu-tru/");
    const main = page.getByRole("main");
    await main.getByLabel("Chọn ngày").fill("31/02/2011");
    await main.getByRole("button", { name: "Xem" }).click();
    await expect.poll(() => main.getByRole("status").textContent()).toBe("“31/02/2011” không phải là một ngày. Hãy nhập theo dạng dd/mm/yyyy, ví dụ 20/09/2011.");
    // The browser's own order (2011-09-20) does not match the field's pattern: the form is not sent.
    await main.getByLabel("Chọn ngày").fill("2011-09-20");
    await main.getByRole("button", { name: "Xem" }).click();
    expect(await main.getByLabel("Chọn ngày").evaluate((input: HTMLInputElement) => input.validity.patternMismatch)).toBe(true);
    expect(new URL(page.url()).pathname).toBe("/luu-tru/");
    expect(errors).toEqual([]);
  });

  it("says so when the chosen day has no article, and stays on the page", async () => {
    const { page, errors } = await openPage("2011/09/20/tin-luc-nua-dem/");
    const sidebar = page.getByRole("complementary");
    await sidebar.getByLabel("Chọn ngày").fill("21/09/2011");
    await sidebar.getByRole("button", { name: "Xem" }).click();
    await expect.poll(() => sidebar.getByRole("status").textContent()).toBe("Không có tin nào trong ngày 21/09/2011.");
    expect(new URL(page.url()).pathname).toBe("/2011/09/20/tin-luc-nua-dem/");
    expect(errors).toEqual([]);
  });
});
