import { describe, expect, it } from "vitest";
import type { PagefindModule } from "../../src/client/search/pagefind-api.ts";
import type { PagefindIndexesSearchResults, PagefindIndexOptions, PagefindSearchOptions } from "../../src/client/search/pagefind-api.ts";
import { oneAtATime, runSearch } from "../../src/client/search/run.ts";
import { type FakePage, fakeResult, ids } from "../helpers/pagefind.ts";

interface Index {
  /** What a search for a term finds with tone marks folded, Pagefind's default. */
  folded: Record<string, FakePage[]>;
  /** What it finds with exactDiacritics on. */
  exact?: Record<string, FakePage[]>;
  /** The words the index holds, for whole-word (quoted) searches. */
  words?: string[];
}

/** A stand-in for Pagefind's module over a small table, recording every search and option. */
function fakePagefind({ folded, exact = {}, words = [] }: Index) {
  const searches: { term: string | null; options: PagefindSearchOptions | undefined; exact: boolean }[] = [];
  const options: PagefindIndexOptions[] = [];
  let exactOn = false;
  const answer = (pages: FakePage[]): PagefindIndexesSearchResults => ({ results: pages.map(fakeResult), unfilteredResultCount: pages.length, filters: {}, totalFilters: {} });
  const pagefind: PagefindModule = {
    options: async (next) => {
      options.push(next);
      if (next.exactDiacritics !== undefined) exactOn = next.exactDiacritics;
    },
    search: async (term, searchOptions) => {
      searches.push({ term, options: searchOptions, exact: exactOn });
      if (term === null) return answer(Object.values(folded).flat());
      const quoted = /^"(.*)"$/.exec(term);
      if (quoted && words.includes(quoted[1]!)) return answer([{ id: quoted[1]! }]);
      const pages = (exactOn ? exact : folded)[term] ?? [];
      return answer(searchOptions?.sort ? [...pages].sort((a, b) => (b.date ?? "").localeCompare(a.date ?? "")) : pages);
    },
    filters: async () => ({}),
  };
  return { pagefind, searches, options };
}

const day = (date: string) => `${date}T09:00:00+07:00`;

describe("runSearch", () => {
  it("lists the pages of a filter alone, newest first", async () => {
    const { pagefind, searches } = fakePagefind({ folded: { x: [{ id: "old", date: day("2010-01-01") }, { id: "new", date: day("2013-01-01") }] } });
    const list = await runSearch(pagefind, "", { category: "Thông báo" }, false);
    expect(searches).toEqual([{ term: null, options: { filters: { category: "Thông báo" }, sort: { date: "desc" } }, exact: false }]);
    expect(list.total).toBe(2);
  });

  it("searches d as đ, and ranks pages where the words stand together first", async () => {
    const { pagefind, searches } = fakePagefind({
      words: ["đao", "đuc"],
      folded: {
        "đao đuc": [
          { id: "giao-duc-dao-tao", score: 9 },
          { id: "dao-duc", score: 2 },
        ],
        đao: [
          { id: "giao-duc-dao-tao", words: [7] },
          { id: "dao-duc", words: [12] },
        ],
        đuc: [
          { id: "giao-duc-dao-tao", words: [2] },
          { id: "dao-duc", words: [13] },
        ],
      },
    });
    const list = await runSearch(pagefind, "dao duc", {}, false);
    expect(ids(await list.next(10))).toEqual(["dao-duc", "giao-duc-dao-tao"]);
    // Typed without marks: no exact pass.
    expect(searches.some((search) => search.exact)).toBe(false);
    expect(searches.map((search) => search.term)).toEqual(['"dao"', '"đao"', '"duc"', '"đuc"', "đao đuc", "đao", "đuc"]);
  });

  it("puts pages with the tone marks as typed first, searching with exact diacritics and then without again", async () => {
    const { pagefind, options } = fakePagefind({
      folded: { "đăng ký": [{ id: "dang-bo", score: 9 }, { id: "dang-ky", score: 1 }], "đăng": [], "ký": [] },
      exact: { "đăng ký": [{ id: "dang-ky", score: 1 }] },
    });
    const list = await runSearch(pagefind, "đăng ký", {}, false);
    expect(ids(await list.next(10))).toEqual(["dang-ky", "dang-bo"]);
    expect(options).toEqual([{ exactDiacritics: true }, { exactDiacritics: false }]);
  });

  it("merges the readings of d by date when sorting newest first, with no ranking searches", async () => {
    const { pagefind, searches } = fakePagefind({
      words: ["dang", "đang"],
      folded: {
        dang: [{ id: "dang-2011", date: day("2011-05-01") }],
        đang: [
          { id: "dang-2012", date: day("2012-01-01") },
          { id: "dang-2010", date: day("2010-01-01") },
        ],
      },
    });
    const list = await runSearch(pagefind, "dang", {}, true);
    expect(ids(await list.next(10))).toEqual(["dang-2012", "dang-2011", "dang-2010"]);
    expect(searches.filter((search) => !search.term?.startsWith('"')).map((search) => search.options?.sort)).toEqual([{ date: "desc" }, { date: "desc" }]);
  });

  it("does not look for words standing together in a phrase, which Pagefind matches as one", async () => {
    const { pagefind, searches } = fakePagefind({ folded: { '"chi cuc thue"': [{ id: "thue" }] } });
    const list = await runSearch(pagefind, '"chi cuc thue"', {}, false);
    expect(list.total).toBe(1);
    expect(searches.map((search) => search.term)).toEqual(['"chi cuc thue"']);
  });
});

describe("oneAtATime", () => {
  it("runs a task only after the one before has ended, even when that one failed", async () => {
    const exclusive = oneAtATime();
    const events: string[] = [];
    const task = (name: string, fail = false) => async () => {
      events.push(`${name} start`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      events.push(`${name} end`);
      if (fail) throw new Error(name);
      return name;
    };
    const first = exclusive(task("a", true));
    const second = exclusive(task("b"));
    await expect(first).rejects.toThrow("a");
    expect(await second).toBe("b");
    expect(events).toEqual(["a start", "a end", "b start", "b end"]);
  });
});
