// Where the tone mark of oa, oe and uy goes (src/content/tone-placement.ts): which words the rule
// is about, and one word written both ways across files.
import { describe, expect, it } from "vitest";
import { placedWord, placedWordUses, placementVariants } from "../../src/content/tone-placement.ts";

describe("placedWord", () => {
  it.each([
    ["hòa", "hoà"],
    ["hóa", "hoá"],
    ["khỏe", "khoẻ"],
    ["thủy", "thuỷ"],
    ["thúy", "thuý"],
    ["ủy", "uỷ"],
    ["tùy", "tuỳ"],
    ["lũy", "luỹ"],
    ["ngụy", "nguỵ"],
    ["đóa", "đoá"],
    ["xõa", "xoã"],
    ["họa", "hoạ"],
  ])("%s (mark on the first vowel) and %s (on the second) are one word", (first, second) => {
    const a = placedWord(first);
    const b = placedWord(second);
    expect(a).toEqual({ key: b!.key, placement: "first" });
    expect(b?.placement).toBe("second");
  });

  it("tells words with different tone marks apart: hòa and hóa, thủy and thúy", () => {
    expect(placedWord("hòa")!.key).not.toBe(placedWord("hóa")!.key);
    expect(placedWord("thủy")!.key).not.toBe(placedWord("thúy")!.key);
  });

  it.each([
    ["hoàng", "a final consonant: the mark has one place"],
    ["thuyết", "a final consonant after the pair"],
    ["ngoài", "a vowel after the pair"],
    ["khuya", "a vowel after the pair"],
    ["quý", "qu is a consonant: the mark is on y"],
    ["quỳ", "qu is a consonant"],
    ["hoa", "no tone mark"],
    ["tuy", "no tone mark"],
    ["hoặc", "oă is not oa"],
    ["thuở", "uơ is not uy"],
    ["xhoà", "no Vietnamese initial consonant"],
    ["hòà", "two marks"],
  ])("leaves %s alone (%s)", (word) => {
    expect(placedWord(word)).toBeUndefined();
  });
});

describe("placedWordUses", () => {
  it("counts whole words in lower case, with the line of the first use", () => {
    const text = ["---", 'title: "Ủy ban hòa giải"', "---", "Hòa bình, hòa hợp; Uỷ ban.", "Thủy lợi và HOÀ GIẢI."].join("\n");
    expect(placedWordUses(text)).toEqual([
      { spelling: "ủy", count: 1, line: 2 },
      { spelling: "hòa", count: 3, line: 2 },
      { spelling: "uỷ", count: 1, line: 4 },
      { spelling: "thủy", count: 1, line: 5 },
      { spelling: "hoà", count: 1, line: 5 },
    ]);
  });

  it("takes only whole words: a pair inside a longer word, or next to a digit, is not one", () => {
    expect(placedWordUses("hoàng thuyền ngoài Quý hoà2 2hoà x-hoà _hoà")).toEqual([{ spelling: "hoà", count: 2, line: 1 }]);
  });

  it("does not read decomposed text: words are compared after NFC, which the reader applies first", () => {
    expect(placedWordUses("hoà".normalize("NFD"))).toEqual([]);
    expect(placedWordUses("hoà".normalize("NFD").normalize("NFC"))).toEqual([{ spelling: "hoà", count: 1, line: 1 }]);
  });
});

describe("placementVariants", () => {
  it("pairs the two spellings of one word across files, the rarer first, with counts and files", () => {
    const variants = placementVariants([
      { file: "a.md", words: placedWordUses("Hòa bình. Hòa hợp.") },
      { file: "b.md", words: placedWordUses("Khoẻ.\nHoà giải.") },
      { file: "c.md", words: placedWordUses("Hòa thuận, khỏe mạnh, khỏe.") },
    ]);
    expect(variants).toEqual([
      {
        spellings: [
          { spelling: "khoẻ", count: 1, files: [{ file: "b.md", line: 1 }] },
          { spelling: "khỏe", count: 2, files: [{ file: "c.md", line: 1 }] },
        ],
      },
      {
        spellings: [
          { spelling: "hoà", count: 1, files: [{ file: "b.md", line: 2 }] },
          {
            spelling: "hòa",
            count: 3,
            files: [
              { file: "a.md", line: 1 },
              { file: "c.md", line: 1 },
            ],
          },
        ],
      },
    ]);
  });

  it("finds nothing when every word is written one way, whatever its case, or when the words differ by their tone mark", () => {
    expect(placementVariants([{ file: "a.md", words: placedWordUses("Hòa hòa HÒA, hóa, thủy, thúy") }])).toEqual([]);
    expect(placementVariants([{ file: "a.md", words: placedWordUses("hoà hoá uỷ") }, { file: "b.md", words: placedWordUses("thuý quý") }])).toEqual([]);
  });

  it("on a tie, names the spelling met first as the one to change", () => {
    const [variant] = placementVariants([
      { file: "a.md", words: placedWordUses("uỷ") },
      { file: "b.md", words: placedWordUses("ủy") },
    ]);
    expect(variant!.spellings.map((use) => use.spelling)).toEqual(["uỷ", "ủy"]);
  });
});
