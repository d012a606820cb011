// The GitHub Actions workflow's build command, run as the workflow runs it, for a fork's GitHub
// Pages address (https://example.github.io/fork-name, as actions/configure-pages gives it: no
// trailing slash), on the sample archive in content/: every page under /fork-name/, its canonical
// link at that address, and search working from there in Chromium.
import fs from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { siteOutOption } from "../../src/cli/options.ts";
import { ROUTES } from "../../src/content/urls.ts";
import { siteFiles } from "../../src/core/files.ts";
import { launchBrowser, serveStatic, type StaticServer } from "../helpers/browser.ts";
import { bantin } from "../helpers/cli.ts";
import { bantinArgs, GITHUB_WORKFLOW, readYaml, withOption, type Workflow } from "../helpers/recipes.ts";
import { PROJECT, tempDir } from "../helpers/site.ts";

const PAGES_URL = "https://example.github.io/fork-name";

let outDir: string;
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  const build = readYaml<Workflow>(GITHUB_WORKFLOW).jobs.build!;
  const step = build.steps.find((candidate) => candidate.run?.startsWith("npm run build"))!;
  const args = bantinArgs(step.run!, { BASE_URL: PAGES_URL });
  // The workflow uploads the default output folder; here it is a fresh one.
  expect(args).not.toContain("--out");
  outDir = path.join(tempDir("github-pages"), siteOutOption.default);
  const { code, stderr } = await bantin(withOption(args, "--out", () => outDir), { cwd: PROJECT });
  expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  server = await serveStatic(outDir, "/fork-name/");
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const pages = () => siteFiles(outDir).filter((file) => file.endsWith(".html"));
const html = (file: string) => parseHTML(fs.readFileSync(path.join(outDir, file), "utf8")).document;

describe("the GitHub Pages workflow's build for a fork", () => {
  it("puts every link and asset of every page under /fork-name/", () => {
    expect(pages().length).toBeGreaterThan(100);
    for (const file of pages()) {
      const links = [...html(file).querySelectorAll("[href], [src], form[action]")].map((element) => element.getAttribute("href") ?? element.getAttribute("src") ?? element.getAttribute("action")!);
      for (const link of links.filter((value) => value.startsWith("/"))) expect(link, `${file}: ${link}`).toMatch(/^\/fork-name\//);
    }
  });

  it("names the fork's address in every page's canonical link and sharing tags", () => {
    // The CMS is a tool for editors, not a page to share.
    for (const file of pages().filter((name) => name !== "/404.html" && !name.startsWith(ROUTES.cms))) {
      const document = html(file);
      const canonical = document.querySelector('link[rel="canonical"]')!.getAttribute("href")!;
      expect(canonical, file).toBe(`${PAGES_URL}${file.replace(/index\.html$/, "")}`);
      expect(document.querySelector('meta[property="og:url"]')!.getAttribute("content"), file).toBe(canonical);
      expect(document.querySelector('meta[property="og:image"]')!.getAttribute("content")!.startsWith(`${PAGES_URL}/`), file).toBe(true);
    }
    expect(fs.readFileSync(path.join(outDir, "sitemap.xml"), "utf8")).not.toContain("bantin.example.org");
    expect(fs.readFileSync(path.join(outDir, "feed.xml"), "utf8")).not.toContain("bantin.example.org");
  });

  it("finds an article from the search page under /fork-name/, loading the index from there", async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    const requested: string[] = [];
    page.on("request", (request) => requested.push(new URL(request.url()).pathname));
    page.on("response", (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    page.on("pageerror", (error) => problems.push(error.message));
    await page.goto(`${server.url}tim-kiem/?q=${encodeURIComponent("kinh doanh hộ cá thể")}`);
    const first = page.locator(".search-result h3 a").first();
    await expect.poll(() => first.textContent(), { timeout: 20_000 }).toBe("Một cửa liên thông: rút ngắn thời gian đăng ký kinh doanh hộ cá thể");
    await first.click();
    await page.waitForURL("**/fork-name/20*/**");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Một cửa liên thông: rút ngắn thời gian đăng ký kinh doanh hộ cá thể");
    expect(requested.some((pathname) => /^\/fork-name\/pagefind\/fragment\/.+\.pf_fragment$/.test(pathname))).toBe(true);
    expect(requested.filter((pathname) => !pathname.startsWith("/fork-name/"))).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
