import { describe, expect, it } from "vitest";
import { SITEMAP_LIMIT, splitSitemap } from "../../src/content/sitemap.ts";

const entries = (count: number) => Array.from({ length: count }, (_, index) => ({ url: `/${index}/` }));

describe("splitSitemap", () => {
  it("keeps one sitemap up to the limit of 50,000 URLs", () => {
    expect(SITEMAP_LIMIT).toBe(50_000);
    const all = entries(SITEMAP_LIMIT);
    expect(splitSitemap(all)).toEqual({ entries: all, parts: [] });
    expect(splitSitemap(entries(3), 3)).toEqual({ entries: entries(3), parts: [] });
  });

  it("splits past the limit into numbered parts of at most the limit, every URL once, in order", () => {
    const all = entries(SITEMAP_LIMIT + 1);
    const { entries: listed, parts } = splitSitemap(all);
    expect(listed).toEqual([]);
    expect(parts.map((part) => [part.url, part.entries.length])).toEqual([
      ["/sitemap-1.xml", SITEMAP_LIMIT],
      ["/sitemap-2.xml", 1],
    ]);
    expect(parts.flatMap((part) => part.entries)).toEqual(all);
    expect(splitSitemap(entries(7), 3).parts.map((part) => part.entries.map((entry) => entry.url))).toEqual([
      ["/0/", "/1/", "/2/"],
      ["/3/", "/4/", "/5/"],
      ["/6/"],
    ]);
  });

  it("refuses a limit that is not a whole number of one or more", () => {
    for (const limit of [0, -1, 2.5, Number.NaN]) expect(() => splitSitemap(entries(3), limit)).toThrow(/whole number/);
  });
});
