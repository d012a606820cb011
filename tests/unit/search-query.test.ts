import { describe, expect, it } from "vitest";
import { cleanQuery, expandQuery, hasTypedMarks, MAX_AMBIGUOUS_D_WORDS, parseQuery } from "../../src/client/search/query.ts";

/** An index that holds these words (as Pagefind folds them: marks removed, đ kept), recording what it is asked. */
function indexOf(...words: string[]) {
  const asked: string[] = [];
  const hasWord = (word: string) => {
    asked.push(word);
    return Promise.resolve(words.includes(word));
  };
  return { hasWord, asked };
}

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
  it("reads a d-word with đ when the index has only that reading", async () => {
    const { hasWord } = indexOf("đang", "bo");
    expect(await expandQuery("dang bo", hasWord)).toEqual(["đang bo"]);
  });

  it("keeps the word as typed when the index has only that reading", async () => {
    const { hasWord } = indexOf("dan", "van");
    expect(await expandQuery("dan van", hasWord)).toEqual(["dan van"]);
  });

  it("tries both readings when the index has both, the typed one first", async () => {
    const { hasWord } = indexOf("dang", "đang", "ky");
    expect(await expandQuery("dang ky", hasWord)).toEqual(["dang ky", "đang ky"]);
  });

  it("keeps both readings of a word the index has neither of (still being typed, for prefix matching)", async () => {
    const { hasWord } = indexOf();
    expect(await expandQuery("da", hasWord)).toEqual(["da", "đa"]);
  });

  it("asks the index about each reading with tone marks removed and đ kept, as Pagefind folds", async () => {
    const { hasWord, asked } = indexOf();
    await expandQuery("dạo gò", hasWord);
    expect(asked.sort()).toEqual(["dao", "đao"]);
  });

  it("leaves words that do not start with d alone, and reads d after punctuation", async () => {
    const { hasWord, asked } = indexOf("“đan");
    expect(await expandQuery("“dân vận", hasWord)).toEqual(["“đân vận"]);
    expect(asked).not.toContain("van");
  });

  it("combines every reading, the typed one first", async () => {
    const { hasWord } = indexOf("dao", "đao", "duc", "đuc");
    expect(await expandQuery("dao duc", hasWord)).toEqual(["dao duc", "dao đuc", "đao duc", "đao đuc"]);
  });

  it(`tries at most ${MAX_AMBIGUOUS_D_WORDS} ambiguous words both ways (8 searches), further ones as typed`, async () => {
    expect(MAX_AMBIGUOUS_D_WORDS).toBe(3);
    const { hasWord } = indexOf("da", "đa", "de", "đe", "di", "đi", "do", "đo");
    const variants = await expandQuery("da de di do", hasWord);
    expect(variants).toHaveLength(8);
    expect(new Set(variants).size).toBe(8);
    expect(variants[0]).toBe("da de di do");
    for (const variant of variants) expect(variant.endsWith(" do")).toBe(true);
    expect(variants).toContain("đa đe đi do");
  });

  it("counts only ambiguous words toward the cap", async () => {
    const { hasWord } = indexOf("đa", "de", "đe", "di", "đi", "do", "đo");
    const variants = await expandQuery("da de di do", hasWord);
    expect(variants).toHaveLength(8);
    for (const variant of variants) expect(variant.startsWith("đa ")).toBe(true);
  });

  it("gives a word typed twice one reading in both places, asking the index about it once", async () => {
    const { hasWord, asked } = indexOf("di", "đi", "lai");
    expect(await expandQuery("di di lai lai", hasWord)).toEqual(["di di lai lai", "đi đi lai lai"]);
    expect(asked.sort()).toEqual(["di", "đi"]);
  });

  it("keeps the quotation marks of a phrase around every reading", async () => {
    const { hasWord } = indexOf("dao", "đao", "đuc");
    expect(await expandQuery('"dao duc"', hasWord)).toEqual(['"dao đuc"', '"đao đuc"']);
  });
});
