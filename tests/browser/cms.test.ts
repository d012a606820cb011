// The CMS at /quan-tri/ in Chromium, saving through its local proxy (decap-server) into a git
// repository, as `npm run cms` runs it: an editor fills the form, and the file it writes is an
// article `npm run check` accepts and the site builds.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { CORE_SCHEMA, load } from "js-yaml";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalBackend, type LocalBackend } from "../../src/cms/proxy.ts";
import { slugify } from "../../src/core/slug.ts";
import { buildSite } from "../../src/site/build.ts";
import { launchBrowser, serveStatic, type StaticServer } from "../helpers/browser.ts";
import { bantin } from "../helpers/cli.ts";
import { freePort } from "../helpers/serve.ts";
import { buildFixture, PROJECT, tempDir, textOf } from "../helpers/site.ts";

const git = (repo: string, ...args: string[]) => execFileSync("git", ["-C", repo, "-c", "user.name=Biên tập", "-c", "user.email=bientap@example.org", ...args], { encoding: "utf8" });

let repo: string;
let proxy: LocalBackend;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  // The sample archive in a repository of its own, as an office's would be.
  repo = tempDir("cms-repo");
  fs.cpSync(path.join(PROJECT, "content"), path.join(repo, "content"), { recursive: true });
  git(repo, "init", "--quiet", "--initial-branch=main");
  git(repo, "add", ".");
  git(repo, "commit", "--quiet", "-m", "Lưu trữ bản tin");
  const port = await freePort();
  proxy = await startLocalBackend(repo, port, "ignore");
  const outDir = tempDir("cms-site");
  await buildSite({ contentDir: path.join(repo, "content"), outDir, cmsProxyPort: port });
  server = await serveStatic(outDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await proxy?.close();
});

/** The CMS signed in to the local proxy, in a browser set to Vietnam time; requests to any other host are recorded. */
async function openCms(): Promise<{ page: Page; remote: string[]; errors: string[] }> {
  const context = await browser.newContext({ timezoneId: "Asia/Ho_Chi_Minh", locale: "vi-VN", viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  const remote: string[] = [];
  const errors: string[] = [];
  page.on("request", (request) => {
    if (!/^(https?:\/\/127\.0\.0\.1[:/]|data:|blob:)/.test(request.url())) remote.push(request.url());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${server.url}quan-tri/`);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.getByRole("link", { name: "Bài viết" }).first().waitFor();
  return { page, remote, errors };
}

describe("the CMS at /quan-tri/, saving through the local proxy", () => {
  // Typed as a keyboard may send it: base letters and combining marks (NFD).
  const title = "Đại hội Đoàn phường 5: đổi mới, sáng tạo".normalize("NFD");
  const expectedTitle = title.normalize("NFC");
  const slug = slugify(expectedTitle);

  it("lists the archive's articles, three folders deep", async () => {
    const { page, remote, errors } = await openCms();
    await page.getByRole("link", { name: "Bài viết" }).first().click();
    await expect.poll(() => page.getByText("Thông báo tuyển dụng công chức phường năm 2010 (Thông báo)").count()).toBe(1);
    expect(remote).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("writes the article the form was filled with to content/YYYY/MM/slug.md, which check accepts and the site builds", async () => {
    const { page, remote, errors } = await openCms();
    await page.goto(`${server.url}quan-tri/#/collections/bai-viet/new`);
    await page.getByLabel("Tiêu đề").fill(title);
    // Early on the first of the month: in UTC it is still the last day of May.
    await page.getByLabel("Ngày giờ đăng").fill("2024-06-01T05:30");
    await page.getByLabel("Chuyên mục").fill("Tin tức");
    await page.getByText("Tin tức - Sự kiện", { exact: true }).click();
    await page.getByLabel("Nguồn").fill("Ban Tuyên giáo Quận ủy");
    // Filled, then emptied: left out, not written as "".
    const author = page.getByRole("textbox", { name: "Tác giả (không bắt buộc)", exact: true });
    await author.fill("Nguyễn Văn Đức");
    await author.fill("");
    await page.locator("[data-slate-editor]").click();
    await page.keyboard.type("Sáng nay, Đại hội đã bầu Ban Chấp hành mới.");
    await page.getByRole("button", { name: "Công bố" }).click();
    await page.getByText("Công bố ngay").click();

    // The one change to the repository: the new article, where `npm run new` would have put it.
    await expect.poll(() => git(repo, "status", "--porcelain", "--untracked-files=all").trim(), { timeout: 20_000 }).not.toBe("");
    expect(git(repo, "status", "--porcelain", "--untracked-files=all").trim()).toBe(`?? content/2024/06/${slug}.md`);
    const file = path.join(repo, "content", "2024", "06", `${slug}.md`);
    expect(slug).toBe("dai-hoi-doan-phuong-5-doi-moi-sang-tao");
    const text = fs.readFileSync(file, "utf8");
    expect(text).toBe(text.normalize("NFC"));
    const [, frontMatter = "", body = ""] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
    expect(load(frontMatter, { schema: CORE_SCHEMA })).toEqual({ title: expectedTitle, date: "2024-06-01 05:30", category: "Tin tức - Sự kiện", source: "Ban Tuyên giáo Quận ủy" });
    expect(body.trim()).toBe("Sáng nay, Đại hội đã bầu Ban Chấp hành mới.");

    const checked = await bantin(["check", "--content", path.join(repo, "content")]);
    expect(checked.stderr).toBe("");
    expect(checked.code).toBe(0);
    const site = await buildFixture(path.join(repo, "content"));
    expect(textOf(site.page(`/2024/06/01/${slug}/`).querySelector("h1"))).toBe(expectedTitle);
    expect(remote).toEqual([]);
    expect(errors).toEqual([]);
  });
});
