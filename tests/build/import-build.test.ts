import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { slugify } from "../../src/core/slug.ts";
import { importCaptures } from "../../src/importer/import.ts";
import { FULL_PAGE, FULL_PAGE_FIELDS, FULL_PAGE_FILE, FULL_PAGE_URL } from "../helpers/captures.ts";
import { buildFixture, PROJECT, tempDir, textOf } from "../helpers/site.ts";

/** What the article page shows of the legacy page's fields. */
function fields(document: Document) {
  return {
    title: textOf(document.querySelector("h1")),
    time: document.querySelector("article time")?.getAttribute("datetime"),
    shownTime: textOf(document.querySelector("article time")),
    category: textOf(document.querySelector(".article__category")),
    source: textOf(document.querySelector(".article__source")),
    signature: textOf(document.querySelector(".article__signature")),
    views: textOf(document.querySelector(".article__views")),
    headings: [...document.querySelectorAll(".article__body h2")].map(textOf),
  };
}

describe("an imported legacy page", () => {
  it("builds into the sample archive without any edit, shows every field, and changes no other page but the archives of its day", async () => {
    const sample = await buildFixture(path.join(PROJECT, "content"));
    const contentDir = path.join(tempDir("import-site"), "content");
    fs.cpSync(path.join(PROJECT, "content"), contentDir, { recursive: true });
    expect(importCaptures([FULL_PAGE], { out: contentDir }).summary).toEqual({ imported: 1, unchanged: 0, conflict: 0, failed: 0 });
    expect(fs.existsSync(path.join(contentDir, FULL_PAGE_FILE))).toBe(true);

    const imported = await buildFixture(contentDir);
    const page = imported.page(FULL_PAGE_URL);
    const { title, category, source, author, authorTitle, headings } = FULL_PAGE_FIELDS;
    expect(fields(page)).toEqual({
      title,
      time: "2012-11-14T15:20:45+07:00",
      shownTime: "Thứ Tư, 14/11/2012 15:20",
      category,
      source: `Theo ${source}`,
      signature: `${author}, ${authorTitle}`,
      views: expect.stringContaining("Số lượt người xem: 5.127"),
      headings,
    });

    const body = textOf(page.querySelector(".article__body"));
    expect(body.startsWith("Từ đầu năm 2012, Hợp tác xã rau an toàn Xanh Ven Rạch")).toBe(true);
    expect(body.endsWith("để người mua dễ tra cứu nguồn gốc.")).toBe(true);
    for (const chrome of ["TRUY CẬP", "TIN MỚI HƠN", "TIN ĐÃ ĐƯA", "Xem tiếp", "THƯ VIỆN VIDEO", "Go Search", "Số lượt người xem", "Đoàn Thị Mỹ Linh"]) expect(body).not.toContain(chrome);

    // The rest of the archive is untouched: the same pages (the search index differs with the body), plus the article, its day and month, and its author's page.
    const pages = (files: string[]) => files.filter((file) => !file.startsWith("/pagefind/"));
    const added = pages(imported.files()).filter((file) => !sample.files().includes(file));
    expect(added).toEqual([`${FULL_PAGE_URL}index.html`, "/2012/11/14/index.html", "/2012/11/index.html", `/tac-gia/${slugify(author)}/index.html`].sort());
    expect(pages(sample.files()).filter((file) => !imported.files().includes(file))).toEqual([]);
  });
});
