import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pageWindow, paginate, WINDOW_RADIUS } from "../../src/content/pagination.ts";

describe("pageWindow", () => {
  it("shows every page of a short list", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 2)).toEqual([1, 2]);
    expect(pageWindow(2, 2)).toEqual([1, 2]);
    expect(pageWindow(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("leaves out the far end of a long list on its first pages", () => {
    expect(pageWindow(1, 10)).toEqual([1, 2, 3, "gap", 10]);
    expect(pageWindow(2, 10)).toEqual([1, 2, 3, 4, "gap", 10]);
    expect(pageWindow(3, 10)).toEqual([1, 2, 3, 4, 5, "gap", 10]);
  });

  it("leaves out the near end of a long list on its last pages", () => {
    expect(pageWindow(10, 10)).toEqual([1, "gap", 8, 9, 10]);
    expect(pageWindow(8, 10)).toEqual([1, "gap", 6, 7, 8, 9, 10]);
  });

  it("shows the first, the last and two pages either side in the middle, with a gap on each side", () => {
    expect(WINDOW_RADIUS).toBe(2);
    expect(pageWindow(6, 12)).toEqual([1, "gap", 4, 5, 6, 7, 8, "gap", 12]);
  });

  it("shows a single page left out as its number rather than a gap", () => {
    expect(pageWindow(4, 10)).toEqual([1, 2, 3, 4, 5, 6, "gap", 10]);
    expect(pageWindow(7, 10)).toEqual([1, "gap", 5, 6, 7, 8, 9, 10]);
  });

  it("stays as short on a list of a thousand pages as on a list of twelve", () => {
    expect(pageWindow(500, 1000)).toEqual([1, "gap", 498, 499, 500, 501, 502, "gap", 1000]);
    expect(pageWindow(1000, 1000)).toEqual([1, "gap", 998, 999, 1000]);
    expect(pageWindow(1, 100_000)).toEqual([1, 2, 3, "gap", 100_000]);
  });

  it("takes another radius", () => {
    expect(pageWindow(10, 20, 1)).toEqual([1, "gap", 9, 10, 11, "gap", 20]);
    expect(pageWindow(10, 20, 0)).toEqual([1, "gap", 10, "gap", 20]);
  });

  it("always holds the first, last and current pages, in order, each once, never two gaps in a row, at most 2 × radius + 5 slots", () => {
    const list = fc.integer({ min: 1, max: 5000 }).chain((total) => fc.tuple(fc.integer({ min: 1, max: total }), fc.constant(total)));
    fc.assert(
      fc.property(list, ([current, total]) => {
        const slots = pageWindow(current, total);
        const numbers = slots.filter((slot) => slot !== "gap");
        expect(numbers).toContain(1);
        expect(numbers).toContain(total);
        expect(numbers).toContain(current);
        for (let index = 1; index < numbers.length; index++) expect(numbers[index]!).toBeGreaterThan(numbers[index - 1]!);
        for (let index = 1; index < slots.length; index++) {
          const [before, after] = [slots[index - 1]!, slots[index]!];
          if (before === "gap") expect(after).not.toBe("gap");
          // Numbers side by side are consecutive; a gap stands for two pages or more.
          else if (after !== "gap") expect(after).toBe(before + 1);
          else expect((slots[index + 1] as number) - before).toBeGreaterThan(2);
        }
        expect(slots.length).toBeLessThanOrEqual(2 * WINDOW_RADIUS + 5);
      }),
    );
  });
});

describe("paginate", () => {
  const items = Array.from({ length: 23 }, (_, index) => index);

  it("splits a list into pages at `trang/n/` with every item once, in order", () => {
    const pages = paginate(items, 5, "/2011/");
    expect(pages.map((page) => page.url)).toEqual(["/2011/", "/2011/trang/2/", "/2011/trang/3/", "/2011/trang/4/", "/2011/trang/5/"]);
    expect(pages.flatMap((page) => page.items)).toEqual(items);
    expect(pages.map((page) => page.totalPages)).toEqual([5, 5, 5, 5, 5]);
  });

  it("links the previous and next page, and the window of pages", () => {
    const pages = paginate(items, 2, "/");
    const middle = pages[5]!;
    expect(middle).toMatchObject({ pageNumber: 6, previousUrl: "/trang/5/", nextUrl: "/trang/7/" });
    expect(middle.pageLinks).toEqual([
      { number: 1, url: "/" },
      "gap",
      { number: 4, url: "/trang/4/" },
      { number: 5, url: "/trang/5/" },
      { number: 6, url: "/trang/6/" },
      { number: 7, url: "/trang/7/" },
      { number: 8, url: "/trang/8/" },
      "gap",
      { number: 12, url: "/trang/12/" },
    ]);
    expect(pages[0]!.previousUrl).toBeUndefined();
    expect(pages.at(-1)!.nextUrl).toBeUndefined();
  });

  it("makes one empty page of an empty list", () => {
    expect(paginate([], 10, "/")).toEqual([{ url: "/", pageNumber: 1, totalPages: 1, items: [], previousUrl: undefined, nextUrl: undefined, pageLinks: [{ number: 1, url: "/" }] }]);
  });
});
