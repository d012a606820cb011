// What the search page asks Pagefind for a typed query. Pagefind folds tone marks (go vap → Gò Vấp)
// but keeps đ and d apart; in Vietnamese đ only starts a syllable, so a word that starts with d is
// also tried with đ. Pure code: the page hands in how to ask the index whether it holds a word.
import { stripMarks } from "../../core/text.ts";

/**
 * At most this many d-words with both readings (d and đ in the index) are tried both ways:
 * 2^3 = 8 searches. Further ambiguous d-words are searched as typed.
 */
export const MAX_AMBIGUOUS_D_WORDS = 3;

/** A word that starts with d, after any punctuation ("“dân" too): group 1 the punctuation, group 2 the rest. */
const D_WORD = /^([^\p{L}\p{N}]*)d(.*)$/u;

export interface ParsedQuery {
  /** `"…"`: Pagefind's exact phrase search. */
  phrase: boolean;
  words: string[];
}

/** The query as Pagefind should see it: NFC (Pagefind does not normalise), lower case, single spaces. */
export function cleanQuery(raw: string | null | undefined): string {
  return String(raw || "")
    .normalize("NFC")
    .toLocaleLowerCase("vi")
    .replace(/\s+/g, " ")
    .trim();
}

/** Splits `"…"` phrase queries (Pagefind's exact search) from plain ones. */
export function parseQuery(query: string): ParsedQuery {
  const phrase = /^".+"$/.test(query);
  const inner = phrase ? query.slice(1, -1).trim() : query;
  return { phrase, words: inner.split(" ").filter(Boolean) };
}

function joinQuery(words: string[], phrase: boolean): string {
  const text = words.join(" ");
  return phrase ? `"${text}"` : text;
}

/** Whether the reader typed tone marks; without them an exact-diacritics search could only repeat the folded one. */
export function hasTypedMarks(query: string): boolean {
  return stripMarks(query) !== query;
}

/** Whether the index holds a word, given as Pagefind folds it (tone marks removed, đ kept). */
export type HasWord = (foldedWord: string) => Promise<boolean> | boolean;

/**
 * The queries to run for one typed query: the query itself, and for each word that starts with d,
 * the same word with đ, when the index has it. A word whose two readings are both missing (the
 * reader is still typing it) keeps both, so that Pagefind's prefix matching can find either.
 * Every combination is returned, the typed reading first.
 */
export async function expandQuery(query: string, hasWord: HasWord): Promise<string[]> {
  const parsed = parseQuery(query);
  const choices: string[][] = [];
  let ambiguous = 0;
  for (const word of parsed.words) {
    const match = D_WORD.exec(word);
    if (!match) {
      choices.push([word]);
      continue;
    }
    const withD = word;
    const withDd = `${match[1]}đ${match[2]}`;
    const [hasD, hasDd] = await Promise.all([hasWord(stripMarks(withD)), hasWord(stripMarks(withDd))]);
    let forms = [...(hasD ? [withD] : []), ...(hasDd ? [withDd] : [])];
    if (forms.length === 0) forms = [withD, withDd];
    if (forms.length > 1 && ++ambiguous > MAX_AMBIGUOUS_D_WORDS) forms = [withD];
    choices.push(forms);
  }
  let variants: string[][] = [[]];
  for (const forms of choices) variants = variants.flatMap((prefix) => forms.map((form) => [...prefix, form]));
  return variants.map((words) => joinQuery(words, parsed.phrase));
}
