// The recipes' commands run as their hosts run them, on the sample archive in content/: GitLab's
// `pages` job into its public/, the pull and merge request checks; then the caching rules of
// `_headers` and of the nginx server block against the files that build wrote. The GitHub Pages
// build, under a fork's sub-path, is in tests/browser/publish-github-pages.test.ts.
import fs from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { LEGACY_REDIRECT_URLS } from "../../src/content/legacy-redirects.ts";
import { siteFiles } from "../../src/core/files.ts";
import { PAGEFIND_FOLDER } from "../../src/search/indexer.ts";
import { isContentHashed } from "../../src/search/pagefind-files.ts";
import { HOST_HEADERS_FILE, IMMUTABLE, REVALIDATE } from "../../src/site/host-headers.ts";
import { bantin } from "../helpers/cli.ts";
import { bantinArgs, type Directive, GITHUB_WORKFLOW, GITLAB_CI, type GitlabJob, headerPatternMatches, NGINX_CONF, readHeaders, readNginx, readYaml, withOption, type Workflow } from "../helpers/recipes.ts";
import { PROJECT, tempDir } from "../helpers/site.ts";

const PAGES_URL = "https://nhom.gitlab.io/ban-tin";
const PREFIX = "/ban-tin/";

let publicDir: string;
let files: string[];
/** Each file of the build as the URL path a browser asks for. */
let urls: string[];
let pagefindUrls: string[];

beforeAll(async () => {
  const job = readYaml<Record<string, GitlabJob>>(GITLAB_CI).pages!;
  const root = tempDir("gitlab");
  // The job's own command, its --out the folder it publishes, placed in a fresh folder.
  const args = withOption(bantinArgs(job.script[1]!, { CI_PAGES_URL: PAGES_URL }), "--out", (out) => path.join(root, out!));
  const { code, stderr } = await bantin(args, { cwd: PROJECT });
  expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  publicDir = path.join(root, job.artifacts!.paths[0]!);
  files = siteFiles(publicDir).filter((file) => file !== "/.bantin-manifest.json");
  urls = files.map((file) => `${PREFIX}${file.slice(1)}`);
  pagefindUrls = urls.filter((url) => url.startsWith(`${PREFIX}${PAGEFIND_FOLDER}/`));
});

const html = (file: string) => parseHTML(fs.readFileSync(path.join(publicDir, file), "utf8")).document;

describe("GitLab Pages: the `pages` job's build", () => {
  it("writes the site into the folder the job publishes, every link under the project's sub-path", () => {
    expect(files).toContain("/index.html");
    expect(files).toContain("/404.html");
    for (const file of files.filter((name) => name.endsWith(".html"))) {
      const links = [...html(file).querySelectorAll("[href], [src], form[action]")].map((element) => element.getAttribute("href") ?? element.getAttribute("src") ?? element.getAttribute("action")!);
      for (const link of links.filter((value) => value.startsWith("/"))) expect(link, `${file}: ${link}`).toMatch(/^\/ban-tin\//);
    }
  });

  it("names $CI_PAGES_URL in canonical links, feeds, the sitemap and robots.txt", () => {
    expect(html("/luu-tru/index.html").querySelector('link[rel="canonical"]')!.getAttribute("href")).toBe(`${PAGES_URL}/luu-tru/`);
    const feed = fs.readFileSync(path.join(publicDir, "feed.xml"), "utf8");
    expect(feed).toContain(`<id>${PAGES_URL}/feed.xml</id>`);
    const sitemap = fs.readFileSync(path.join(publicDir, "sitemap.xml"), "utf8");
    const locations = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
    expect(locations.length).toBeGreaterThan(30);
    for (const location of locations) expect(location.startsWith(`${PAGES_URL}/`)).toBe(true);
    expect(fs.readFileSync(path.join(publicDir, "robots.txt"), "utf8")).toContain(`Sitemap: ${PAGES_URL}/sitemap.xml`);
  });

  it("leaves nothing else in the project", () => {
    expect(fs.existsSync(path.join(PROJECT, "public"))).toBe(false);
  });
});

describe("the content checks of pull and merge requests", () => {
  const workflow = readYaml<Workflow>(GITHUB_WORKFLOW);
  const lines = [...workflow.jobs.check!.steps.flatMap((step) => (step.run?.startsWith("npm run") ? [step.run] : [])), ...readYaml<Record<string, GitlabJob>>(GITLAB_CI).check!.script.filter((line) => line.startsWith("npm run"))];

  it.each(lines)("%s passes on the sample archive", async (line) => {
    const { code, stderr } = await bantin(bantinArgs(line), { cwd: PROJECT });
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  });
});

describe("_headers, for Netlify and Cloudflare Pages", () => {
  const rules = () => readHeaders(fs.readFileSync(path.join(publicDir, HOST_HEADERS_FILE), "utf8"));
  const matching = (url: string) => rules().filter((rule) => headerPatternMatches(rule.pattern, url));

  it("keeps the search index's hashed files a year and checks its others on every use, one rule a file", () => {
    const hashed = pagefindUrls.filter((url) => isContentHashed(url.slice(`${PREFIX}${PAGEFIND_FOLDER}`.length)));
    // Chunks, fragments, filters and the meta file; the entry, scripts and WebAssembly are not.
    expect(hashed.filter((url) => url.endsWith(".pf_index")).length).toBeGreaterThan(0);
    expect(hashed.filter((url) => url.endsWith(".pf_fragment")).length).toBe(34);
    expect(hashed.filter((url) => url.endsWith(".pf_meta"))).toHaveLength(1);
    for (const name of ["pagefind-entry.json", "pagefind.js", "pagefind-worker.js", "wasm.unknown.pagefind", "bantin-d-words.js"]) expect(pagefindUrls).toContain(`${PREFIX}pagefind/${name}`);
    for (const url of pagefindUrls) {
      const found = matching(url);
      expect(found, url).toHaveLength(1);
      expect(found[0]!.headers, url).toEqual({ "cache-control": hashed.includes(url) ? IMMUTABLE : REVALIDATE });
    }
  });

  it("sets nothing on pages and other files, which keep the hosts' default, and stays within Cloudflare's 100 rules", () => {
    for (const url of urls.filter((name) => !pagefindUrls.includes(name))) expect(matching(url), url).toEqual([]);
    expect(rules().length).toBeLessThanOrEqual(100);
    expect(files).toContain(LEGACY_REDIRECT_URLS.netlify);
  });
});

describe("the nginx server block", () => {
  const server = readNginx(fs.readFileSync(NGINX_CONF, "utf8")).find((directive) => directive.name === "server")!.block!;
  const cacheControl = (location: Directive) => {
    const header = location.block!.find((directive) => directive.name === "add_header" && directive.args[0] === "Cache-Control");
    return header?.args[1];
  };
  const regexLocations = server.filter((directive) => directive.name === "location" && directive.args[0] === "~");
  const rootLocation = server.find((directive) => directive.name === "location" && directive.args.join(" ") === "/")!;
  /** The location nginx picks for a URL path: the first regex location that matches, else `location /`. */
  const locationOf = (url: string) => regexLocations.find((location) => new RegExp(location.args[1]!).test(url)) ?? rootLocation;

  it("caches the files of the build as _headers does, under the site's root or a sub-path", () => {
    for (const prefix of ["/", PREFIX]) {
      for (const file of files) {
        const url = `${prefix}${file.slice(1)}`;
        const inBundle = file.startsWith(`/${PAGEFIND_FOLDER}/`);
        const expected = inBundle && isContentHashed(file.slice(PAGEFIND_FOLDER.length + 1)) ? IMMUTABLE : REVALIDATE;
        expect(cacheControl(locationOf(url)), url).toBe(expected);
      }
    }
  });

  it("redirects by the variable of the map the build writes", () => {
    const map = readNginx(fs.readFileSync(path.join(publicDir, LEGACY_REDIRECT_URLS.nginx), "utf8"));
    expect(map.map((directive) => [directive.name, ...directive.args])).toEqual([["map", "$request_uri", "$bantin_legacy"]]);
    expect(server.find((directive) => directive.name === "if")!.args).toEqual(["($bantin_legacy)"]);
  });
});
