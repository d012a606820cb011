import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pathPrefixOf } from "../../src/content/urls.ts";
import { siteFiles } from "../../src/core/files.ts";
import { offlineUrl, writeOfflineCopy } from "../../src/offline/copy.ts";
import { launchBrowser, serveStatic, type StaticServer } from "../helpers/browser.ts";
import { buildFixture, type BuiltSite, copyFixture, tempDir } from "../helpers/site.ts";

let site: BuiltSite;
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  const contentDir = copyFixture("site");
  const settingsFile = path.join(contentDir, "_data/site.json");
  fs.writeFileSync(settingsFile, JSON.stringify({ ...JSON.parse(fs.readFileSync(settingsFile, "utf8")), url: "https://example.org/ban-tin/" }));
  site = await buildFixture(contentDir);
  server = await serveStatic(site.outDir, "/ban-tin/");
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("a site hosted under a sub-path", () => {
  it("takes the sub-path from the path of the site URL", () => {
    expect(pathPrefixOf("https://example.org")).toBe("/");
    expect(pathPrefixOf("https://example.org/ban-tin")).toBe("/ban-tin/");
    expect(pathPrefixOf("https://example.org/ban-tin/")).toBe("/ban-tin/");
  });

  it("prefixes every root-relative link of every page", () => {
    for (const file of site.files().filter((name) => name.endsWith(".html"))) {
      const links = [...site.page(file).querySelectorAll("[href], [src], form[action]")].map(
        (element) => element.getAttribute("href") ?? element.getAttribute("src") ?? element.getAttribute("action")!,
      );
      for (const link of links.filter((value) => value.startsWith("/"))) expect(link, `${file}: ${link}`).toMatch(/^\/ban-tin\//);
    }
  });

  it("writes feeds and the sitemap with the sub-path in their absolute URLs", () => {
    expect(site.text("/feed.xml")).toContain('href="https://example.org/ban-tin/2012/01/01/chao-nam-moi/"');
    expect(site.text("/sitemap.xml")).toContain("<loc>https://example.org/ban-tin/2011/09/20/tin-luc-nua-dem/</loc>");
  });

  it("works in Chromium: links, stylesheet and the date picker", async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("response", (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    page.on("pageerror", (error) => problems.push(error.message));
    await page.goto(server.url);
    await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Thông báo" }).click();
    expect(new URL(page.url()).pathname).toBe("/ban-tin/chuyen-muc/thong-bao/");
    await page.getByRole("complementary").getByLabel("Chọn ngày").fill("19/09/2011");
    await page.getByRole("complementary").getByRole("button", { name: "Xem" }).click();
    await page.waitForURL("**/ban-tin/2011/09/19/");
    expect(problems).toEqual([]);
  });

  it("makes an offline copy without the sub-path", async () => {
    const offlineDir = tempDir("offline-sub");
    await writeOfflineCopy(site.outDir, offlineDir, "/ban-tin/");
    const home = fs.readFileSync(path.join(offlineDir, "index.html"), "utf8");
    expect(home).not.toContain('"/ban-tin/');
    expect(home).toContain('href="chuyen-muc/thong-bao/index.html"');
    // The same files, and Pagefind's offline versions beside its own.
    expect(siteFiles(offlineDir).filter((file) => file !== "/pagefind/pagefind-offline.js" && !file.startsWith("/pagefind/offline/"))).toEqual(site.files());
    // A root-relative link outside the site's sub-path is not the copy's to rewrite.
    expect(offlineUrl("/other/", "/index.html", () => false, "/ban-tin/")).toBeUndefined();
  });
});
