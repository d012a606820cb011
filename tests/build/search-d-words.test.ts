// The list of d- and đ-words the build writes beside the search index (src/search/d-words.ts) must
// agree with the index: the search page reads from it which readings of a d-word the archive holds,
// and how often, instead of asking Pagefind. Checked against Pagefind's own bundle run in Node, on
// the fixture site, on the sample archive, and on a few invented pages with punctuation inside words.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import type { PagefindModule } from "../../src/client/search/pagefind-api.ts";
import { indexSite } from "../../src/search/indexer.ts";
import { loadBundle } from "../helpers/pagefind-bundle.ts";
import { buildFixture, type BuiltSite, FIXTURES, PROJECT, tempDir } from "../helpers/site.ts";

/** d-words no text of either site holds (invented). */
const ABSENT = ["đoongx", "dzuyt", "đươngkhoa", "dặcmi", "đrơ"];

/** The list as the browser gets it: the script run with a `self` of its own. */
function dWordsOf(outDir: string): Record<string, number> {
  const self: { BantinDWords?: Record<string, number> } = {};
  vm.runInNewContext(fs.readFileSync(path.join(outDir, "pagefind", "bantin-d-words.js"), "utf8"), { self });
  return self.BantinDWords!;
}

/** How many pages a whole-word (quoted) search finds. */
async function pagesWith(pagefind: PagefindModule, word: string): Promise<number> {
  return (await pagefind.search(`"${word}"`)).unfilteredResultCount;
}

/** The words of the list whose count is not the number of pages Pagefind finds for them. */
async function disagreements(outDir: string, list: Record<string, number>): Promise<string[]> {
  const pagefind = await loadBundle(outDir);
  const found: string[] = [];
  for (const [word, count] of Object.entries(list)) {
    const pages = await pagesWith(pagefind, word);
    if (pages !== count) found.push(`${word}: list ${count}, Pagefind ${pages}`);
  }
  return found;
}

const sites: [string, string][] = [
  ["the fixture site", path.join(FIXTURES, "site")],
  ["the sample archive", path.join(PROJECT, "content")],
];

describe.each(sites)("the list of d-words of %s", (_, contentDir) => {
  let site: BuiltSite;
  let list: Record<string, number>;

  beforeAll(async () => {
    site = await buildFixture(contentDir);
    list = dWordsOf(site.outDir);
  });

  it("is written beside the index, its words in order, each held by at least one page", () => {
    const words = Object.keys(list);
    expect(words.length).toBeGreaterThan(5);
    expect(words).toEqual([...words].sort());
    for (const [word, count] of Object.entries(list)) {
      expect(word, word).toMatch(/^[dđ][\p{L}\p{N}]*$/u);
      expect(word, word).toBe(word.normalize("NFC"));
      expect(count, word).toBeGreaterThan(0);
    }
    // Both readings of the same word are apart: "đ" is a letter of its own.
    expect(words.some((word) => word.startsWith("d"))).toBe(true);
    expect(words.some((word) => word.startsWith("đ"))).toBe(true);
  });

  it("counts, for every word, the pages Pagefind finds for that word alone", async () => {
    expect(await disagreements(site.outDir, list)).toEqual([]);
  });

  it("has no entry for a d-word the text does not hold, which Pagefind finds nowhere either", async () => {
    const pagefind = await loadBundle(site.outDir);
    for (const word of ABSENT) {
      expect(list[word], word).toBeUndefined();
      expect(await pagesWith(pagefind, word), word).toBe(0);
    }
  });
});

/** Invented article text with punctuation inside words, one page each. */
const PUNCTUATED = [
  "Xe khách tuyến Hà Nội–Đà Lạt dừng ở trạm dừng chân.",
  "Khu D-2 và lô D.5 của khu đô thị mới đã được bàn giao.",
  "Vì sao vậy…đâu có ai biết, dù đã hỏi.",
  "Dự án đường vành đai phía đông-nam thành phố.",
];

describe("the list of d-words of pages with punctuation inside words", () => {
  it("counts, for every word, the pages Pagefind finds for that word alone", async () => {
    const outDir = tempDir("d-words");
    for (const [i, text] of PUNCTUATED.entries()) {
      fs.mkdirSync(path.join(outDir, `trang-${i}`));
      const html = `<!doctype html><html lang="vi"><head><title>Trang ${i}</title></head><body><main data-pagefind-body><h1>Trang ${i}</h1><p>${text}</p></main></body></html>`;
      fs.writeFileSync(path.join(outDir, `trang-${i}`, "index.html"), html);
    }
    await indexSite(outDir);
    expect(await disagreements(outDir, dWordsOf(outDir))).toEqual([]);
  });
});
