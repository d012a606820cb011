// The words of the index that start with d or đ, with how many articles hold each. Pagefind folds tone
// marks but keeps đ apart from d, so a reader who types "dang" may mean "đảng": the search page
// (src/client/search/query.ts) reads this list to know which readings the archive has, and which is
// the likelier, instead of asking Pagefind a search for each reading while the reader waits.
import fs from "node:fs";
import path from "node:path";
import { byCodeUnits } from "../core/text.ts";
import type { PackedWord } from "./pagefind-files.ts";

/** The list's file inside pagefind/, a classic script so that it loads from file:// as well as over http. */
export const D_WORDS_FILE = "bantin-d-words.js";
/** The global the script sets; src/client/search/pagefind.ts reads it. */
export const D_WORDS_GLOBAL = "BantinDWords";

/** A word a reader can search for: letters and digits only (Pagefind also stores parts that keep other punctuation). */
const D_WORD = /^[dđ][\p{L}\p{N}]*$/u;

/**
 * Counts the pages of each d- or đ-word of an index, from the words themselves as the merge passes
 * them (merge.ts): a word as Pagefind stores it (tone marks folded, đ kept, lower case), on a page
 * in any of its spellings. Taken from the index, the list holds exactly the words Pagefind finds.
 */
export class DWordCounter {
  private readonly counts = new Map<string, number>();

  readonly add = ([word, postings, spellings]: PackedWord): void => {
    if (!D_WORD.test(word)) return;
    const pages = new Set<number>();
    for (const list of [postings, ...spellings.map(([, pages]) => pages)]) {
      // A list holds each page's number as the gap from the one before.
      let page = 0;
      for (const [gap] of list) pages.add((page += gap));
    }
    this.counts.set(word, pages.size);
  };

  /** Writes the list into the index's folder, words in order so that a build writes the same bytes. */
  write(pagefindFolder: string): void {
    const sorted = Object.fromEntries([...this.counts].sort(([a], [b]) => byCodeUnits(a, b)));
    fs.writeFileSync(path.join(pagefindFolder, D_WORDS_FILE), `self.${D_WORDS_GLOBAL}=${JSON.stringify(sorted)};\n`);
  }
}
