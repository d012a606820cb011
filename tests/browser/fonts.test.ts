import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeOfflineCopy } from "../../src/offline/copy.ts";
import { FONT_FILES } from "../../src/site/fonts.ts";
import { launchBrowser, serveStatic, type StaticServer } from "../helpers/browser.ts";
import { buildFixture, type BuiltSite, copyFixture, tempDir, writeArticle } from "../helpers/site.ts";

let site: BuiltSite;
let server: StaticServer;
let offlineDir: string;
let browser: Browser;

const ARTICLE = "/2011/09/25/dam-da-tinh-nguoi-o-khu-pho-van-hoa/";

beforeAll(async () => {
  // Under a sub-path, and copied for disk into a folder with Vietnamese letters: the two places a
  // wrong font URL would break.
  const contentDir = copyFixture("site");
  const settingsFile = path.join(contentDir, "_data/site.json");
  fs.writeFileSync(settingsFile, JSON.stringify({ ...JSON.parse(fs.readFileSync(settingsFile, "utf8")), url: "https://example.org/ban-tin/" }));
  // Every letter Liberation Serif lacks in its precomposed form, capitals too, in every style the article uses.
  writeArticle(
    contentDir,
    "2011/09/van-hoa.md",
    `title: "Đậm đà tình người ở khu phố văn hóa"
date: "2011-09-25 08:00"
category: "Tin tức - Sự kiện"
source: "Ủy ban nhân dân phường 17"
author: "Trần Thị Thủy"
author_title: "phóng viên thường trú"`,
    `Ủy ban nhân dân phường 17 vừa tổng kết năm xây dựng khu phố văn hóa. Ông Nguyễn Văn Thưởng, tổ trưởng tổ dân phố, kể: “Mỗi tháng bà con góp sức sửa đường, thắp sáng hẻm nhỏ; năm nay có thêm 12 hộ được công nhận gia đình văn hóa.” Ở đâu cũng ấm áp, gần gũi – đậm nghĩa tình, ước mơ của trẻ em được ưu tiên.

Phong trào được *Ủy ban Mặt trận Tổ quốc phường* hỗ trợ, với **hơn 300 triệu đồng** do người dân tự nguyện đóng góp; Ễ, Ữ, Ơ, Ư, Ậ, Ấ cũng thế.

## Những việc cần làm tiếp theo

Năm tới, phường chăm lo cho người cao tuổi, giữ gìn vệ sinh môi trường và sửa chữa nhà văn hóa.`,
  );
  site = await buildFixture(contentDir);
  server = await serveStatic(site.outDir, "/ban-tin/");
  offlineDir = path.join(tempDir("offline-fonts"), "Bản tin lưu trữ");
  await writeOfflineCopy(site.outDir, offlineDir, "/ban-tin/");
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The fonts inside a stylesheet, decoded. */
function inlinedFonts(css: string): Buffer[] {
  return [...css.matchAll(/url\("data:font\/woff2;base64,([^"]+)"\)/g)].map((match) => Buffer.from(match[1]!, "base64"));
}

interface PlatformFont {
  familyName: string;
  isCustomFont: boolean;
  glyphCount: number;
}

/**
 * Asks Chromium which fonts drew the text in the elements matching `selector`, their descendants
 * included: a name with "(system)" after it is a font of the machine, that is, a fallback.
 */
async function fontsOf(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
  const within = selector.split(",").map((part) => `${part}, ${part} *`).join(", ");
  const { nodeIds } = await cdp.send("DOM.querySelectorAll", { nodeId: root.nodeId, selector: within });
  const names = new Set<string>();
  for (const nodeId of nodeIds) {
    const { fonts } = (await cdp.send("CSS.getPlatformFontsForNode", { nodeId })) as { fonts: PlatformFont[] };
    for (const font of fonts) if (font.glyphCount > 0) names.add(font.isCustomFont ? font.familyName : `${font.familyName} (system)`);
  }
  await cdp.detach();
  return [...names].sort();
}

/** Opens `url` and waits for its fonts, recording requests outside `origin` and failed or refused ones. */
async function open(url: string, origin: string): Promise<{ page: Page; fontFiles: string[]; problems: string[] }> {
  const page = await browser.newPage();
  const fontFiles: string[] = [];
  const problems: string[] = [];
  page.on("request", (request) => {
    const address = decodeURIComponent(request.url());
    if (!address.startsWith(origin)) problems.push(`left the site: ${address}`);
    if (address.endsWith(".woff2")) fontFiles.push(address.slice(origin.length));
  });
  page.on("requestfailed", (request) => problems.push(`failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  await page.goto(url);
  expect(await page.evaluate(async () => (await document.fonts.ready).status)).toBe("loaded");
  return { page, fontFiles, problems };
}

describe("the site's own fonts", () => {
  it("are written into css/fonts.css from their packages, WOFF2 only, with no font file beside it", () => {
    const css = site.text("/css/fonts.css");
    expect(inlinedFonts(css)).toEqual(FONT_FILES.map(({ file }) => fs.readFileSync(file)));
    for (const { file } of FONT_FILES) expect(path.basename(file)).toMatch(/^noto-(serif|sans)-(latin|vietnamese)-\d00-(normal|italic)\.woff2$/);
    expect(css.match(/@font-face/g)).toHaveLength(FONT_FILES.length);
    expect(css.match(/font-display: swap/g)).toHaveLength(FONT_FILES.length);
    expect(site.files().filter((file) => /\.(woff2?|ttf|otf)$/.test(file))).toEqual([]);
    // Every page links it before the site's stylesheet.
    const links = [...site.page(ARTICLE).querySelectorAll('link[rel="stylesheet"]')].map((link) => link.getAttribute("href"));
    expect(links).toEqual(["/ban-tin/css/fonts.css", "/ban-tin/css/site.css"]);
  });

  it("go into the offline copy inside the same stylesheet", () => {
    expect(inlinedFonts(fs.readFileSync(path.join(offlineDir, "css/fonts.css"), "utf8"))).toEqual(inlinedFonts(site.text("/css/fonts.css")));
  });
});

describe.each([
  { where: "hosted under a sub-path", url: () => `${server.url}${ARTICLE.slice(1)}`, origin: () => server.url.replace(/\/ban-tin\/$/, "/ban-tin") },
  { where: "opened from disk", url: () => pathToFileURL(path.join(offlineDir, ARTICLE, "index.html")).href, origin: () => decodeURIComponent(pathToFileURL(offlineDir).href) },
])("an article with Vietnamese letters, $where", ({ url, origin }) => {
  it("draws its title and body in Noto Serif, all the rest in Noto Sans, with no fallback to a system font", async () => {
    const { page, fontFiles, problems } = await open(url(), origin());
    // The title and body are set in the serif, headings within the body and all the rest in the sans.
    for (const selector of [".article__title", ".article__body p"]) expect(await fontsOf(page, selector), selector).toEqual(["Noto Serif"]);
    for (const selector of [".article__body h2", ".article__category", ".article .meta", ".article__source", ".article__signature", ".site-header", ".breadcrumb", ".related", ".site-footer"]) {
      expect(await fontsOf(page, selector), selector).toEqual(["Noto Sans"]);
    }
    // Nothing on the page, sidebar and navigation included, falls back to a font of the machine.
    expect(await fontsOf(page, "body")).toEqual(["Noto Sans", "Noto Serif"]);
    // No font file was asked for, from the site or elsewhere.
    expect(fontFiles).toEqual([]);
    expect(problems).toEqual([]);
  });
});

/**
 * Opens the article with its fonts served as files that `arrive` decides when to answer, instead of
 * inside the stylesheet, where they are ready too soon to show what the page does while they load.
 */
async function openWithSlowFonts(viewport: { width: number; height: number }, arrive: (send: () => Promise<void>) => Promise<void>): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  const fonts = inlinedFonts(site.text("/css/fonts.css"));
  let next = 0;
  await page.route("**/css/fonts.css", (route) =>
    route.fulfill({ contentType: "text/css", body: site.text("/css/fonts.css").replace(/url\("data:font\/woff2;base64,[^"]+"\)/g, () => `url("/slow-font/${next++}.woff2")`) }),
  );
  await page.route("**/slow-font/*", (route) => arrive(() => route.fulfill({ contentType: "font/woff2", body: fonts[Number(/(\d+)\.woff2$/.exec(route.request().url())![1])] })));
  await page.addInitScript(() => {
    const shifts: number[] = [];
    (globalThis as unknown as { __shifts: number[] }).__shifts = shifts;
    new PerformanceObserver((entries) => {
      for (const entry of entries.getEntries() as (PerformanceEntry & { value: number })[]) shifts.push(entry.value);
    }).observe({ type: "layout-shift", buffered: true });
  });
  // Not until "load", which waits for the fonts.
  await page.goto(`${server.url}${ARTICLE.slice(1)}`, { waitUntil: "domcontentloaded" });
  return page;
}

async function shiftsOf(page: Page): Promise<number[]> {
  // Layout-shift entries are reported after the frame that shifted.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return page.evaluate(() => (globalThis as unknown as { __shifts: number[] }).__shifts);
}

describe("while the fonts load", () => {
  it.each([
    ["a desktop screen", { width: 1350, height: 940 }],
    ["a phone screen", { width: 390, height: 844 }],
  ])("an article is hidden, and nothing on it moves when they come, on %s", async (_name, viewport) => {
    const page = await openWithSlowFonts(viewport, async (send) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await send();
    });
    expect(await page.locator("body").isVisible()).toBe(false);
    await expect.poll(() => page.evaluate(() => document.documentElement.className)).toBe("");
    expect(await page.evaluate(() => document.fonts.status)).toBe("loaded");
    expect(await fontsOf(page, ".article__title")).toEqual(["Noto Serif"]);
    expect(await shiftsOf(page)).toEqual([]);
    await page.context().close();
  });

  it("fonts that never come hold the page back a second at most", async () => {
    const page = await openWithSlowFonts({ width: 390, height: 844 }, () => new Promise(() => {}));
    await expect.poll(() => page.locator("body").isVisible(), { timeout: 5_000 }).toBe(true);
    expect(await page.evaluate(() => document.fonts.status)).toBe("loading");
    await page.context().close();
  });

  it("a reader without scripts sees the page at once, in the same fonts", async () => {
    const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await page.goto(`${server.url}${ARTICLE.slice(1)}`);
    expect(await page.locator("body").isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.className)).toBe("");
    await page.waitForFunction(() => document.fonts.status === "loaded");
    expect(await fontsOf(page, ".article__title")).toEqual(["Noto Serif"]);
    await page.context().close();
  });
});
