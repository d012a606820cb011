import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { CORE_SCHEMA, load } from "js-yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { buildFixture, type BuiltSite, PROJECT, textOf } from "../helpers/site.ts";

// The sample's counterpart of the captured legacy page: every field that page carried.
const SEED_FILE = path.join(PROJECT, "content/2011/09/hoc-tap-va-lam-theo-tam-guong-dao-duc-ho-chi-minh.md");
const SEED_URL = "/2011/09/20/hoc-tap-va-lam-theo-tam-guong-dao-duc-ho-chi-minh-nhung-kinh-nghiem-thuc-tien/";

let site: BuiltSite;
const articleFiles = () => site.files().filter((file) => /^\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+\/index\.html$/.test(file));

beforeAll(async () => {
  site = await buildFixture(path.join(PROJECT, "content"));
});

describe("the sample archive in content/", () => {
  it("shows the seed article with the legacy page's title, headings, source, signature and views", () => {
    const source = matter(fs.readFileSync(SEED_FILE, "utf8"), { engines: { yaml: (text: string) => load(text, { schema: CORE_SCHEMA }) as object } });
    const page = site.page(SEED_URL);
    expect(textOf(page.querySelector("h1"))).toBe(source.data.title);
    const headings = [...page.querySelectorAll(".article__body h2")].map(textOf);
    expect(headings).toEqual([...source.content.matchAll(/^## (.+)$/gm)].map((match) => match[1]));
    expect(headings).toHaveLength(3);
    expect(textOf(page.querySelector(".article__source"))).toBe(`Theo ${source.data.source}`);
    expect(textOf(page.querySelector(".article__signature"))).toBe(`${source.data.author}, ${source.data.author_title}`);
    expect(source.data.views).toBe(9638);
    expect(textOf(page.querySelector(".article__views"))).toContain("Số lượt người xem: 9.638");
    expect(page.querySelector("article time")?.getAttribute("datetime")).toBe("2011-09-20T09:05:00+07:00");
    expect(textOf(page.querySelector(".article__category"))).toBe("Các chuyên đề");
    expect(page.querySelectorAll(".related__newer li").length).toBeGreaterThan(0);
    expect(page.querySelectorAll(".related__older li").length).toBeGreaterThan(0);
  });

  it("spans at least four years and four categories, with several articles on one day and some near midnight", () => {
    const articles = articleFiles();
    expect(articles.length).toBeGreaterThanOrEqual(30);
    expect(new Set(articles.map((file) => file.slice(1, 5))).size).toBeGreaterThanOrEqual(4);
    expect(site.page("/").querySelectorAll(".count-list li").length).toBeGreaterThanOrEqual(4);
    expect(site.page("/2011/09/20/").querySelectorAll("main .article-list__item").length).toBeGreaterThanOrEqual(3);
    const times = articles.map((file) => site.page(file).querySelector("article time")?.getAttribute("datetime") ?? "");
    expect(times.some((time) => /T00:[0-5]\d:/.test(time))).toBe(true);
    expect(times.some((time) => /T23:[0-5]\d:/.test(time))).toBe(true);
  });

  it("has three videos, playable from files under static/ or linked", () => {
    const videos = site.page("/video/");
    expect(videos.querySelectorAll(".video")).toHaveLength(3);
    for (const video of videos.querySelectorAll("video")) expect(fs.existsSync(path.join(site.outDir, video.getAttribute("src")!))).toBe(true);
  });

  it("builds no draft", () => {
    const drafts = fs
      .readdirSync(path.join(PROJECT, "content"), { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".md") && /^draft:\s*true\s*$/m.test(fs.readFileSync(path.join(PROJECT, "content", file), "utf8")));
    expect(drafts.length).toBeGreaterThan(0);
    for (const draft of drafts) expect(articleFiles().some((file) => file.includes(path.basename(draft, ".md")))).toBe(false);
  });
});
