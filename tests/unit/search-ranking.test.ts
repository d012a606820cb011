import { describe, expect, it } from "vitest";
import { adjacentPairs, highestCounts, locationsById, mergeByRelevance, type WordLocations } from "../../src/client/search/ranking.ts";
import { fakeResult, ids } from "../helpers/pagefind.ts";

/** Word locations per word, as `{ word: { pageId: [positions] } }`. */
function locations(table: Record<string, Record<string, number[]>>) {
  return async (word: string): Promise<WordLocations> => new Map(Object.entries(table[word] ?? {}).map(([id, positions]) => [id, new Set(positions)]));
}

describe("adjacentPairs", () => {
  it("counts, per page, the positions where each word is directly followed by the next", async () => {
    const pairs = await adjacentPairs(
      ["dao", "duc"],
      locations({
        dao: { together: [3, 10, 40], scattered: [5], twice: [1, 7] },
        duc: { together: [4, 20], scattered: [9], twice: [2, 8] },
      }),
    );
    expect(pairs).toEqual(
      new Map([
        ["together", 1],
        ["twice", 2],
      ]),
    );
  });

  it("needs the words in the order typed", async () => {
    const pairs = await adjacentPairs(["dao", "duc"], locations({ dao: { a: [5] }, duc: { a: [4] } }));
    expect(pairs.size).toBe(0);
  });

  it("adds up the pairs of a longer query", async () => {
    const pairs = await adjacentPairs(["dang", "bo", "quan"], locations({ dang: { a: [1, 30] }, bo: { a: [2, 31], b: [8] }, quan: { a: [3], b: [9] } }));
    // a: dang-bo twice, bo-quan once; b: bo-quan only (no dang).
    expect(pairs).toEqual(
      new Map([
        ["a", 3],
        ["b", 1],
      ]),
    );
  });

  it("has nothing to count for one word", async () => {
    expect((await adjacentPairs(["gò"], locations({ gò: { a: [1, 2] } }))).size).toBe(0);
  });
});

describe("locationsById and highestCounts", () => {
  it("reads word positions from Pagefind's results", () => {
    const byId = locationsById([fakeResult({ id: "a", words: [3, 7] }), fakeResult({ id: "b", words: [] })]);
    expect(byId.get("a")).toEqual(new Set([3, 7]));
    expect(byId.get("b")).toEqual(new Set());
  });

  it("keeps, per id, the highest count over the variants", () => {
    const highest = highestCounts([new Map([["a", 1], ["b", 4]]), new Map([["a", 3]])]);
    expect(highest).toEqual(new Map([["a", 3], ["b", 4]]));
  });
});

describe("mergeByRelevance", () => {
  it("lists each page once, with its best score over the variants", () => {
    const merged = mergeByRelevance({
      folded: [[fakeResult({ id: "a", score: 1 }), fakeResult({ id: "b", score: 2 })], [fakeResult({ id: "a", score: 3 }), fakeResult({ id: "c", score: 0.5 })]],
      exact: [],
      together: new Map(),
    });
    expect(ids(merged)).toEqual(["a", "b", "c"]);
    expect(merged.map((result) => result.score)).toEqual([3, 2, 0.5]);
  });

  it("puts pages with the tone marks as typed first, standing in for the folded result with the best score", async () => {
    const folded = fakeResult({ id: "dang", score: 5, excerpt: "<mark>Đảng</mark>" });
    const exact = fakeResult({ id: "dang-ky", score: 0.2, excerpt: "<mark>đăng</mark> <mark>ký</mark>" });
    const merged = mergeByRelevance({
      folded: [[folded, fakeResult({ id: "dang-ky", score: 4, excerpt: "<mark>đăng</mark> ký" })]],
      exact: [[exact]],
      together: new Map([["dang", 9]]),
    });
    expect(ids(merged)).toEqual(["dang-ky", "dang"]);
    expect(merged[0]!.score).toBe(4);
    // The excerpt is the exact pass's, which marks the words as typed.
    expect((await merged[0]!.data()).excerpt).toBe("<mark>đăng</mark> <mark>ký</mark>");
    expect(exact.score).toBe(0.2);
  });

  it("then pages where the words stand together, then the rest, each by score raised by how often the words stand together", () => {
    const merged = mergeByRelevance({
      folded: [
        [
          fakeResult({ id: "scattered", score: 100 }),
          fakeResult({ id: "once", score: 2 }),
          fakeResult({ id: "often", score: 1.5 }),
          fakeResult({ id: "thrice", score: 1 }),
        ],
      ],
      exact: [],
      together: new Map([
        ["once", 1],
        ["often", 10],
        ["thrice", 3],
      ]),
    });
    // often: 1.5 × (1 + ln 11) ≈ 5.10; once: 2 × (1 + ln 2) ≈ 3.39; thrice: 1 × (1 + ln 4) ≈ 2.39.
    expect(ids(merged)).toEqual(["often", "once", "thrice", "scattered"]);
  });
});
