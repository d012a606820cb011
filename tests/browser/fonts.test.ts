import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeOfflineCopy } from "../../src/offline/copy.ts";
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

/** The font files the site's stylesheet points at, as site paths. */
function fontUrls(css: string): string[] {
  return [...css.matchAll(/url\("\.\.\/(fonts\/[^"]+)"\)/g)].map((match) => `/${match[1]}`);
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
  it("are copied from their packages into /fonts/: exactly the files the stylesheet names, WOFF2 only", () => {
    const named = fontUrls(site.text("/css/site.css"));
    expect(named.length).toBeGreaterThan(0);
    expect(site.files().filter((file) => file.startsWith("/fonts/"))).toEqual([...new Set(named)].sort());
    for (const file of named) expect(file).toMatch(/^\/fonts\/noto-(serif|sans)-(latin|vietnamese)-\d00-(normal|italic)\.woff2$/);
  });

  it("go inside the offline copy's stylesheet, which a page opened from disk may use them from", () => {
    const css = fs.readFileSync(path.join(offlineDir, "css/site.css"), "utf8");
    const inlined = [...css.matchAll(/url\("data:font\/woff2;base64,([^"]+)"\)/g)].map((match) => Buffer.from(match[1]!, "base64"));
    const files = fontUrls(site.text("/css/site.css")).map((file) => fs.readFileSync(path.join(site.outDir, file)));
    expect(inlined).toEqual(files);
    expect(css).not.toMatch(/\.woff2/);
  });
});

describe.each([
  { where: "hosted under a sub-path", url: () => `${server.url}${ARTICLE.slice(1)}`, origin: () => server.url.replace(/\/ban-tin\/$/, "/ban-tin"), hosted: true },
  { where: "opened from disk", url: () => pathToFileURL(path.join(offlineDir, ARTICLE, "index.html")).href, origin: () => decodeURIComponent(pathToFileURL(offlineDir).href), hosted: false },
])("an article with Vietnamese letters, $where", ({ url, origin, hosted }) => {
  it("draws its title and body in Noto Serif, all the rest in Noto Sans, with no fallback to a system font", async () => {
    const { page, fontFiles, problems } = await open(url(), origin());
    // The title and body are set in the serif, headings within the body and all the rest in the sans.
    for (const selector of [".article__title", ".article__body p"]) expect(await fontsOf(page, selector), selector).toEqual(["Noto Serif"]);
    for (const selector of [".article__body h2", ".article__category", ".article .meta", ".article__source", ".article__signature", ".site-header", ".breadcrumb", ".related", ".site-footer"]) {
      expect(await fontsOf(page, selector), selector).toEqual(["Noto Sans"]);
    }
    // Nothing on the page, sidebar and navigation included, falls back to a font of the machine.
    expect(await fontsOf(page, "body")).toEqual(["Noto Sans", "Noto Serif"]);
    // Hosted, both subsets of the serif, and the italic the body's emphasis needs, came from the site's files.
    if (hosted) expect(fontFiles).toEqual(expect.arrayContaining(["/fonts/noto-serif-vietnamese-400-normal.woff2", "/fonts/noto-serif-latin-400-normal.woff2", "/fonts/noto-serif-vietnamese-400-italic.woff2", "/fonts/noto-sans-vietnamese-700-normal.woff2"]));
    else expect(fontFiles).toEqual([]);
    expect(problems).toEqual([]);
  });
});
