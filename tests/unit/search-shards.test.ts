import { describe, expect, it } from "vitest";
import { shardNamer, YEAR_SHARD_LIMIT } from "../../src/search/shards.ts";

describe("shardNamer", () => {
  it("shares pages by year, a year of more than the limit by month, and a path without a year apart", () => {
    const large = Array.from({ length: YEAR_SHARD_LIMIT + 1 }, (_, i) => `/2012/${String((i % 12) + 1).padStart(2, "0")}/01/bai-${i}/`);
    const name = shardNamer([...large, "/2011/09/20/buoi-sang/", "/2011/12/31/cuoi-nam/", "/gioi-thieu/"]);
    expect(name("/2011/09/20/buoi-sang/")).toBe("2011");
    expect(name("/2011/12/31/cuoi-nam/")).toBe("2011");
    expect(name("/2012/01/01/bai-0/")).toBe("2012-01");
    expect(name("/2012/12/01/bai-11/")).toBe("2012-12");
    expect(name("/gioi-thieu/")).toBe("_");
    // Names sort as the pages' dates do: the merge joins sorted lists in this order.
    const names = ["2012-12", "2011", "2012-01", "2013", "2012-02"].sort();
    expect(names).toEqual(["2011", "2012-01", "2012-02", "2012-12", "2013"]);
  });

  it("keeps a year of exactly the limit whole", () => {
    const urls = Array.from({ length: YEAR_SHARD_LIMIT }, (_, i) => `/2015/03/02/bai-${i}/`);
    expect(shardNamer(urls)("/2015/03/02/bai-0/")).toBe("2015");
  });
});
