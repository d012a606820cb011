import fs from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load.ts";
import { ZONE } from "../../src/core/dates.ts";
import { scaffoldArticle } from "../../src/content/scaffold.ts";
import { copyFixture } from "../helpers/site.ts";

describe("npm run new", () => {
  const date = DateTime.fromObject({ year: 2013, month: 1, day: 1, hour: 0, minute: 5 }, { zone: ZONE });

  it("writes a valid article dated in Vietnam time at content/YYYY/MM/slug.md", () => {
    const contentDir = copyFixture("site");
    const file = scaffoldArticle(contentDir, { title: "Đêm hội: chào năm mới", category: "Văn hóa - Thể thao", date });
    expect(path.relative(contentDir, file)).toBe(path.join("2013", "01", "dem-hoi-chao-nam-moi.md"));
    expect(fs.readFileSync(file, "utf8")).toContain('title: "Đêm hội: chào năm mới"\ndate: "2013-01-01 00:05"\n');
    const article = loadContent(contentDir).articles.find((candidate) => candidate.file === "2013/01/dem-hoi-chao-nam-moi.md");
    expect(article?.url).toBe("/2013/01/01/dem-hoi-chao-nam-moi/");
  });

  it("never replaces an existing file", () => {
    const contentDir = copyFixture("site");
    const file = scaffoldArticle(contentDir, { title: "Tin một", category: "Thông báo", date });
    fs.writeFileSync(file, "edited");
    expect(() => scaffoldArticle(contentDir, { title: "Tin một", category: "Thông báo", date })).toThrow(/ đã có; hãy chọn tiêu đề khác hoặc sửa tệp đó$/);
    expect(fs.readFileSync(file, "utf8")).toBe("edited");
  });
});
