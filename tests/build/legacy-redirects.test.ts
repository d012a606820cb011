// The files that send old portal addresses to the articles, read back as each host reads them.
import { beforeAll, describe, expect, it } from "vitest";
import { LEGACY_ARTICLES, legacyFixture } from "../helpers/legacy-site.ts";
import { buildFixture, type BuiltSite, textOf } from "../helpers/site.ts";

let site: BuiltSite;
let subPathSite: BuiltSite;

beforeAll(async () => {
  site = await buildFixture(legacyFixture());
  subPathSite = await buildFixture(legacyFixture("https://example.org/ban-tin/"));
});

/** The rules of a `_redirects` file: from path, query conditions, to, status. */
function netlifyRules(text: string) {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.startsWith("#"))
    .map((line) => {
      const fields = line.trim().split(/\s+/);
      const [from, ...rest] = fields;
      const status = rest.pop()!;
      const to = rest.pop()!;
      return { from: from!, conditions: rest.map((condition) => condition.split("=").map(decodeURIComponent) as [string, string]), to, status };
    });
}

/** The entries of the nginx map, as the regular expressions and values nginx reads, and its variable. */
function nginxMap(text: string) {
  const block = /^map \$request_uri \$(\w+) \{\n([^]*?)\n\}\n?$/m.exec(text);
  if (!block) throw new Error("no map block");
  const lines = block[2]!.split("\n").map((line) => line.trim());
  expect(lines[0]).toBe('default "";');
  const entries = lines.slice(1).map((line) => {
    const match = /^"~\*\^(.*)\$" "([^"]*)";$/.exec(line);
    if (!match) throw new Error(`not a case-insensitive map entry: ${line}`);
    return { pattern: new RegExp(`^${match[1]!.replace(/\\(["\\])/g, "$1")}$`, "i"), value: match[2]! };
  });
  return { variable: block[1]!, lookup: (requestUri: string) => entries.find((entry) => entry.pattern.test(requestUri))?.value, entries };
}

const requestUri = (legacyUrl: string) => {
  const url = new URL(legacyUrl);
  return `${url.pathname}${url.search}`;
};

describe("old addresses of the portal", () => {
  it("lead to the articles in the JSON map the 404 page reads, each of which is that article's page", () => {
    const map = JSON.parse(site.text("/legacy-redirects.json")) as Record<string, string>;
    expect(map).toEqual(Object.fromEntries(LEGACY_ARTICLES.map((article) => [article.key, article.url])));
    for (const article of LEGACY_ARTICLES) {
      const page = site.page(map[article.key]!);
      expect(textOf(page.querySelector("h1"))).toBe(article.title);
      expect(textOf(page.querySelector(".legacy-url"))).toBe(article.legacyUrl);
    }
  });

  it("are Netlify rules matching the old path and query, to the article, permanently", () => {
    const rules = netlifyRules(site.text("/_redirects"));
    for (const article of LEGACY_ARTICLES) {
      const old = new URL(article.legacyUrl);
      const own = rules.filter((rule) => rule.to === article.url);
      expect(own.length, article.file).toBeGreaterThan(0);
      for (const rule of own) {
        expect(rule.from).toBe(old.pathname);
        expect(rule.status).toBe("301");
        // Each rule names every parameter, with its value, in some spelling of its name.
        expect(rule.conditions.map(([name, value]) => [name.toLowerCase(), value])).toEqual([...old.searchParams].map(([name, value]) => [name.toLowerCase(), value]));
      }
      // The spelling the portal wrote is one of them.
      expect(own.map((rule) => rule.conditions)).toContainEqual([...old.searchParams]);
    }
    expect(new Set(rules.map((rule) => rule.to))).toEqual(new Set(LEGACY_ARTICLES.map((article) => article.url)));
  });

  it("are an nginx map of the requested path and query, in any case, with the lines that use it", () => {
    const text = site.text("/legacy-redirects.nginx.conf");
    const map = nginxMap(text);
    expect(map.entries).toHaveLength(LEGACY_ARTICLES.length);
    expect(text).toContain(`return 301 $${map.variable};`);
    expect(text).toContain(`if ($${map.variable})`);
    for (const article of LEGACY_ARTICLES) {
      expect(map.lookup(requestUri(article.legacyUrl))).toBe(article.url);
      expect(map.lookup(requestUri(article.legacyUrl).toLowerCase())).toBe(article.url);
    }
    expect(map.lookup("/tintuc/Lists/Posts/Post.aspx?ID=4555")).toBeUndefined();
  });

  it("lead under the site's sub-path on hosts; the JSON map stays site-relative, as the 404 page resolves it", () => {
    expect(JSON.parse(subPathSite.text("/legacy-redirects.json"))).toEqual(JSON.parse(site.text("/legacy-redirects.json")));
    const rules = netlifyRules(subPathSite.text("/_redirects"));
    const map = nginxMap(subPathSite.text("/legacy-redirects.nginx.conf"));
    for (const article of LEGACY_ARTICLES) {
      const href = `/ban-tin${article.url}`;
      expect(rules.filter((rule) => rule.from === new URL(article.legacyUrl).pathname).map((rule) => rule.to)).toContain(href);
      expect(map.lookup(requestUri(article.legacyUrl))).toBe(href);
      expect(subPathSite.files()).toContain(`${article.url}index.html`);
    }
    expect(rules.every((rule) => rule.to.startsWith("/ban-tin/"))).toBe(true);
  });

  it("are looked up by the 404 page's script, from the site root; the page still says it is not found", () => {
    for (const [built, prefix] of [
      [site, "/"],
      [subPathSite, "/ban-tin/"],
    ] as const) {
      const page = built.page("/404.html");
      expect(textOf(page.querySelector("h1"))).toBe("Không tìm thấy trang");
      const script = page.querySelector("script[data-legacy-map]");
      expect(script?.getAttribute("src")).toBe(`${prefix}js/legacy-redirect.js`);
      // Site-relative: the script resolves it against the root its own address gives.
      expect(script?.getAttribute("data-legacy-map")).toBe("/legacy-redirects.json");
      expect(built.files()).toEqual(expect.arrayContaining(["/js/legacy-redirect.js", "/legacy-redirects.json"]));
    }
  });

  it("are files the sitemap does not list", () => {
    for (const url of ["/_redirects", "/legacy-redirects.nginx.conf", "/legacy-redirects.json"]) expect(site.files()).toContain(url);
    const listed = [...site.page("/sitemap.xml").querySelectorAll("loc")].map((loc) => loc.textContent ?? "");
    expect(listed.length).toBeGreaterThan(10);
    expect(listed.filter((url) => /redirect/.test(url))).toEqual([]);
  });
});
