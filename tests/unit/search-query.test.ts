import { describe, expect, it } from "vitest";
import { cleanQuery, expandQuery, hasTypedMarks, MAX_AMBIGUOUS_D_WORDS, parseQuery } from "../../src/client/search/query.ts";
import { wordCounts } from "../helpers/pagefind.ts";

/** An index that holds these words (as Pagefind folds them: marks removed, đ kept) in one article each, recording what it is asked. */
const indexOf = (...words: string[]) => wordCounts(words);

describe("cleanQuery", () => {
  it("makes the typed query NFC, lower case, with single spaces", () => {
    expect(cleanQuery("  Gò   Vấp\t".normalize("NFD"))).toBe("gò vấp");
    expect(cleanQuery("gò vấp".normalize("NFD"))).toBe("gò vấp".normalize("NFC"));
    expect(cleanQuery("ĐẢNG BỘ")).toBe("đảng bộ");
    expect(cleanQuery(null)).toBe("");
  });
});

describe("parseQuery", () => {
  it("splits a plain query into words", () => {
    expect(parseQuery("dang bo go vap")).toEqual({ phrase: false, words: ["dang", "bo", "go", "vap"] });
  });

  it("recognises a phrase in quotation marks", () => {
    expect(parseQuery('"chi cuc thue"')).toEqual({ phrase: true, words: ["chi", "cuc", "thue"] });
    expect(parseQuery('"chi cuc thue')).toEqual({ phrase: false, words: ['"chi', "cuc", "thue"] });
  });
});

describe("hasTypedMarks", () => {
  it("is true only when the query carries tone or vowel marks", () => {
    expect(hasTypedMarks("đăng ký")).toBe(true);
    expect(hasTypedMarks("dang ky")).toBe(false);
    // đ is a letter of its own, not a mark: Pagefind folds it to nothing else.
    expect(hasTypedMarks("đang")).toBe(false);
  });
});

describe("expandQuery: d typed for đ", () => {
  it("reads a d-word with đ when the index has only that reading", () => {
    const { count } = indexOf("đang", "bo");
    expect(expandQuery("dang bo", count)).toEqual(["đang bo"]);
  });

  it("keeps the word as typed when the index has only that reading", () => {
    const { count } = indexOf("dan", "van");
    expect(expandQuery("dan van", count)).toEqual(["dan van"]);
  });

  it("tries both readings when the index has both, the typed one first", () => {
    const { count } = indexOf("dang", "đang", "ky");
    expect(expandQuery("dang ky", count)).toEqual(["dang ky", "đang ky"]);
  });

  it("keeps the typed reading first however many more articles hold the other", () => {
    const { count } = wordCounts({ dang: 1, đang: 40 });
    expect(expandQuery("dang", count)).toEqual(["dang", "đang"]);
  });

  it("keeps both readings of a word the index has neither of (still being typed, for prefix matching)", () => {
    const { count } = indexOf();
    expect(expandQuery("da", count)).toEqual(["da", "đa"]);
  });

  it("asks the index about each reading with tone marks removed and đ kept, as Pagefind folds", () => {
    const { count, asked } = indexOf();
    expandQuery("dạo gò", count);
    expect(asked.sort()).toEqual(["dao", "đao"]);
  });

  it("leaves words that do not start with d alone, and reads d after punctuation", () => {
    const { count, asked } = indexOf("đan");
    expect(expandQuery("“dân vận", count)).toEqual(["“đân vận"]);
    // Asked without the punctuation, which Pagefind leaves out of the word it indexes.
    expect(asked.sort()).toEqual(["dan", "đan"]);
  });

  it("combines every reading, the typed one first", () => {
    const { count } = indexOf("dao", "đao", "duc", "đuc");
    expect(expandQuery("dao duc", count)).toEqual(["dao duc", "dao đuc", "đao duc", "đao đuc"]);
  });

  it(`tries at most ${MAX_AMBIGUOUS_D_WORDS} ambiguous words both ways (8 searches), further ones as typed`, () => {
    expect(MAX_AMBIGUOUS_D_WORDS).toBe(3);
    const { count } = indexOf("da", "đa", "de", "đe", "di", "đi", "do", "đo");
    const variants = expandQuery("da de di do", count);
    expect(variants).toHaveLength(8);
    expect(new Set(variants).size).toBe(8);
    expect(variants[0]).toBe("da de di do");
    for (const variant of variants) expect(variant.endsWith(" do")).toBe(true);
    expect(variants).toContain("đa đe đi do");
  });

  it("counts only ambiguous words toward the cap", () => {
    const { count } = indexOf("đa", "de", "đe", "di", "đi", "do", "đo");
    const variants = expandQuery("da de di do", count);
    expect(variants).toHaveLength(8);
    for (const variant of variants) expect(variant.startsWith("đa ")).toBe(true);
  });

  it("gives a word typed twice one reading in both places, asking the index about it once", () => {
    const { count, asked } = indexOf("di", "đi", "lai");
    expect(expandQuery("di di lai lai", count)).toEqual(["di di lai lai", "đi đi lai lai"]);
    expect(asked.sort()).toEqual(["di", "đi"]);
  });

  it("keeps the quotation marks of a phrase around every reading", () => {
    const { count } = indexOf("dao", "đao", "đuc");
    expect(expandQuery('"dao duc"', count)).toEqual(['"dao đuc"', '"đao đuc"']);
  });
});
