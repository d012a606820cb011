import fs from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { readSource, validate } from "../../src/content/front-matter.ts";
import { loadContent } from "../../src/content/load.ts";
import { reviewFolder } from "../../src/content/review.ts";
import { scaffoldArticle } from "../../src/content/scaffold.ts";
import { articleSchema } from "../../src/content/schema.ts";
import { ZONE } from "../../src/core/dates.ts";
import type { Problem } from "../../src/core/errors.ts";
import { copyFixture, tempDir } from "../helpers/site.ts";


describe("npm run new", () => {
  const date = DateTime.fromObject({ year: 2013, month: 1, day: 1, hour: 0, minute: 5 }, { zone: ZONE });

  it("writes a draft dated in Vietnam time at content/YYYY/MM/slug.md, which the check passes and, published, the build reads", async () => {
    const contentDir = copyFixture("site");
    const { file } = scaffoldArticle(contentDir, { title: "Đêm hội: chào năm mới", category: "Thông báo", date });
    expect(path.relative(contentDir, file)).toBe(path.join("2013", "01", "dem-hoi-chao-nam-moi.md"));
    const text = fs.readFileSync(file, "utf8");
    expect(text).toContain('title: "Đêm hội: chào năm mới"\ndate: "2013-01-01 00:05"\ncategory: "Thông báo"\ndraft: true');

    const review = await reviewFolder(contentDir);
    expect(review.errors).toEqual([]);
    expect(review.drafts.map((draft) => draft.file)).toContain("2013/01/dem-hoi-chao-nam-moi.md");
    expect(loadContent(contentDir).articles.map((article) => article.file)).not.toContain("2013/01/dem-hoi-chao-nam-moi.md");

    fs.writeFileSync(file, text.replace(/^draft: true.*\n/m, ""));
    const article = loadContent(contentDir).articles.find((candidate) => candidate.file === "2013/01/dem-hoi-chao-nam-moi.md");
    expect(article?.url).toBe("/2013/01/01/dem-hoi-chao-nam-moi/");
  });

  it("names every field of the schema; each optional one, uncommented, is a valid example of it", () => {
    const contentDir = copyFixture("site");
    const text = fs.readFileSync(scaffoldArticle(contentDir, { title: "Tin mẫu", category: "Thông báo", date }).file, "utf8");
    const frontMatter = text.split("\n---\n")[0]!;
    const named = [...frontMatter.matchAll(/^(?:# )?([a-z_]+):/gm)].map((match) => match[1]);
    const fields = Object.keys(articleSchema.shape).sort();
    expect(named.sort()).toEqual(fields);

    const problems: Problem[] = [];
    const source = readSource("tin-mau.md", text.replace(/^# (?=[a-z_]+:)/gm, ""), problems);
    expect(problems).toEqual([]);
    expect(Object.keys(source!.data).sort()).toEqual(fields);
    expect(validate(articleSchema, source!.data, "tin-mau.md", source!.lines, problems)).toBeDefined();
    expect(problems).toEqual([]);
  });

  it("refuses a category that is none of the site's, naming the nearest, and writes nothing", () => {
    const contentDir = copyFixture("site");
    expect(() => scaffoldArticle(contentDir, { title: "Tin một", category: "Thong bao moi", date })).toThrow(
      '"Thong bao moi" không thuộc các chuyên mục mà các bài khác có; gần nhất là "Thông báo"; hãy ghi một chuyên mục của trang với --category, hoặc thêm --new-category để mở chuyên mục mới',
    );
    expect(fs.existsSync(path.join(contentDir, "2013"))).toBe(false);
  });

  it("takes a new category when asked to, and writes a known one as the site does", () => {
    const contentDir = copyFixture("site");
    expect(scaffoldArticle(contentDir, { title: "Tin một", category: "Thong bao moi", date, newCategory: true }).category).toBe("Thong bao moi");
    const { file, category } = scaffoldArticle(contentDir, { title: "Tin hai", category: " thong bao ", date });
    expect(category).toBe("Thông báo");
    expect(fs.readFileSync(file, "utf8")).toContain('\ncategory: "Thông báo"\n');
  });

  it("in a folder with no categories yet, takes one only as a new category", () => {
    const contentDir = tempDir("empty");
    expect(() => scaffoldArticle(contentDir, { title: "Tin đầu tiên", category: "Thông báo", date })).toThrow(/\(chưa có chuyên mục nào\)/);
    expect(fs.readdirSync(contentDir)).toEqual([]);
    expect(scaffoldArticle(contentDir, { title: "Tin đầu tiên", category: "Thông báo", date, newCategory: true }).category).toBe("Thông báo");
  });

  it("never replaces an existing file", () => {
    const contentDir = copyFixture("site");
    const { file } = scaffoldArticle(contentDir, { title: "Tin một", category: "Thông báo", date });
    fs.writeFileSync(file, "edited");
    expect(() => scaffoldArticle(contentDir, { title: "Tin một", category: "Thông báo", date })).toThrow(/ đã có; hãy chọn tiêu đề khác hoặc sửa tệp đó$/);
    expect(fs.readFileSync(file, "utf8")).toBe("edited");
  });
});
