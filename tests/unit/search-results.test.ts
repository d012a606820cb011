import { beforeEach, describe, expect, it } from "vitest";
import { ResultList } from "../../src/client/search/results.ts";
import { dataCalls, fakeResult, ids } from "../helpers/pagefind.ts";

const page = (id: string, date?: string) => fakeResult({ id, date });

beforeEach(() => {
  dataCalls.clear();
});

describe("ResultList", () => {
  it("hands out results a page at a time, with their data, until there are no more", async () => {
    const list = new ResultList([Array.from({ length: 25 }, (_, i) => page(`p${i}`))], false);
    expect(list.total).toBe(25);
    const first = await list.next(10);
    expect(ids(first)).toEqual(Array.from({ length: 10 }, (_, i) => `p${i}`));
    expect(first[0]).toMatchObject({ url: "/p0/", meta: { title: "p0" } });
    expect(list.hasMore()).toBe(true);
    expect(await list.next(10)).toHaveLength(10);
    expect(ids(await list.next(10))).toEqual(["p20", "p21", "p22", "p23", "p24"]);
    expect(list.hasMore()).toBe(false);
    expect(await list.next(10)).toEqual([]);
  });

  it("loads the data of the results it shows only", async () => {
    const list = new ResultList([[page("a"), page("b"), page("c")]], false);
    await list.next(2);
    expect(Object.fromEntries(dataCalls)).toEqual({ a: 1, b: 1 });
  });

  it("keeps the order of a relevance list", async () => {
    const list = new ResultList([[page("old", "2010-01-01T00:00:00+07:00"), page("new", "2013-01-01T00:00:00+07:00")]], false);
    expect(ids(await list.next(10))).toEqual(["old", "new"]);
  });

  it("merges lists in date order by date, newest first, showing a page found twice once", async () => {
    const a = page("a", "2013-04-02T08:00:00+07:00");
    const list = new ResultList(
      [
        [a, page("c", "2011-05-22T18:30:00+07:00")],
        [page("b", "2012-06-01T07:00:00+07:00"), a, page("d", "2010-03-01T00:00:00+07:00")],
      ],
      true,
    );
    expect(list.total).toBe(4);
    expect(ids(await list.next(2))).toEqual(["a", "b"]);
    expect(ids(await list.next(2))).toEqual(["c", "d"]);
    expect(list.hasMore()).toBe(false);
  });

  it("reads each result's data once, however often the merge compares its date", async () => {
    const list = new ResultList(
      [
        [page("x", "2013-01-01T00:00:00+07:00"), page("y", "2011-01-01T00:00:00+07:00")],
        [page("z", "2012-01-01T00:00:00+07:00")],
      ],
      true,
    );
    await list.next(3);
    expect(Object.fromEntries(dataCalls)).toEqual({ x: 1, y: 1, z: 1 });
  });

  it("counts the different pages of all its lists", () => {
    const list = new ResultList([[page("a"), page("b")], [page("b"), page("c")], []], true);
    expect(list.total).toBe(3);
    expect(new ResultList([], true).hasMore()).toBe(false);
  });

  it("tells the ids of the results it has handed out, in the order shown", async () => {
    const list = new ResultList([[page("a"), page("b"), page("c")]], false);
    expect(list.shown()).toEqual([]);
    await list.next(2);
    expect(list.shown()).toEqual(["a", "b"]);
  });

  it("leaves out the results another list has shown, counting them as handed out", async () => {
    const early = new ResultList([[page("b"), page("a")]], false);
    await early.next(1);
    const settled = new ResultList([[page("a"), page("b"), page("c")]], false);
    settled.exclude(early.shown());
    expect(settled.total).toBe(3);
    expect(ids(await settled.next(10))).toEqual(["a", "c"]);
    expect(settled.hasMore()).toBe(false);
  });

  it("ignores excluded ids it does not hold, so that it still ends", async () => {
    const list = new ResultList([[page("a"), page("b")]], false);
    list.exclude(["x", "y", "a"]);
    expect(list.total).toBe(2);
    expect(list.hasMore()).toBe(true);
    expect(ids(await list.next(10))).toEqual(["b"]);
    expect(list.hasMore()).toBe(false);
  });

  it("leaves excluded results out of a merge by date too", async () => {
    const list = new ResultList(
      [
        [page("x", "2013-01-01T00:00:00+07:00"), page("y", "2011-01-01T00:00:00+07:00")],
        [page("z", "2012-01-01T00:00:00+07:00")],
      ],
      true,
    );
    list.exclude(["x"]);
    expect(ids(await list.next(10))).toEqual(["z", "y"]);
    expect(list.hasMore()).toBe(false);
  });
});
