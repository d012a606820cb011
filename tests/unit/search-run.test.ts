import { describe, expect, it } from "vitest";
import { oneAtATime, runSearch } from "../../src/client/search/run.ts";
import { DANG_BY_DATE, DANG_KY, DAO_DUC, fakePagefind, ids, wordCounts } from "../helpers/pagefind.ts";

/** No d-word in the index. */
const none = wordCounts({}).count;

const day = (date: string) => `${date}T09:00:00+07:00`;

describe("runSearch", () => {
  it("lists the pages of a filter alone, newest first", async () => {
    const { pagefind, searches } = fakePagefind({ folded: { x: [{ id: "old", date: day("2010-01-01") }, { id: "new", date: day("2013-01-01") }] } });
    const list = await runSearch(pagefind, "", { category: "Thông báo" }, false, none);
    expect(searches).toEqual([{ term: null, options: { filters: { category: "Thông báo" }, sort: { date: "desc" } }, exact: false }]);
    expect(list.total).toBe(2);
  });

  it("searches d as đ, and ranks pages where the words stand together first", async () => {
    const { count } = wordCounts(["đao", "đuc"]);
    const { pagefind, searches } = fakePagefind(DAO_DUC);
    const list = await runSearch(pagefind, "dao duc", {}, false, count);
    expect(ids(await list.next(10))).toEqual(["dao-duc", "giao-duc-dao-tao"]);
    // Typed without marks: no exact pass.
    expect(searches.some((search) => search.exact)).toBe(false);
    expect(searches.map((search) => search.term)).toEqual(["đao đuc", "đao", "đuc"]);
  });

  it("learns which readings of d the index holds from the word counts, asking Pagefind no search for it", async () => {
    const { count } = wordCounts({ đang: 3 });
    const { pagefind, searches } = fakePagefind({ folded: { "đang bo": [{ id: "dang-bo" }] } });
    const list = await runSearch(pagefind, "dang bo", {}, true, count);
    expect(list.total).toBe(1);
    expect(searches.map((search) => search.term)).toEqual(["đang bo"]);
  });

  it("puts pages with the tone marks as typed first, searching with exact diacritics and then without again", async () => {
    const { pagefind, options } = fakePagefind(DANG_KY);
    const list = await runSearch(pagefind, "đăng ký", {}, false, none);
    expect(ids(await list.next(10))).toEqual(["dang-ky", "dang-bo"]);
    expect(options).toEqual([{ exactDiacritics: true }, { exactDiacritics: false }]);
  });

  it("merges the readings of d by date when sorting newest first, with no ranking searches", async () => {
    const { count } = wordCounts(["dang", "đang"]);
    const { pagefind, searches } = fakePagefind(DANG_BY_DATE);
    const list = await runSearch(pagefind, "dang", {}, true, count);
    expect(ids(await list.next(10))).toEqual(["dang-2012", "dang-2011", "dang-2010"]);
    expect(searches.map((search) => search.options?.sort)).toEqual([{ date: "desc" }, { date: "desc" }]);
  });

  it("does not look for words standing together in a phrase, which Pagefind matches as one", async () => {
    const { pagefind, searches } = fakePagefind({ folded: { '"chi cuc thue"': [{ id: "thue" }] } });
    const list = await runSearch(pagefind, '"chi cuc thue"', {}, false, none);
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
