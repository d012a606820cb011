import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { describe, expect, it } from "vitest";
import { servedInBrowser } from "../helpers/served-site.ts";
import { FIXTURES } from "../helpers/site.ts";

const served = servedInBrowser(path.join(FIXTURES, "site"));

describe("reaching a day without JavaScript", () => {
  it("goes from the sidebar's date form through the archive index and the month calendar to the day", async () => {
    const context = await served.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(new URL("2012/01/01/chao-nam-moi/", served.server.url).href);
    const sidebar = page.getByRole("complementary");
    await sidebar.getByLabel("Chọn ngày").fill("20/09/2011");
    await sidebar.getByRole("button", { name: "Xem" }).click();
    await page.waitForURL("**/luu-tru/?ngay=20%2F09%2F2011#chon-ngay");
    const message = page.locator("#chon-ngay");
    expect(await message.isVisible()).toBe(true);
    await page.getByRole("main").getByRole("link", { name: "Tháng Chín", exact: true }).click();
    await page.waitForURL("**/2011/09/");
    await page.getByRole("table", { name: "Lịch tháng 9/2011" }).getByRole("link", { name: "Ngày 20/09/2011: 2 tin" }).click();
    await page.waitForURL("**/2011/09/20/");
    expect(await page.locator("h1").textContent()).toBe("Ngày 20/09/2011");
    await context.close();
  });

  it("keeps the archive index's note hidden when the reader did not come from the date form", async () => {
    const context = await served.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(new URL("luu-tru/", served.server.url).href);
    expect(await page.locator("#chon-ngay").isVisible()).toBe(false);
    await context.close();
  });
});

describe("accessibility of every page type", () => {
  it.each([
    ["home", "/"],
    ["category", "chuyen-muc/cac-chuyen-de/"],
    ["year", "2011/"],
    ["month", "2011/09/"],
    ["day", "2011/09/20/"],
    ["article", "2011/09/20/hoc-tap-va-lam-theo-tam-guong-dao-duc-ho-chi-minh-nhung-kinh-nghiem-thuc-tien/"],
    ["archive index", "luu-tru/"],
    ["video", "video/"],
    ["search", "tim-kiem/?q=go%20vap"],
    ["404", "khong-co-trang-nay/"],
  ])("%s has no axe-core violations", async (type, url) => {
    const page = await (await served.browser.newContext()).newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(new URL(url.replace(/^\//, ""), served.server.url).href);
    if (type === "search") await expect.poll(async () => (await page.locator("[data-search-status]").textContent()) ?? "").not.toMatch(/^(|Đang tìm…)$/);
    const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
    expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
