// A large content folder is read on two cores (src/content/load-parallel.ts): the content, and the
// problems of a broken folder, must be those loadContent finds on one, in the same order.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ContentError } from "../../src/core/errors.ts";
import { setLanguage } from "../../src/core/messages.ts";
import { loadContent } from "../../src/content/load.ts";
import { loadContentInParallel, reviewContentInParallel } from "../../src/content/load-parallel.ts";
import { contentProblems, copyFixture, writeArticle } from "../helpers/site.ts";

/** The articles read in parallel whatever their number. */
const inParallel = (contentDir: string) => loadContentInParallel(contentDir, { parallelFrom: 1 });

describe("reading the articles on two cores", () => {
  it("gives the content loadContent gives, articles in the same order", async () => {
    const contentDir = copyFixture("site");
    for (let day = 1; day <= 9; day++) writeArticle(contentDir, `2012/05/bai-${day}.md`, `title: "Bài số ${day} của tháng Năm"\ndate: "2012-05-0${day} 0${day}:15"\ncategory: "Tin tức"\nauthor: "Lê Văn Tám"`, `Đoạn ${day}: họp tổ dân phố.\n\n## Mục ${day}\n\nThêm một đoạn.`);
    const expected = loadContent(contentDir);
    expect(expected.articles.length).toBeGreaterThan(10);
    expect(await inParallel(contentDir)).toEqual(expected);
  });

  it("reports the problems of every file, in the order loadContent reports them", async () => {
    const contentDir = copyFixture("site");
    // Problems among the first articles, the last ones (the worker's), and between them: a clash.
    writeArticle(contentDir, "2011/01/a-sai-ngay.md", 'title: "Ngày viết sai"\ndate: "32/13/2011"\ncategory: "Tin tức"');
    writeArticle(contentDir, "2012/12/z-thieu-tieu-de.md", 'date: "2012-12-30 10:00"\ncategory: "Tin tức"');
    fs.writeFileSync(path.join(contentDir, "2012/12/z-hong.md"), "---\ntitle: [chưa đóng\n---\nThân bài.\n");
    writeArticle(contentDir, "2011/02/trung-1.md", 'title: "Trùng địa chỉ"\ndate: "2011-02-02 08:00"\ncategory: "Tin tức"');
    writeArticle(contentDir, "2012/11/trung-2.md", 'title: "Trùng địa chỉ"\ndate: "2011-02-02 08:00"\ncategory: "Tin tức"');
    const expected = contentProblems(contentDir);
    expect(expected.length).toBeGreaterThanOrEqual(4);
    const error = await inParallel(contentDir).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).problems).toEqual(expected);
  });

  it("reviews for `npm run check` as one thread does: drafts, unplaced bodies, text reviews and problems, in order", async () => {
    const contentDir = copyFixture("site");
    writeArticle(contentDir, "2011/01/a-sai-ngay.md", 'title: "Ngày viết sai"\ndate: "32/13/2011"\ncategory: "Tin tức"', "[Tin](/khong-co/)");
    writeArticle(contentDir, "2012/12/z-nhap.md", 'title: "Nháp"\ndate: "2012-12-30 10:00"\ncategory: "Tin tức"\ndraft: true', "Hoà giải.");
    writeArticle(contentDir, "2012/12/z-phan-ra.md", 'title: "Phân rã"\ndate: "2012-12-31 10:00"\ncategory: "Tin tức"'.normalize("NFD"), "Hòa hợp.");
    const expected = await reviewContentInParallel(contentDir, { parallelFrom: Infinity });
    expect(expected.drafts.articles.map((draft) => draft.file)).toEqual(["2012/01/ban-nhap.md", "2012/12/z-nhap.md"]);
    expect(expected.unplaced.map((body) => body.file)).toEqual(["2011/01/a-sai-ngay.md"]);
    expect(expected.problems.map((problem) => problem.kind ?? "content")).toEqual(["content", "nfc"]);
    expect(await reviewContentInParallel(contentDir, { parallelFrom: 1 })).toEqual(expected);
  });

  it("says what loadContent says of a missing folder", async () => {
    await expect(loadContentInParallel(path.join(copyFixture("site"), "khong-co"))).rejects.toThrow(/không có thư mục/);
  });

  it("has the worker say its problems in the language of the run", async () => {
    const contentDir = copyFixture("site");
    writeArticle(contentDir, "2012/12/z-sai-ngay.md", 'title: "Ngày viết sai"\ndate: "32/12/2012"\ncategory: "Tin tức"');
    setLanguage("en");
    try {
      const error = (await inParallel(contentDir).then(
        () => undefined,
        (thrown: unknown) => thrown,
      )) as ContentError;
      // The last file is the worker's.
      expect(error.problems.map((problem) => problem.message)).toEqual([expect.stringMatching(/^unknown date format: "32\/12\/2012"; expected /)]);
      expect(error.problems).toEqual(contentProblems(contentDir));
    } finally {
      setLanguage("vi");
    }
  });
});
