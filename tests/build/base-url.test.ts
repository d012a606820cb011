// `--base-url` through the commands: a build for another address than the settings' `url`, and
// `offline`, which reuses a built site only when it was built for the same address.
import fs from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { bantin } from "../helpers/cli.ts";
import { copyFixture, tempDir, writeArticle } from "../helpers/site.ts";
import { manifestOf } from "./output-helpers.ts";

const FORK = "https://example.github.io/fork-name";

function workspace() {
  const root = tempDir("base-url");
  return { root, content: copyFixture("site"), site: path.join(root, "dist"), copy: path.join(root, "ban-sao") };
}

const canonicalOf = (file: string) => parseHTML(fs.readFileSync(file, "utf8")).document.querySelector('link[rel="canonical"]')!.getAttribute("href");

describe("--base-url", () => {
  it("builds for that address and sub-path, leaving the settings as they are", async () => {
    const { content, site } = workspace();
    writeArticle(content, "2012/03/lich-tiep-dan.md", 'title: "Lịch tiếp dân tháng Ba"\ndate: "2012-03-05 08:00"\ncategory: "Thông báo"\nlegacy_url: "http://www.govap.example.vn/tintuc/Lists/Posts/Post.aspx?ID=77"');
    const settings = fs.readFileSync(path.join(content, "_data/site.json"), "utf8");
    const { code, stdout } = await bantin(["build", "--content", content, "--out", site, "--base-url", FORK]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Đã dựng \d+ trang/);
    expect(canonicalOf(path.join(site, "luu-tru/index.html"))).toBe(`${FORK}/luu-tru/`);
    expect(fs.readFileSync(path.join(site, "index.html"), "utf8")).toContain('href="/fork-name/css/site.css"');
    expect(fs.readFileSync(path.join(site, "_headers"), "utf8")).toMatch(/^\/fork-name\/pagefind\/index\/\*$/m);
    // The old addresses lead to the articles under the fork's sub-path.
    expect(fs.readFileSync(path.join(site, "_redirects"), "utf8")).toContain("/tintuc/Lists/Posts/Post.aspx ID=77 /fork-name/2012/03/05/lich-tiep-dan-thang-ba/ 301\n");
    expect(fs.readFileSync(path.join(content, "_data/site.json"), "utf8")).toBe(settings);
  });

  it("offline reuses a site built for the same address, however written, and builds again for another", async () => {
    const { content, site, copy } = workspace();
    expect((await bantin(["build", "--content", content, "--out", site, "--base-url", FORK])).code).toBe(0);
    const forked = manifestOf(site).sources;
    const offline = async (...args: string[]) => (await bantin(["offline", "--content", content, "--site", site, "--out", copy, ...args])).stdout;

    expect(await offline("--base-url", `${FORK}/`)).toMatch(/^Dùng lại /);
    // The copy's pages still name the address they were built for.
    expect(canonicalOf(path.join(copy, "luu-tru/index.html"))).toBe(`${FORK}/luu-tru/`);
    expect(fs.readFileSync(path.join(copy, "index.html"), "utf8")).not.toContain("/fork-name/css");

    expect(await offline()).not.toMatch(/^Dùng lại /m);
    expect(manifestOf(site).sources).not.toBe(forked);
    expect(canonicalOf(path.join(copy, "luu-tru/index.html"))).toBe("https://example.org/luu-tru/");
    expect(await offline()).toMatch(/^Dùng lại /);

    expect(await offline("--base-url", "https://example.github.io/khac/")).not.toMatch(/^Dùng lại /m);
    expect(canonicalOf(path.join(copy, "luu-tru/index.html"))).toBe("https://example.github.io/khac/luu-tru/");
  });
});
