// Old portal addresses on a host that cannot match a query string (GitHub Pages and the like): the
// host answers 404.html, with status 404, and its script sends the reader on to the article.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, serveStatic, type StaticServer } from "../helpers/browser.ts";
import { LEGACY_ARTICLES, legacyFixture } from "../helpers/legacy-site.ts";
import { buildFixture } from "../helpers/site.ts";

const NOT_FOUND = "Không tìm thấy trang";
const [RA_QUAN, HOI_THI, LICH_TIEP] = LEGACY_ARTICLES;

let browser: Browser;
let server: StaticServer;
let subPathServer: StaticServer;

beforeAll(async () => {
  server = await serveStatic((await buildFixture(legacyFixture())).outDir);
  subPathServer = await serveStatic((await buildFixture(legacyFixture("https://example.org/ban-tin/"))).outDir, "/ban-tin/");
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await subPathServer?.close();
});

interface Visit {
  page: Page;
  /** The status the host answered the old address with. */
  status: number | undefined;
  /** Console errors, uncaught exceptions, failed requests and error responses but the old address's own. */
  problems: string[];
}

/** Opens `path` (with its query) at the host of `base`, and waits until the page has settled. */
async function visit(path: string, base: StaticServer, options: { javaScriptEnabled?: boolean } = {}): Promise<Visit> {
  const page = await (await browser.newContext(options)).newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    // The old address itself answers 404, which Chromium also logs.
    if (message.type() === "error" && !/status of 404/.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`error: ${error.message}`));
  // Leaving the 404 page cancels what it still loads (its icon): that is no failure.
  page.on("requestfailed", (request) => {
    if (request.failure()?.errorText !== "net::ERR_ABORTED") problems.push(`failed: ${request.url()}`);
  });
  const address = new URL(path, base.url).href;
  page.on("response", (response) => {
    if (response.status() >= 400 && response.url() !== address) problems.push(`${response.status()}: ${response.url()}`);
  });
  const response = await page.goto(address);
  await page.waitForLoadState("networkidle");
  return { page, status: response?.status(), problems };
}

const heading = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

describe("an old portal address on a host that answers 404.html", () => {
  it("lands on the article", async () => {
    const { page, status, problems } = await visit("/tintuc/Lists/Posts/Post.aspx?ID=455", server);
    expect(status).toBe(404);
    await page.waitForURL(new URL(RA_QUAN.url, server.url).href);
    expect(await heading(page)).toBe(RA_QUAN.title);
    expect(await page.title()).toContain(RA_QUAN.title);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("lands on the article however the path and parameter names are written, and with parameters in another order", async () => {
    for (const [path, article] of [
      ["/tintuc/Lists/Posts/Post.aspx?id=455", RA_QUAN],
      ["/TinTuc/lists/posts/POST.aspx?Id=712", HOI_THI],
      ["/tintuc/Lists/Posts/DispForm.aspx?ID=88&List=Thong%20bao", LICH_TIEP],
    ] as const) {
      const { page, problems } = await visit(path, server);
      await page.waitForURL(new URL(article.url, server.url).href);
      expect(await heading(page), path).toBe(article.title);
      expect(problems, path).toEqual([]);
      await page.context().close();
    }
  });

  it("replaces the old address in the history, so Back does not return to it", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(new URL("/luu-tru/", server.url).href);
    await page.goto(new URL("/tintuc/Lists/Posts/Post.aspx?ID=712", server.url).href);
    await page.waitForURL(new URL(HOI_THI.url, server.url).href);
    await page.goBack();
    expect(new URL(page.url()).pathname).toBe("/luu-tru/");
    await page.context().close();
  });

  it("stays on the 404 page, with its message, for an address the archive does not know", async () => {
    for (const path of ["/tintuc/Lists/Posts/Post.aspx?ID=999", "/tintuc/Lists/Posts/Post.aspx?ID=455&ID=456", "/khong-co-trang-nay/"]) {
      const { page, status, problems } = await visit(path, server);
      expect(status, path).toBe(404);
      expect(page.url(), path).toBe(new URL(path, server.url).href);
      expect(await heading(page), path).toBe(NOT_FOUND);
      await expect.poll(() => page.getByRole("main").textContent()).toContain("Trang bạn tìm không có trong bản tin lưu trữ.");
      expect(problems, path).toEqual([]);
      await page.context().close();
    }
  });

  it("says the page is not found when JavaScript is off", async () => {
    const { page, status } = await visit("/tintuc/Lists/Posts/Post.aspx?ID=455", server, { javaScriptEnabled: false });
    expect(status).toBe(404);
    expect(page.url()).toBe(new URL("/tintuc/Lists/Posts/Post.aspx?ID=455", server.url).href);
    expect(await heading(page)).toBe(NOT_FOUND);
    await page.context().close();
  });
});

describe("an old portal address, the site hosted under a sub-path", () => {
  it("lands on the article under the sub-path, from the host's root and from inside the sub-path", async () => {
    // The old portal's addresses are at the host's root; the host answers them with the site's 404.html.
    for (const path of ["/tintuc/Lists/Posts/Post.aspx?ID=455", "/ban-tin/tintuc/lists/posts/post.aspx?id=455"]) {
      const { page, status, problems } = await visit(path, subPathServer);
      expect(status, path).toBe(404);
      if (path.startsWith("/ban-tin/")) {
        // Under the sub-path the old address is a different one: it stays not found.
        expect(await heading(page), path).toBe(NOT_FOUND);
      } else {
        await page.waitForURL(new URL(`/ban-tin${RA_QUAN.url}`, subPathServer.url).href);
        expect(await heading(page), path).toBe(RA_QUAN.title);
      }
      expect(problems, path).toEqual([]);
      await page.context().close();
    }
  });

  it("leaves an unknown address on the 404 page", async () => {
    const { page, status } = await visit("/tintuc/Lists/Posts/Post.aspx?ID=999", subPathServer);
    expect(status).toBe(404);
    expect(await heading(page)).toBe(NOT_FOUND);
    await page.context().close();
  });
});
