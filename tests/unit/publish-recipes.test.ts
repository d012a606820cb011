// The publishing recipes read as their hosts read them (README, "Xuất bản"): when each job runs, with
// which rights, which npm scripts it names, and which folder it publishes. Their commands are run
// against the sample archive in tests/build/publish-recipes.test.ts and
// tests/browser/publish-github-pages.test.ts.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { siteOutOption } from "../../src/cli/options.ts";
import { LEGACY_REDIRECT_URLS } from "../../src/content/legacy-redirects.ts";
import { ROUTES } from "../../src/content/urls.ts";
import { PROJECT } from "../helpers/paths.ts";
import { bantinArgs, type Directive, GITHUB_WORKFLOW, GITLAB_CI, type GitlabJob, NGINX_CONF, readNginx, readYaml, shellWords, withOption, type Workflow } from "../helpers/recipes.ts";

const workflow = readYaml<Workflow>(GITHUB_WORKFLOW);
const gitlab = readYaml<Record<string, unknown>>(GITLAB_CI);
const nginx = readNginx(fs.readFileSync(NGINX_CONF, "utf8"));

const runs = (job: { steps: { run?: string }[] }) => job.steps.flatMap((step) => (step.run === undefined ? [] : [step.run]));
const uses = (job: { steps: { uses?: string }[] }) => job.steps.flatMap((step) => (step.uses === undefined ? [] : [step.uses.replace(/@.*/, "")]));
const named = (directives: readonly Directive[], name: string) => directives.filter((directive) => directive.name === name);

describe("reading the recipes", () => {
  it("splits a command line as sh does, and refuses what it cannot read", () => {
    expect(shellWords(`npm run build -- --base-url "$BASE_URL" --out 'thư mục $X'`, { BASE_URL: "https://a.example/b c/" })).toEqual(["npm", "run", "build", "--", "--base-url", "https://a.example/b c/", "--out", "thư mục $X"]);
    expect(shellWords('a "${X}y" ""', { X: "x" })).toEqual(["a", "xy", ""]);
    expect(() => shellWords('a "$UNSET"')).toThrow("$UNSET is not set");
    expect(() => shellWords("npm run build && rm -r /")).toThrow('"&"');
    expect(() => shellWords('a "b')).toThrow("unclosed quote");
  });

  it("turns an npm script into the bantin command it runs", () => {
    expect(bantinArgs("npm run check")).toEqual(["check"]);
    expect(bantinArgs("npm run build -- --out public")).toEqual(["build", "--out", "public"]);
    expect(() => bantinArgs("npx eleventy")).toThrow("not an npm script");
    expect(() => bantinArgs("npm run deploy")).toThrow('package.json has no script "deploy"');
    expect(() => bantinArgs("npm run test")).toThrow("does not run bantin");
    expect(withOption(["build", "--out", "public"], "--out", (value) => `/tmp/${value}`)).toEqual(["build", "--out", "/tmp/public"]);
    expect(withOption(["build"], "--out", () => "/tmp/x")).toEqual(["build", "--out", "/tmp/x"]);
  });

  it("reads nginx directives, blocks and quotes, and refuses an unbalanced block", () => {
    expect(readNginx('a 1; # b;\nc { d "e f" \'g\'; }')).toEqual([{ name: "a", args: ["1"] }, { name: "c", args: [], block: [{ name: "d", args: ["e f", "g"] }] }]);
    expect(() => readNginx("a { b;")).toThrow();
    expect(() => readNginx("a; }")).toThrow();
  });
});

describe("GitHub Actions (.github/workflows/xuat-ban.yml)", () => {
  const { check, build, deploy } = workflow.jobs;

  it("checks every pull request with npm ci and npm run check, and nothing more", () => {
    expect(Object.keys(workflow.on)).toContain("pull_request");
    expect(workflow.on.pull_request).toBeNull();
    expect(check!.if).toBe("github.event_name == 'pull_request'");
    expect(runs(check!)).toEqual(["npm ci", "npm run check"]);
    expect(bantinArgs(runs(check!)[1]!)).toEqual(["check"]);
  });

  it("builds on main alone, with the sub-path GitHub Pages gives the repository, and uploads the build's output folder", () => {
    expect(workflow.on.push).toEqual({ branches: ["main"] });
    expect(build!.if).toBe("github.event_name != 'pull_request' && github.ref == 'refs/heads/main'");
    const pages = build!.steps.find((step) => step.uses?.startsWith("actions/configure-pages@"))!;
    const buildStep = build!.steps.find((step) => step.run?.startsWith("npm run build"))!;
    // The Pages address reaches the command through the environment, never pasted into the script.
    expect(buildStep.env).toEqual({ BASE_URL: `\${{ steps.${pages.id}.outputs.base_url }}` });
    expect(bantinArgs(buildStep.run!, { BASE_URL: "https://example.github.io/fork-name" })).toEqual(["build", "--base-url", "https://example.github.io/fork-name"]);
    expect(runs(build!)[0]).toBe("npm ci");
    const upload = build!.steps.find((step) => step.uses?.startsWith("actions/upload-pages-artifact@"))!;
    expect(upload.with).toEqual({ path: siteOutOption.default });
    // The search cache lives outside node_modules/, which npm ci empties, and is the folder cached.
    const cache = build!.steps.find((step) => step.uses?.startsWith("actions/cache@"))!;
    expect(build!.env!.BANTIN_CACHE_DIR).toBe(`\${{ github.workspace }}/${cache.with!.path}`);
    expect(build!.steps.indexOf(cache)).toBeLessThan(build!.steps.indexOf(buildStep));
  });

  it("deploys the uploaded build with the rights Pages needs and no more, one deployment at a time", () => {
    expect(workflow.permissions).toEqual({ contents: "read" });
    expect(check!.permissions).toBeUndefined();
    expect(build!.permissions).toBeUndefined();
    expect(deploy!.needs).toBe("build");
    expect(deploy!.permissions).toEqual({ pages: "write", "id-token": "write" });
    expect(deploy!.environment).toEqual({ name: "github-pages", url: "${{ steps.deployment.outputs.page_url }}" });
    expect(deploy!.concurrency).toEqual({ group: "pages", "cancel-in-progress": false });
    expect(deploy!.steps).toEqual([{ id: "deployment", uses: "actions/deploy-pages@v4" }]);
  });

  it("pins every action to a major version, and sets up the Node.js the project requires", () => {
    const all = Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((step) => (step.uses ? [step.uses] : [])));
    for (const action of all) expect(action).toMatch(/^actions\/[a-z-]+@v\d+$/);
    expect(uses(build!)).toEqual(["actions/checkout", "actions/setup-node", "actions/configure-pages", "actions/cache", "actions/upload-pages-artifact"]);
    const engines: string = JSON.parse(fs.readFileSync(`${PROJECT}/package.json`, "utf8")).engines.node;
    for (const job of [check!, build!]) {
      const node = job.steps.find((step) => step.uses?.startsWith("actions/setup-node@"))!;
      expect(engines).toBe(`>=${node.with!["node-version"]}.19`);
    }
  });
});

describe("GitLab CI (.gitlab-ci.yml)", () => {
  const pages = gitlab.pages as GitlabJob;
  const check = gitlab.check as GitlabJob;

  it("checks every merge request with npm ci and npm run check", () => {
    expect(check.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]);
    expect(check.script).toEqual(["npm ci", "npm run check"]);
  });

  it("publishes the default branch from a `pages` job, built for $CI_PAGES_URL into the public/ it hands to GitLab Pages", () => {
    expect(pages.rules).toEqual([{ if: "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH" }]);
    expect(pages.script[0]).toBe("npm ci");
    const args = bantinArgs(pages.script[1]!, { CI_PAGES_URL: "https://nhom.gitlab.io/ban-tin" });
    expect(args).toEqual(["build", "--base-url", "https://nhom.gitlab.io/ban-tin", "--out", "public"]);
    expect(pages.artifacts).toEqual({ paths: ["public"] });
    expect(pages.cache!.paths).toEqual([".bantin-cache/"]);
    expect((gitlab.variables as Record<string, string>).BANTIN_CACHE_DIR).toBe("$CI_PROJECT_DIR/.bantin-cache");
    expect((gitlab.default as { image: string }).image).toBe("node:20");
  });
});

describe("Netlify and Cloudflare Pages (README, set in their dashboards)", () => {
  const readme = fs.readFileSync(`${PROJECT}/README.md`, "utf8");
  /** The rows of the first table under a "### <host>" heading of the "Xuất bản" section. */
  const settingsOf = (host: string): Record<string, string> => {
    const section = readme.slice(readme.indexOf("## Xuất bản")).split(/^### /m).find((part) => part.startsWith(`${host}\n`))!;
    const rows = [...section.matchAll(/^\| ([^|]+?) \| `?([^|`]+?)`? \|$/gm)].map((row) => [row[1]!, row[2]!]);
    return Object.fromEntries(rows.filter(([name]) => name !== "mục" && !/^-+$/.test(name!)));
  };

  it.each([
    ["Netlify", "Build command", "Publish directory"],
    ["Cloudflare Pages", "Build command", "Build output directory"],
  ])("%s: its build command is the npm build script, and it publishes the build's output folder", (host, command, folder) => {
    const settings = settingsOf(host);
    expect(bantinArgs(settings[command]!)).toEqual(["build"]);
    expect(settings[folder]).toBe(siteOutOption.default);
  });
});

describe("nginx (docs/xuat-ban/nginx.conf)", () => {
  const [server, ...others] = named(nginx, "server");
  const directives = server!.block!;
  const one = (name: string, within = directives) => {
    const found = named(within, name);
    expect(found, name).toHaveLength(1);
    return found[0]!.args;
  };

  it("includes the build's map of old addresses in the http block, and sends them on from the server", () => {
    expect(others).toEqual([]);
    const [include] = named(nginx, "include");
    expect(include!.args[0]!.endsWith(LEGACY_REDIRECT_URLS.nginx)).toBe(true);
    // The include reads the site folder's own copy, and the server serves that folder.
    expect(include!.args[0]).toBe(`${one("root")[0]}${LEGACY_REDIRECT_URLS.nginx}`);
    const [redirect] = named(directives, "if");
    expect(redirect!.args).toEqual(["($bantin_legacy)"]);
    expect(redirect!.block).toEqual([{ name: "return", args: ["301", "$bantin_legacy"] }]);
  });

  it("serves folder URLs from their index.html and unknown ones the site's 404 page", () => {
    expect(one("index")).toEqual(["index.html"]);
    const root = named(directives, "location").find((location) => location.args.join(" ") === "/")!;
    expect(one("try_files", root.block)).toEqual(["$uri", "$uri/", "=404"]);
    expect(one("error_page")).toEqual(["404", ROUTES.notFound]);
  });

  it("compresses text on the fly, not Pagefind's files, which are gzip already", () => {
    expect(one("gzip")).toEqual(["on"]);
    const types = one("gzip_types");
    for (const type of ["text/css", "application/javascript", "application/json", "application/atom+xml", "image/svg+xml"]) expect(types).toContain(type);
    expect(types).not.toContain("application/octet-stream");
    expect(named(directives, "gzip_static")).toEqual([]);
  });
});
