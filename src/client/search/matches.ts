// Which words Pagefind matched count as matches of the typed words. Pagefind answers a typed word
// with every indexed word that starts with it, and when there is none, with the longest indexed word
// that the typed word starts with, however short (Pagefind issue #599): "xyzzyqqw" found the "X" of
// "lần thứ X". The rule here: an indexed word matches a typed word when it starts with it (the
// reader may still be typing: "phuon" → "phường", "go" → "Gòn"), or when the typed word starts with
// it and it holds at least three quarters of the typed word ("vấpp" → "Vấp"). Pure code.
import { stripMarks } from "../../core/text.ts";
import type { PagefindSearchFragment, PagefindSearchResult } from "./pagefind-api.ts";

/** Pagefind's separators of the words of a page's content (its `locations` count these words). */
const WORD_SEPARATORS = /[^\S\uFEFF]+/g;

/** A word as the index holds it: lower case, tone marks removed (đ kept), letters and digits only. */
export function indexedForm(word: string): string {
  return stripMarks(word.toLocaleLowerCase("vi")).replace(/[^\p{L}\p{N}]/gu, "");
}

/**
 * The forms a written word may be indexed under: the whole, and its parts, which Pagefind indexes
 * too: between punctuation ("22-5-2011." → "2252011", "22", "5", "2011"), digits apart from letters
 * (the "08" of a date's "T08:30"), and words that the page's text runs together ("nămThực", from
 * two table cells).
 */
export function indexedForms(written: string): string[] {
  const parts = written.split(/[^\p{L}\p{M}\p{N}]+|(?<=\p{N})(?=\p{L})|(?<=[\p{L}\p{M}])(?=\p{N})|(?<=\p{Ll}\p{M}*)(?=\p{Lu})/u);
  return [...new Set([written, ...parts].map(indexedForm))].filter(Boolean);
}

/** Whether an indexed word (see indexedForm) counts as a match of a typed word (the same). */
export function isRealMatch(typed: string, indexed: string): boolean {
  if (indexed.startsWith(typed)) return true;
  // Pagefind's fallback to a shorter word: only when that word holds most of the typed one.
  return typed.startsWith(indexed) && [...indexed].length * 4 >= [...typed].length * 3;
}

/** Whether a word as written on a page counts as a match of one of the typed words. */
export function matchesAnyWord(typedWords: string[], written: string): boolean {
  const typed = typedWords.map(indexedForm).filter(Boolean);
  return indexedForms(written).some((form) => typed.some((word) => isRealMatch(word, form)));
}

/**
 * The words, as written, through which Pagefind matched a page: those at the result's word positions
 * in its content, and those of the metadata fields it matched.
 */
export function matchedWords(result: PagefindSearchResult, data: PagefindSearchFragment): string[] {
  const words = data.content.split(WORD_SEPARATORS);
  const inContent = result.words.map((position) => words[position] ?? "");
  const inMeta = (result.matchedMetaFields ?? []).flatMap((field) => (data.meta[field] ?? "").split(WORD_SEPARATORS));
  return [...inContent, ...inMeta];
}

/** Whether some of the matched words (as written) match each typed word. Typed words with no letter or digit ("–") are not searched, so need none. */
export function matchesEveryWord(typedWords: string[], matched: string[]): boolean {
  const forms = matched.flatMap(indexedForms);
  return typedWords
    .map(indexedForm)
    .filter(Boolean)
    .every((typed) => forms.some((form) => isRealMatch(typed, form)));
}

/** An excerpt (Pagefind's HTML, the matches in <mark>) with only the matches of the typed words still marked. */
export function markRealMatches(excerpt: string, typedWords: string[]): string {
  return excerpt.replace(/<mark>([^<]*)<\/mark>/g, (marked, text: string) => (matchesAnyWord(typedWords, unescape(text)) ? marked : text));
}

/** The text of an excerpt's escaped HTML, enough to read its words. */
function unescape(html: string): string {
  return html.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
}
