import { describe, expect, it } from "vitest";
import { indexedForm, indexedForms, isRealMatch, markRealMatches, matchedWords, matchesEveryWord } from "../../src/client/search/matches.ts";
import type { PagefindModule, PagefindSearchFragment, PagefindSearchResult } from "../../src/client/search/pagefind-api.ts";
import { runSearch } from "../../src/client/search/run.ts";
import { ids } from "../helpers/pagefind.ts";

describe("indexedForm and indexedForms", () => {
  it("fold a written word as the index holds it: lower case, no tone marks, đ kept, no punctuation", () => {
    expect(indexedForm("“Đảng,")).toBe("đang");
    expect(indexedForm("Vấp.")).toBe("vap");
    expect(indexedForm("Gò Vấp".normalize("NFD"))).toBe("govap");
  });

  it("give the parts Pagefind indexes besides the whole word", () => {
    expect(indexedForms("22-5-2011.")).toEqual(["2252011", "22", "5", "2011"]);
    expect(indexedForms("II/2013.")).toEqual(["ii2013", "ii", "2013"]);
    expect(indexedForms("nămThực")).toEqual(["namthuc", "nam", "thuc"]);
    expect(indexedForms("2009-02-03T08:30:00+07:00")).toContain("08");
    expect(indexedForms("–")).toEqual([]);
  });
});

describe("isRealMatch", () => {
  it("accepts the typed word and the longer words it starts", () => {
    expect(isRealMatch("go", "go")).toBe(true);
    expect(isRealMatch("phuon", "phuong")).toBe(true);
    expect(isRealMatch("go", "gon")).toBe(true);
  });

  it("accepts a shorter word only when it holds at least three quarters of the typed word", () => {
    expect(isRealMatch("vapp", "vap")).toBe(true);
    expect(isRealMatch("dangg", "dang")).toBe(true);
    expect(isRealMatch("gox", "go")).toBe(false);
    expect(isRealMatch("xyzzyqqw", "x")).toBe(false);
    expect(isRealMatch("asdfgh", "a")).toBe(false);
  });

  it("rejects a word that neither starts nor ends the typed one", () => {
    expect(isRealMatch("vap", "gap")).toBe(false);
    expect(isRealMatch("dang", "đang")).toBe(false);
  });
});

describe("matchesEveryWord", () => {
  it("needs a match for each typed word", () => {
    expect(matchesEveryWord(["go", "vap"], ["Gò", "Vấp."])).toBe(true);
    expect(matchesEveryWord(["go", "vap"], ["Gò", "Gòn"])).toBe(false);
    expect(matchesEveryWord(["xyzzyqqw"], ["X.", "X,", "X"])).toBe(false);
    expect(matchesEveryWord(["asdfgh"], ["A"])).toBe(false);
    expect(matchesEveryWord(["đang", "bo"], ["Đảng", "bộ"])).toBe(true);
    expect(matchesEveryWord(["2011"], ["22-5-2011."])).toBe(true);
  });

  it("does not ask a match for a typed word of punctuation alone", () => {
    expect(matchesEveryWord(["go", "–"], ["Gò"])).toBe(true);
  });
});

describe("matchedWords", () => {
  const fragment = (content: string, meta: Record<string, string> = {}): PagefindSearchFragment => ({ url: "/a/", content, excerpt: "", word_count: 0, locations: [], filters: {}, meta });
  const result = (words: number[], matchedMetaFields?: string[]): PagefindSearchResult => ({ id: "a", score: 1, words, matchedMetaFields, data: async () => fragment("") });

  it("reads the words at the result's positions, as Pagefind counts them", () => {
    expect(matchedWords(result([0, 3]), fragment("Bế mạc Đại hội Đảng bộ"))).toEqual(["Bế", "hội"]);
  });

  it("reads the metadata fields that matched", () => {
    expect(matchedWords(result([], ["category"]), fragment("Gò Vấp", { category: "Tin tức - Sự kiện", title: "Gò Vấp" }))).toEqual(["Tin", "tức", "-", "Sự", "kiện"]);
  });
});

describe("markRealMatches", () => {
  it("keeps the marks of real matches and unmarks the others", () => {
    expect(markRealMatches("Đại hội lần thứ <mark>X</mark> của <mark>Gò</mark> <mark>Vấp.</mark>", ["go", "xyzzyqqw"])).toBe("Đại hội lần thứ X của <mark>Gò</mark> Vấp.");
    expect(markRealMatches("<mark>“Dân</mark> <mark>vận</mark>", ["dan", "van"])).toBe("<mark>“Dân</mark> <mark>vận</mark>");
    expect(markRealMatches("<mark>&lt;Gò&gt;</mark>", ["go"])).toBe("<mark>&lt;Gò&gt;</mark>");
  });
});

/** A page of a fake index: its text, and the positions of the words each term matched on it. */
interface Page {
  id: string;
  content: string;
  matched: Record<string, number[]>;
}

/** A stand-in for Pagefind that finds a page for a term when the page has positions for it. */
function pagefindOver(pages: Page[]): PagefindModule {
  const result = (page: Page, words: number[]): PagefindSearchResult => ({
    id: page.id,
    score: 1,
    words,
    data: async () => ({ url: `/${page.id}/`, content: page.content, excerpt: words.map((position) => `<mark>${page.content.split(" ")[position]}</mark>`).join(" "), word_count: 0, locations: words, filters: {}, meta: { title: page.id } }),
  });
  return {
    options: async () => {},
    search: async (term) => {
      const results = pages.filter((page) => term !== null && page.matched[term]).map((page) => result(page, page.matched[term!]!));
      return { results, unfilteredResultCount: results.length, filters: {}, totalFilters: {} };
    },
    filters: async () => ({}),
  };
}

const none = () => 0;

describe("runSearch with the rule", () => {
  // As Pagefind answers: "xyzzyqqw" falls back to the "X" of "lần thứ X".
  const pages: Page[] = [
    { id: "dai-hoi", content: "Đại hội lần thứ X quận Gò Vấp", matched: { xyzzyqqw: [4], go: [6], "go vap": [6, 7], vapp: [7] } },
    { id: "phuong", content: "Phường 10 Sài Gòn", matched: { go: [3], phuon: [0] } },
  ];

  it("finds nothing for a word matched only through a much shorter indexed word", async () => {
    const list = await runSearch(pagefindOver(pages), "xyzzyqqw", {}, false, none);
    expect(list.total).toBe(0);
  });

  it("keeps the words typed in full, typed in part, and typed with one letter too many", async () => {
    expect(ids(await (await runSearch(pagefindOver(pages), "go vap", {}, false, none)).next(10))).toEqual(["dai-hoi"]);
    expect(ids(await (await runSearch(pagefindOver(pages), "phuon", {}, false, none)).next(10))).toEqual(["phuong"]);
    expect(ids(await (await runSearch(pagefindOver(pages), "vapp", {}, false, none)).next(10))).toEqual(["dai-hoi"]);
  });

  it("keeps a result that names no matched word, which gives nothing to check", async () => {
    const bare: PagefindModule = { ...pagefindOver([]), search: async () => ({ results: [{ id: "a", score: 1, words: [], data: async () => ({ url: "/a/", content: "x", excerpt: "", word_count: 1, locations: [], filters: {}, meta: {} }) }], unfilteredResultCount: 1, filters: {}, totalFilters: {} }) };
    expect((await runSearch(bare, "xyzzyqqw", {}, false, none)).total).toBe(1);
  });

  it("highlights only matches of the typed words", async () => {
    // Whatever else Pagefind marks in the excerpt.
    const index = pagefindOver([{ id: "a", content: "Đại hội lần thứ X quận Gò Vấp", matched: { go: [4, 6] } }]);
    const [shown] = await (await runSearch(index, "go", {}, false, none)).next(10);
    expect(shown!.excerpt).toBe("X <mark>Gò</mark>");
  });
});
