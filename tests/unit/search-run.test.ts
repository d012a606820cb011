import { describe, expect, it } from "vitest";
import { oneAtATime, runSearch } from "../../src/client/search/run.ts";
import { fakePagefind, ids } from "../helpers/pagefind.ts";

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

  it("asks whether the index holds a word with a filter no page has, counting its pages without listing them", async () => {
    const { pagefind, searches } = fakePagefind({ words: ["đang"], folded: { "đang bo": [{ id: "dang-bo" }] } });
    await runSearch(pagefind, "dang bo", {}, true);
    expect(searches.filter((search) => search.term?.startsWith('"')).map(({ term, options }) => [term, options])).toEqual([
      ['"dang"', { filters: { year: "0" } }],
      ['"đang"', { filters: { year: "0" } }],
    ]);
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
