// Hostile queries for the search page: what a reader can paste or hold a key down on. Each is cut
// to a bounded query (boundQuery) before Pagefind sees it, so that no query makes more than a few
// small searches, whatever its size. The time they take on a real index is measured by
// tests/bench/search.ts (npm run bench:search), not here. Pure code: no file is read or written.
import { describe, expect, it } from "vitest";
import type { PagefindIndexesSearchResults, PagefindModule, PagefindSearchOptions } from "../../src/client/search/pagefind-api.ts";
import { boundQuery, cleanQuery, MAX_QUERY_CHARACTERS, MAX_QUERY_WORDS } from "../../src/client/search/query.ts";
import { runSearch, searchInStages } from "../../src/client/search/run.ts";
import { fakeResult } from "../helpers/pagefind.ts";

/** An index where every word has both readings (d and đ) and every search finds a page: the most work a query can cause. */
function everythingMatches() {
  const asked: string[] = [];
  const count = (word: string) => {
    asked.push(word);
    return 1;
  };
  const terms: string[] = [];
  const searches: { term: string | null; options: PagefindSearchOptions | undefined }[] = [];
  const pagefind: PagefindModule = {
    options: async () => {},
    search: async (term, options): Promise<PagefindIndexesSearchResults> => {
      terms.push(term ?? "<all>");
      searches.push({ term, options });
      // A page holding the searched words themselves, so that every one is a real match (matches.ts).
      const found = (term ?? "").replace(/"/g, "").split(/\s+/).filter(Boolean);
      return { results: [fakeResult({ id: "trang", words: found.map((_, position) => position), content: found.join(" ") })], unfilteredResultCount: 1, filters: {}, totalFilters: {} };
    },
    filters: async () => ({}),
  };
  return { pagefind, count, asked, terms, searches };
}

const words = (term: string) => term.replace(/^"|"$/g, "").split(" ").filter(Boolean).length;
const repeat = (word: string, times: number, separator = " ") => Array.from({ length: times }, () => word).join(separator);
const syllables = "ba bo ca co chi cu da de di do du ga go ha ho khi la le li lo lu ma me mi mo mu na ne ni no nu pha pho qua ra ro sa se so su ta te ti to tu va ve vi vo vu xa xe xo xu".split(" ");

// [input, typed text, the query searched, whether it was shortened, how many words it keeps]
const cases: [string, string, string, boolean, number][] = [
  ['1,000 × "d"', repeat("d", 1000), repeat("d", 12), true, 12],
  ['1,000 × "d" as a phrase in quotation marks', `"${repeat("d", 1000)}"`, `"${repeat("d", 12)}"`, true, 12],
  ['1,000 × "d" after an unclosed quotation mark', `"${repeat("d", 1000)}`, `"${repeat("d", 12)}`, true, 12],
  ["a 5,000-character word", "a".repeat(5000), "a".repeat(MAX_QUERY_CHARACTERS), true, 1],
  ["5,000 characters of words (“gò vấp ” repeated)", repeat("gò vấp", 715), repeat("gò vấp", 6), true, 12],
  ["50 distinct words", syllables.slice(0, 50).join(" "), syllables.slice(0, 12).join(" "), true, 12],
  ["200 words each starting with d", repeat("da de di do du", 40), repeat("da de di do du", 3).split(" ").slice(0, 12).join(" "), true, 12],
  ["six words of 30 letters (more characters than allowed in fewer words than allowed)", repeat("x".repeat(30), 6), repeat("x".repeat(30), 3), true, 3],
  ["200 emoji in one word (characters of two UTF-16 units)", "😀".repeat(200), "😀".repeat(MAX_QUERY_CHARACTERS / 2), true, 1],
  ["1,000 × “d” joined by zero-width spaces (one word)", repeat("d", 1000, "\u200B"), "d\u200B".repeat(MAX_QUERY_CHARACTERS / 2), true, 1],
  ["10,000 tabs and newlines around three words", `\t\n${"\t\n".repeat(5000)}gò\n\n\nvấp\t\t\tphường`, "gò vấp phường", false, 3],
  ["10,000 spaces", " ".repeat(10000), "", false, 0],
  ["1,000 × “dạ” typed in NFD", repeat("dạ".normalize("NFD"), 1000), repeat("dạ", 12), true, 12],
  [`exactly ${MAX_QUERY_WORDS} words`, syllables.slice(0, MAX_QUERY_WORDS).join(" "), syllables.slice(0, MAX_QUERY_WORDS).join(" "), false, MAX_QUERY_WORDS],
  [`${MAX_QUERY_WORDS + 1} words`, syllables.slice(0, MAX_QUERY_WORDS + 1).join(" "), syllables.slice(0, MAX_QUERY_WORDS).join(" "), true, MAX_QUERY_WORDS],
  [`a word of exactly ${MAX_QUERY_CHARACTERS} characters`, "b".repeat(MAX_QUERY_CHARACTERS), "b".repeat(MAX_QUERY_CHARACTERS), false, 1],
];

describe("a hostile query is cut to its first words", () => {
  it.each(cases)("%s", (_, typed, expected, shortened, kept) => {
    const bounded = boundQuery(cleanQuery(typed));
    expect(bounded).toEqual({ query: expected.normalize("NFC"), shortened, words: kept });
    expect(bounded.query.length).toBeLessThanOrEqual(MAX_QUERY_CHARACTERS);
    // Never half of a character: no surrogate without its pair.
    expect(bounded.query).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    // Cutting again changes nothing.
    expect(boundQuery(bounded.query)).toEqual({ ...bounded, shortened: false });
  });
});

describe("a hostile query asks Pagefind for little, however long it is", () => {
  it.each(cases)("%s", async (_, typed, _expected, shortened) => {
    const { pagefind, count, terms } = everythingMatches();
    const list = await runSearch(pagefind, cleanQuery(typed), {}, false, count);
    expect(list.total).toBe(1);
    // At most: 2^3 variants; unless the query was cut, those variants again with exact marks (8)
    // and each word alone for the ranking (both readings of each word: 2 × 12).
    expect(terms.length).toBeLessThanOrEqual(8 + (shortened ? 0 : 8 + 2 * MAX_QUERY_WORDS));
    for (const term of terms) {
      expect(words(term), term.slice(0, 40)).toBeLessThanOrEqual(MAX_QUERY_WORDS);
      expect(term.length, term.slice(0, 40)).toBeLessThanOrEqual(MAX_QUERY_CHARACTERS);
    }
  });

  it('1,000 × "d": the counts of "d" and "đ", asked once, then each reading of the twelve words', async () => {
    const { pagefind, count, asked, terms } = everythingMatches();
    await runSearch(pagefind, cleanQuery(repeat("d", 1000)), {}, false, count);
    expect(new Set(asked)).toEqual(new Set(["d", "đ"]));
    expect(terms).toEqual([repeat("d", 12), repeat("đ", 12)]);
  });
});

describe("a hostile query shows its first results after one search", () => {
  it.each(cases)("%s", async (_, typed) => {
    const { pagefind, count, terms } = everythingMatches();
    const stages = searchInStages(pagefind, cleanQuery(typed), {}, false, count);
    const first = await stages.next();
    expect(first.done).toBe(false);
    expect(terms).toHaveLength(1);
    await stages.return();
  });
});
