import { describe, expect, it } from "vitest";
import { likeliestVariant } from "../../src/client/search/query.ts";
import type { ResultList } from "../../src/client/search/results.ts";
import { runSearch, searchInStages } from "../../src/client/search/run.ts";
import { DANG_BY_DATE, DANG_KY, DAO_DUC, fakePagefind, ids, wordCounts } from "../helpers/pagefind.ts";

const day = (date: string) => `${date}T09:00:00+07:00`;
const all = async (results: ResultList) => ids(await results.next(100));

describe("searchInStages", () => {
  it("searches only the likeliest reading first, and yields it before any other search", async () => {
    const { count } = wordCounts({ dang: 2, đang: 9 });
    const { pagefind, searches } = fakePagefind({
      folded: { "dang bo": [{ id: "dang-bo-doi" }], "đang bo": [{ id: "dang-bo-quan" }, { id: "dang-bo-phuong" }] },
    });
    const stages = searchInStages(pagefind, "dang bo", {}, false, count);
    const first = await stages.next();
    expect(searches.map((search) => search.term)).toEqual(["đang bo"]);
    expect(first.done).toBe(false);
    expect(first.value!.final).toBe(false);
    expect(await all(first.value!.results)).toEqual(["dang-bo-quan", "dang-bo-phuong"]);

    const settled = await stages.next();
    expect(settled.value!.final).toBe(true);
    expect(searches[1]!.term).toBe("dang bo");
    expect(await all(settled.value!.results)).toContain("dang-bo-doi");
    expect((await stages.next()).done).toBe(true);
  });

  it("passes the filters to the first search, in Pagefind's order", async () => {
    const { count } = wordCounts({ đang: 1 });
    const { pagefind, searches } = fakePagefind({ folded: { đang: [{ id: "dang-bo" }] } });
    await searchInStages(pagefind, "dang", { year: "2011" }, false, count).next();
    expect(searches[0]!.options).toEqual({ filters: { year: "2011" }, sort: undefined });
  });

  it("is final at once, after one search, for one word without marks that has one reading", async () => {
    const { count } = wordCounts({ đang: 3 });
    const { pagefind, searches } = fakePagefind({ folded: { đang: [{ id: "dang-bo" }, { id: "dang-vien" }] } });
    const stages = searchInStages(pagefind, "dang", {}, false, count);
    const first = await stages.next();
    expect(first.value!.final).toBe(true);
    expect(await all(first.value!.results)).toEqual(["dang-bo", "dang-vien"]);
    expect((await stages.next()).done).toBe(true);
    expect(searches).toHaveLength(1);
  });

  /** Stage one is Pagefind's own list (`first`), stage two the order runSearch gives (`settled`). */
  async function expectTwoStages(results: Parameters<typeof fakePagefind>[0], query: string, counts: Parameters<typeof wordCounts>[0], first: string[], settled: string[]) {
    const { count } = wordCounts(counts);
    const { pagefind, searches } = fakePagefind(results);
    const stages = searchInStages(pagefind, query, {}, false, count);
    const shown = await stages.next();
    expect(shown.value!.final).toBe(false);
    expect(searches).toHaveLength(1);
    expect(await all(shown.value!.results)).toEqual(first);

    const last = await stages.next();
    expect(last.value!.final).toBe(true);
    const expected = await all(await runSearch(fakePagefind(results).pagefind, query, {}, false, count));
    expect(expected).toEqual(settled);
    expect(await all(last.value!.results)).toEqual(expected);
  }

  it("shows Pagefind's order first for several words, then settles on the order of runSearch", async () => {
    await expectTwoStages(DAO_DUC, "dao duc", ["đao", "đuc"], ["giao-duc-dao-tao", "dao-duc"], ["dao-duc", "giao-duc-dao-tao"]);
  });

  it("shows Pagefind's order first for typed marks, then settles on the order of runSearch", async () => {
    await expectTwoStages(DANG_KY, "đăng ký", {}, ["dang-bo", "dang-ky"], ["dang-ky", "dang-bo"]);
  });

  it("merges the readings of d by date in the final stage when sorting newest first, with no ranking searches", async () => {
    const { count } = wordCounts({ dang: 1, đang: 2 });
    const { pagefind, searches } = fakePagefind(DANG_BY_DATE);
    const stages = searchInStages(pagefind, "dang", {}, true, count);
    const first = await stages.next();
    expect(first.value!.final).toBe(false);
    expect(await all(first.value!.results)).toEqual(["dang-2012", "dang-2010"]);
    const settled = await stages.next();
    expect(settled.value!.final).toBe(true);
    expect(await all(settled.value!.results)).toEqual(["dang-2012", "dang-2011", "dang-2010"]);
    expect((await stages.next()).done).toBe(true);
    expect(searches.map(({ term, options, exact }) => [term, options?.sort, exact])).toEqual([
      ["đang", { date: "desc" }, false],
      ["dang", { date: "desc" }, false],
    ]);
  });

  it("stops with the abort reason, running no further search, when aborted after the first stage", async () => {
    const { count } = wordCounts(["đao", "đuc"]);
    const { pagefind, searches } = fakePagefind(DAO_DUC);
    const controller = new AbortController();
    const stages = searchInStages(pagefind, "dao duc", {}, false, count, controller.signal);
    await stages.next();
    const reason = new Error("a newer search");
    controller.abort(reason);
    await expect(stages.next()).rejects.toBe(reason);
    expect(searches).toHaveLength(1);
  });

  it("stops before the exact pass when aborted after the first stage of a query with marks", async () => {
    const { pagefind, searches, options } = fakePagefind(DANG_KY);
    const controller = new AbortController();
    const stages = searchInStages(pagefind, "đăng ký", {}, false, wordCounts({}).count, controller.signal);
    await stages.next();
    controller.abort();
    await expect(stages.next()).rejects.toThrow();
    expect(searches).toHaveLength(1);
    expect(options).toEqual([]);
  });

  it("runs no search at all with a signal aborted already", async () => {
    const { pagefind, searches } = fakePagefind(DAO_DUC);
    const stages = searchInStages(pagefind, "dao duc", {}, false, wordCounts(["đao", "đuc"]).count, AbortSignal.abort());
    await expect(stages.next()).rejects.toThrow();
    expect(searches).toEqual([]);
  });
});

describe("likeliestVariant", () => {
  it("picks the reading whose d-words the most articles hold", () => {
    const { count } = wordCounts({ dang: 2, đang: 9 });
    expect(likeliestVariant(["dang bo", "đang bo"], count)).toBe(1);
  });

  it("adds up the counts of every d-word of a reading", () => {
    const { count } = wordCounts({ dao: 5, đao: 1, duc: 1, đuc: 6 });
    // dao duc 6, dao đuc 11, đao duc 2, đao đuc 7
    expect(likeliestVariant(["dao duc", "dao đuc", "đao duc", "đao đuc"], count)).toBe(1);
  });

  it("keeps the typed reading, the first, when the counts are equal", () => {
    expect(likeliestVariant(["dang", "đang"], wordCounts({ dang: 4, đang: 4 }).count)).toBe(0);
    expect(likeliestVariant(["da", "đa"], wordCounts({}).count)).toBe(0);
  });

  it("reads a d-word after punctuation, as Pagefind indexes it without the punctuation", () => {
    const { count, asked } = wordCounts({ dan: 1, đan: 7 });
    expect(likeliestVariant(["“dân vận", "“đân vận"], count)).toBe(1);
    expect(asked).toEqual(["dan", "đan"]);
  });

  it("asks only about words that start with d or đ", () => {
    const { count, asked } = wordCounts({ van: 100, đan: 1 });
    expect(likeliestVariant(["dân vận", "đân vận"], count)).toBe(1);
    expect(asked).not.toContain("van");
  });

  it("is the only variant when there is one", () => {
    expect(likeliestVariant(["go vap"], wordCounts({}).count)).toBe(0);
  });
});
