// How fast the search page answers a reader on a warm page (loaded, Pagefind initialised): from the
// form's submission to the first results on screen, and to the settled list (ranking passes done).
import type { Page } from "playwright-core";

export interface TableQuery {
  /** What kind of query it is, for the report. */
  kind: string;
  q: string;
  category?: string;
  year?: string;
  /** "moi-nhat" for newest first. */
  sort?: string;
}

/**
 * Queries of every kind a reader types, over the generated archive's vocabulary
 * (tests/bench/vocabulary.ts): one word, phrases, tone-less, đ typed as d, names, filters, no result.
 */
export const QUERY_TABLE: TableQuery[] = [
  { kind: "one word", q: "phường" },
  { kind: "one word, tone-less", q: "phuong" },
  { kind: "one word, đ typed as d", q: "dang" },
  { kind: "place", q: "Gò Vấp" },
  { kind: "place, tone-less", q: "go vap" },
  { kind: "tone-less, đ typed as d", q: "dang bo go vap" },
  { kind: "with tone marks", q: "Đảng bộ quận Gò Vấp" },
  { kind: "đ typed as d", q: "dao duc" },
  { kind: "two words", q: "đạo đức" },
  { kind: "phrase", q: '"đạo đức"' },
  { kind: "phrase, tone-less", q: '"hoc tap va lam theo"' },
  { kind: "long, tone-less", q: "hoc tap va lam theo tam guong dao duc ho chi minh" },
  { kind: "three words", q: "phong chay chua chay" },
  { kind: "two words, đ typed as d", q: "giao duc" },
  { kind: "person's name", q: "Nguyễn Văn" },
  { kind: "person's name, tone-less", q: "nguyen thi" },
  { kind: "office", q: "ủy ban nhân dân" },
  { kind: "office and ward, tone-less", q: "uy ban nhan dan phuong 5" },
  { kind: "word and category", q: "phường", category: "Thông báo" },
  { kind: "words and year", q: "dang bo", year: "2015" },
  { kind: "category alone", q: "", category: "Văn hóa - Thể thao" },
  { kind: "newest first", q: "go vap", sort: "moi-nhat" },
  { kind: "half-typed word", q: "thanh ni" },
  { kind: "number", q: "2015" },
  { kind: "no result", q: "xyzzyqqw" },
];

export interface Timing {
  query: TableQuery;
  /** Submission to the first results (or the no-result line) on screen. */
  firstMs: number;
  /** Submission to the list settled (no longer aria-busy). */
  settledMs: number;
  status: string;
  /** The first result's link, to compare runs. */
  first: string | null;
}

/** Runs one query on an opened search page whose Pagefind is loaded, timing it inside the page. */
export async function timeQuery(page: Page, query: TableQuery): Promise<Timing> {
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  const measured = await page.evaluate(async ({ q, category = "", year = "", sort = "" }) => {
    const form = document.querySelector<HTMLFormElement>("form[data-search]")!;
    const status = document.querySelector<HTMLElement>("[data-search-status]")!;
    const list = document.querySelector<HTMLElement>("[data-search-results]")!;
    const values: [string, string][] = [["q", q], ["chuyen-muc", category], ["nam", year], ["sap-xep", sort]];
    for (const [name, value] of values) (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value = value;
    const shown = `“${q || [category, year].filter(Boolean).join(", ")}”`;
    const started = performance.now();
    form.requestSubmit();
    // First results: the list replaced (it keeps the last query's results until then), or the status
    // line answering when there is nothing to list. Settled: the status line answering and the list
    // no longer aria-busy (the ranking passes are done). Each on screen at the next frame.
    const { first, settled } = await new Promise<{ first: number; settled: number }>((resolve) => {
      let first = 0;
      let seen = false;
      const observer = new MutationObserver((records) => {
        const text = status.textContent ?? "";
        // A query cut to its first words is named cut, and says so.
        const answered = /^(Tìm thấy|Không tìm thấy)/.test(text) && (text.includes(shown) || text.includes("Từ khóa quá dài"));
        if (!seen && (answered || records.some((record) => record.target === list && record.type === "childList"))) {
          seen = true;
          requestAnimationFrame(() => (first = performance.now()));
        }
        if (!answered || list.getAttribute("aria-busy") === "true") return;
        observer.disconnect();
        requestAnimationFrame(() => resolve({ first, settled: performance.now() }));
      });
      observer.observe(form.parentElement!, { childList: true, characterData: true, subtree: true, attributes: true, attributeFilter: ["aria-busy"] });
    });
    return { firstMs: first - started, settledMs: settled - started, status: status.textContent ?? "", first: list.querySelector("a")?.getAttribute("href") ?? null };
  }, query);
  return { query, ...measured };
}

/** Median and slowest of some durations. */
export function summary(values: number[]): { median: number; slowest: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, slowest: sorted.at(-1)! };
}
