// The search page answers in stages: Pagefind's own list at once, then the settled order once the
// ranking passes are done. These tests hold Pagefind's searches at a gate to see each stage, and
// check that the settled order never moves what the reader is looking at, that a newer query
// cancels an older one, and that nothing on the page shifts while results arrive.
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { servedInBrowser } from "../helpers/served-site.ts";
import { PROJECT } from "../helpers/site.ts";

const served = servedInBrowser(path.join(PROJECT, "content"));

/**
 * Pagefind's module with a gate: once `__bantinHoldAfter` searches have answered, each further
 * search waits for `__bantinRelease()`. Everything else is Pagefind's own module, loaded beside it.
 */
const GATED_PAGEFIND = `
import * as pagefind from "./pagefind.js?ungated";
export const { options, init, destroy, mergeIndex, preload, filters, debouncedSearch, createInstance } = pagefind;
let answered = 0;
export async function search(term, options) {
  const result = await pagefind.search(term, options);
  if (++answered > (globalThis.__bantinHoldAfter ?? Infinity)) await globalThis.__bantinGate;
  return result;
}
`;

/** The search page with Pagefind behind the gate, holding every search after the first `holdAfter`. */
async function gatedPage(holdAfter: number): Promise<Page> {
  const page = await (await served.browser.newContext()).newPage();
  await page.addInitScript((hold) => {
    const scope = globalThis as unknown as Record<string, unknown>;
    scope.__bantinHoldAfter = hold;
    scope.__bantinGate = new Promise<void>((resolve) => (scope.__bantinRelease = resolve));
  }, holdAfter);
  await page.route(/\/pagefind\/pagefind\.js$/, (route) => route.fulfill({ body: GATED_PAGEFIND, contentType: "text/javascript" }));
  return page;
}

const release = (page: Page) => page.evaluate(() => (globalThis as unknown as { __bantinRelease: () => void }).__bantinRelease());
const hrefs = (page: Page) => page.locator(".search-result h3 a").evaluateAll((links) => links.map((link) => link.getAttribute("href")!));
const statusOf = async (page: Page) => (await page.getByRole("main").getByRole("status").textContent()) ?? "";
const busy = (page: Page) => page.locator("[data-search-results]").getAttribute("aria-busy");

async function settled(page: Page): Promise<void> {
  await expect.poll(() => statusOf(page), { timeout: 20_000 }).toMatch(/^(Tìm thấy|Không tìm thấy)/);
  expect(await busy(page)).toBeNull();
}

/** The settled top results of a query, from a page without the gate. */
async function settledOrder(query: string): Promise<string[]> {
  const page = await (await served.browser.newContext()).newPage();
  await page.goto(new URL(`tim-kiem/?q=${encodeURIComponent(query)}`, served.server.url).href);
  await settled(page);
  const order = await hrefs(page);
  await page.context().close();
  return order;
}

// "dang bo go vap": d read as đ, four words: Pagefind's own order for the likeliest reading differs
// from the settled order, which puts pages where the words stand together first.
const QUERY = "dang bo go vap";

describe("the search page in stages", () => {
  it("shows Pagefind's list at once, marked busy, then the settled order when the reader has not touched it", async () => {
    const expected = await settledOrder(QUERY);
    const page = await gatedPage(1);
    await page.goto(new URL(`tim-kiem/?q=${encodeURIComponent(QUERY)}`, served.server.url).href);
    await expect.poll(() => page.locator(".search-result").count()).toBe(10);
    const first = await hrefs(page);
    expect(await busy(page)).toBe("true");
    expect(await statusOf(page)).toBe("Đang tìm…");
    expect(first).not.toEqual(expected);
    await release(page);
    await settled(page);
    expect(await hrefs(page)).toEqual(expected);
    await page.context().close();
  });

  it("keeps the results the reader is looking at, and goes on in the settled order", async () => {
    const page = await gatedPage(1);
    await page.goto(new URL(`tim-kiem/?q=${encodeURIComponent(QUERY)}`, served.server.url).href);
    await expect.poll(() => page.locator(".search-result").count()).toBe(10);
    const first = await hrefs(page);
    await page.locator(".search-result h3 a").first().focus();
    await release(page);
    await settled(page);
    expect(await hrefs(page)).toEqual(first);
    await page.getByRole("button", { name: "Xem thêm kết quả" }).click();
    await expect.poll(() => page.locator(".search-result").count()).toBeGreaterThan(10);
    const all = await hrefs(page);
    expect(new Set(all).size).toBe(all.length);
    expect(all.slice(0, 10)).toEqual(first);
    await page.context().close();
  });

  it("cancels an older query: its results never show once a newer one is asked", async () => {
    // "go vap" finds every article; "triều cường" one or two.
    const older = await settledOrder("go vap");
    const newer = await settledOrder("triều cường");
    const olderOnly = older.filter((href) => !newer.includes(href));
    expect(olderOnly.length).toBeGreaterThan(0);

    const page = await gatedPage(0);
    await page.goto(new URL("tim-kiem/", served.server.url).href);
    await page.evaluate(() => {
      const seen: string[] = [];
      (globalThis as unknown as { __seen: string[] }).__seen = seen;
      new MutationObserver(() => {
        for (const link of document.querySelectorAll(".search-result h3 a")) seen.push(link.getAttribute("href")!);
      }).observe(document.querySelector("[data-search-results]")!, { childList: true });
    });
    const box = page.getByRole("main").getByRole("searchbox");
    await box.fill("go vap");
    await box.press("Enter");
    // The older query is held at its first search; the newer one replaces it before it answers.
    await expect.poll(() => statusOf(page)).toBe("Đang tìm…");
    await box.fill("triều cường");
    await box.press("Enter");
    await release(page);
    await settled(page);
    expect(await statusOf(page)).toMatch(/“triều cường”/);
    const seen = await page.evaluate(() => (globalThis as unknown as { __seen: string[] }).__seen);
    expect(seen.length).toBeGreaterThan(0);
    for (const href of olderOnly) expect(seen).not.toContain(href);
    await page.context().close();
  });
});

describe("the search page does not shift", () => {
  it.each([
    ["a desktop screen, with a query", { width: 1350, height: 940 }, "tim-kiem/?q=go%20vap"],
    ["a phone screen, with a query", { width: 390, height: 844 }, "tim-kiem/?q=dang%20bo%20go%20vap"],
    ["a phone screen, no result", { width: 390, height: 844 }, "tim-kiem/?q=qxz"],
    ["a desktop screen, before a query", { width: 1350, height: 940 }, "tim-kiem/"],
  ])("on %s: cumulative layout shift 0", async (_name, viewport, url) => {
    const page = await (await served.browser.newContext({ viewport })).newPage();
    await page.addInitScript(() => {
      const shifts: number[] = [];
      (globalThis as unknown as { __shifts: number[] }).__shifts = shifts;
      new PerformanceObserver((entries) => {
        for (const entry of entries.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) shifts.push(entry.value);
      }).observe({ type: "layout-shift", buffered: true });
    });
    await page.goto(new URL(url, served.server.url).href);
    await expect.poll(() => statusOf(page), { timeout: 20_000 }).toMatch(/^(Tìm thấy|Không tìm thấy|Nhập từ khóa)/);
    expect(await busy(page)).toBeNull();
    // Layout-shift entries are reported after the frame that shifted.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await page.evaluate(() => (globalThis as unknown as { __shifts: number[] }).__shifts)).toEqual([]);
    await page.context().close();
  });
});
