// The CMS page a build writes at /quan-tri/: served from the files installed from npm, under the
// site's sub-path, and kept from readers' tools: not in the sitemap, the search index or the
// offline copy, disallowed in robots.txt, marked noindex.
import fs from "node:fs";
import path from "node:path";
import { CORE_SCHEMA, load } from "js-yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { decapFiles } from "../../src/cms/decap-files.ts";
import { loadBundle } from "../helpers/pagefind-bundle.ts";
import { bantin } from "../helpers/cli.ts";
import { buildFixture, type BuiltSite, copyFixture, FIXTURES, tempDir } from "../helpers/site.ts";

let site: BuiltSite;

beforeAll(async () => {
  site = await buildFixture(path.join(FIXTURES, "site"));
});

describe("the CMS at /quan-tri/", () => {
  it("is a page that loads Decap CMS and the save script from the site itself, noindex", () => {
    const page = site.page("/quan-tri/");
    expect(page.documentElement.getAttribute("lang")).toBe("vi");
    expect(page.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex, nofollow");
    const scripts = [...page.querySelectorAll("script[src]")].map((script) => script.getAttribute("src"));
    expect(scripts).toEqual(["/quan-tri/decap-cms.js", "/quan-tri/bantin-cms.js"]);
    for (const script of scripts) expect(site.files()).toContain(script);
    // The chunks the script loads at run time are copied beside it, byte for byte.
    const copied = site.files().filter((file) => file.startsWith("/quan-tri/"));
    expect(copied).toEqual(["/quan-tri/bantin-cms.js", "/quan-tri/config.yml", ...decapFiles().map((name) => `/quan-tri/${name}`), "/quan-tri/index.html"].sort());
    expect(copied.filter((file) => /^\/quan-tri\/\d+\.decap-cms\.js$/.test(file)).length).toBeGreaterThan(10);
  });

  it("writes config.yml with this archive's categories", () => {
    const config = load(site.text("/quan-tri/config.yml"), { schema: CORE_SCHEMA }) as { collections: { name: string; fields: { name: string; options?: { value: string }[] }[] }[] };
    const category = config.collections[0]!.fields.find((field) => field.name === "category")!;
    const navigation = [...site.page("/").querySelectorAll("nav.site-nav a[href^='/chuyen-muc/']")].map((link) => link.textContent!.trim());
    expect(category.options!.map((option) => option.value)).toEqual(navigation);
    expect(navigation.length).toBeGreaterThan(1);
  });

  it("is left out of the sitemap and the search index, and disallowed in robots.txt", async () => {
    expect(site.text("/sitemap.xml")).not.toContain("quan-tri");
    expect(site.page("/quan-tri/").querySelector("[data-pagefind-body]")).toBeNull();
    const pagefind = await loadBundle(site.outDir);
    const found = await pagefind.search("quản trị nội dung");
    const urls = await Promise.all(found.results.map(async (result) => (await result.data()).url));
    expect(urls.filter((url) => url.includes("quan-tri"))).toEqual([]);
    expect(site.text("/robots.txt")).toMatch(/^Disallow: \/quan-tri\/$/m);
  });

  it("is left out of the offline copy, which could not save", async () => {
    const offline = path.join(tempDir("cms-offline"), "offline");
    const run = await bantin(["offline", "--content", path.join(FIXTURES, "site"), "--site", site.outDir, "--out", offline]);
    expect(run.stderr).toBe("");
    expect(fs.existsSync(path.join(offline, "index.html"))).toBe(true);
    expect(fs.existsSync(path.join(offline, "quan-tri"))).toBe(false);
  });

  it("lives under the site's sub-path", async () => {
    const contentDir = copyFixture("site");
    const settingsFile = path.join(contentDir, "_data", "site.json");
    fs.writeFileSync(settingsFile, JSON.stringify({ ...JSON.parse(fs.readFileSync(settingsFile, "utf8")), url: "https://example.org/ban-tin/" }));
    const hosted = await buildFixture(contentDir);
    const scripts = [...hosted.page("/quan-tri/").querySelectorAll("script[src]")].map((script) => script.getAttribute("src"));
    expect(scripts).toEqual(["/ban-tin/quan-tri/decap-cms.js", "/ban-tin/quan-tri/bantin-cms.js"]);
    expect(hosted.text("/robots.txt")).toMatch(/^Disallow: \/ban-tin\/quan-tri\/$/m);
  });
});
