// The ZIM edition in a Kiwix reader as readers install it: Debian's Kiwix Desktop 2.3, whose pages
// come from zim:// (no http, so no server to fetch from) in Qt WebEngine 5.15, which is Chrome 87:
// browsing, the date picker, and search handed to the reader's own when the page cannot run Pagefind.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { writeSampleZim } from "../helpers/kiwix.ts";
import { type KiwixDesktop, openInKiwixDesktop } from "../helpers/kiwix-desktop.ts";
import { SAMPLE_SEED } from "../helpers/paths.ts";

const SEED = SAMPLE_SEED.title;
/** Its path inside the ZIM. */
const SEED_PATH = `${SAMPLE_SEED.url.slice(1)}index.html`;

let kiwix: KiwixDesktop;

beforeAll(async () => {
  kiwix = await openInKiwixDesktop(await writeSampleZim());
});

afterAll(async () => {
  await kiwix?.close();
});

const heading = () => kiwix.evaluate<string>(`document.querySelector("h1").textContent`);
const where = () => kiwix.evaluate<string>("location.href");

/** The search page's status line once it has answered, and its suggestions' links. */
async function searchAnswer(): Promise<{ status: string; links: { text: string; href: string }[] }> {
  await expect.poll(() => kiwix.evaluate<string>(`document.querySelector("main [role=status]").textContent`), { timeout: 20_000 }).toMatch(/^(Tìm thấy|Không tìm thấy|Không tải được|Trình đọc)/);
  return kiwix.evaluate(`({
    status: document.querySelector("main [role=status]").textContent,
    links: [...document.querySelectorAll("[data-search-suggestions] li:not([hidden]) a")].map((link) => ({ text: link.textContent, href: link.href })),
  })`);
}

/** The results of Kiwix Desktop's own full-text search page, as addresses. */
const readerResults = () => kiwix.evaluate<string[]>(`[...document.querySelectorAll(".results a")].map((link) => link.href)`);

describe("the ZIM edition in Kiwix Desktop", () => {
  beforeEach(() => {
    kiwix.problems.length = 0;
  });

  it("opens at the archive's home page", async () => {
    expect(await where()).toBe(`${kiwix.root}index.html`);
    expect(await heading()).toBe("Tin mới nhất");
    expect(kiwix.problems).toEqual([]);
  });

  it("opens a day from the date picker", async () => {
    await kiwix.open(`${kiwix.root}luu-tru/index.html`);
    await kiwix.follow(`(() => {
      const form = document.querySelector("main form[data-day-url]");
      form.querySelector("input[name=ngay]").value = "20/09/2011";
      form.requestSubmit();
    })()`);
    expect(await where()).toBe(`${kiwix.root}2011/09/20/index.html`);
    expect(await heading()).toBe("Ngày 20/09/2011");
    expect(kiwix.problems).toEqual([]);
  });

  // Pagefind's WebAssembly needs Chrome 96 (two tables); this reader is Chrome 87. The search page
  // says so and hands the query, without marks, to the reader's own full-text search, which finds it.
  it.each(["dang bo go vap", "Đảng bộ Gò Vấp"])("sends “%s” from the header box on to Kiwix's own search, which finds the article", async (query) => {
    await kiwix.follow(`(() => {
      const form = document.querySelector("header form[role=search]");
      form.querySelector("input[name=q]").value = ${JSON.stringify(query)};
      form.requestSubmit();
    })()`);
    expect(await where()).toBe(`${kiwix.root}tim-kiem/index.html?${new URLSearchParams({ q: query })}`);
    const answer = await searchAnswer();
    expect(answer.status).toBe("Trình đọc này không chạy được trang tìm kiếm của kho lưu trữ.");
    const book = /^zim:\/\/([^/]+)\.zim\//.exec(kiwix.root)![1]!;
    expect(answer.links).toEqual([
      { text: "Tìm “dang bo go vap” bằng chức năng tìm kiếm của trình đọc", href: `zim://${book}.search/?content=${book}&pattern=dang+bo+go+vap` },
      { text: "Xem các bản tin theo ngày trong mục Lưu trữ", href: `${kiwix.root}luu-tru/index.html` },
    ]);
    // The reader's page logs why the search page could not run: that is all it may log.
    expect(kiwix.problems.length).toBeGreaterThan(0);
    expect(kiwix.problems.filter((problem) => !/Pagefind WASM/.test(problem))).toEqual([]);
    kiwix.problems.length = 0;
    await kiwix.follow(`document.querySelector("[data-search-reader] a").click()`);
    expect(await readerResults()).toContain(`${kiwix.root}${SEED_PATH}`);
    await kiwix.follow(`[...document.querySelectorAll(".results a")].find((link) => link.href.endsWith(${JSON.stringify(SEED_PATH)})).click()`);
    expect(await where()).toBe(`${kiwix.root}${SEED_PATH}`);
    expect(await heading()).toBe(SEED);
    expect(kiwix.problems).toEqual([]);
  });
});
