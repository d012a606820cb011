// The search index reads only the part of each page Pagefind indexes (indexedPart), which must give
// the same index as the whole pages: checked byte for byte, Pagefind fed the one and the other.
import fs from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import { describe, expect, it } from "vitest";
import { indexedPart, pageUrl } from "../../src/search/indexer.ts";
import { siteFiles } from "../../src/core/files.ts";
import { buildFixture, FIXTURES, tempDir } from "../helpers/site.ts";

const page = (head: string, body: string) => `<!DOCTYPE html><html lang="vi"><head>${head}</head><body>${body}</body></html>`;
const wrapped = (element: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${element}</body></html>`;

describe("indexedPart", () => {
  it("keeps the element marked data-pagefind-body, nested elements of its name included, and nothing around it", () => {
    const article = '<article class="a" data-pagefind-body><h1>Tiêu đề</h1><article><p>Trích</p></article><p>Thân bài</p></article>';
    expect(indexedPart(page("<title>Bản tin</title>", `<nav>Trang chủ</nav>${article}<aside>Tin khác</aside>`))).toBe(wrapped(article));
  });

  it("looks for the attribute in a start tag, not for the same words in text", () => {
    const article = "<div data-pagefind-body><p>Nội dung</p></div>";
    expect(indexedPart(page("<title>Về data-pagefind-body</title>", `<p>Chữ data-pagefind-body trong bài</p>${article}`))).toBe(wrapped(article));
  });

  it("keeps the rest of the page when the element is never closed", () => {
    expect(indexedPart(page("", "<main data-pagefind-body><p>Nội dung"))).toBe(wrapped("<main data-pagefind-body><p>Nội dung</body></html>"));
  });

  it("leaves out a page without the element", () => {
    expect(indexedPart(page("<title>Trang chủ</title>", "<p>Danh sách</p>"))).toBeUndefined();
    expect(indexedPart(page("", '<p data-pagefind-body-note="x">Không phải</p>'))).toBeUndefined();
  });
});

describe("an index of the indexed parts", () => {
  it("is the index of the whole pages, byte for byte", async () => {
    const site = await buildFixture(path.join(FIXTURES, "site"));
    const pages = siteFiles(site.outDir)
      .filter((name) => name.endsWith(".html") && !name.startsWith("/pagefind/"))
      .map((file) => ({ url: pageUrl(site.outDir, path.join(site.outDir, file)), html: fs.readFileSync(path.join(site.outDir, file), "utf8") }))
      .filter(({ html }) => html.includes("data-pagefind-body"));
    const index = async (content: (html: string) => string) => {
      const out = path.join(tempDir("pagefind"), "pagefind");
      const created = await pagefind.createIndex({ forceLanguage: "vi" });
      try {
        for (const { url, html } of pages) await created.index!.addHTMLFile({ url, content: content(html).normalize("NFC") });
        await created.index!.writeFiles({ outputPath: out });
      } finally {
        await pagefind.close();
      }
      return out;
    };
    const whole = await index((html) => html);
    const parts = await index((html) => indexedPart(html)!);
    expect(pages.length).toBeGreaterThan(3);
    expect(siteFiles(parts)).toEqual(siteFiles(whole));
    for (const file of siteFiles(whole)) expect(fs.readFileSync(path.join(parts, file)).equals(fs.readFileSync(path.join(whole, file))), file).toBe(true);
  });
});
