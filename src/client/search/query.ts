// What the search page asks Pagefind for a typed query. Pagefind folds tone marks (go vap → Gò Vấp)
// but keeps đ and d apart; in Vietnamese đ only starts a syllable, so a word that starts with d is
// also tried with đ. Pure code: the page hands in how to ask the index whether it holds a word.
import { stripMarks } from "../../core/text.ts";

/**
 * At most this many d-words with both readings (d and đ in the index) are tried both ways:
 * 2^3 = 8 searches. Further ambiguous d-words are searched as typed.
 */
export const MAX_AMBIGUOUS_D_WORDS = 3;

/*
 * The longest query searched, in words and in characters. Every word costs Pagefind a lookup in
 * each variant, and the ranking one search more: a pasted paragraph, or a key held down (1,000 ×
 * "d" took 35 s on 2,000 articles), would freeze the page. Twelve syllables hold a name, a place
 * or the start of a headline, which is what readers search for; 120 characters hold them with
 * their marks and leave room for longer words of other languages.
 */
export const MAX_QUERY_WORDS = 12;
export const MAX_QUERY_CHARACTERS = 120;

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

export interface BoundedQuery {
  /** The query to search: the cleaned query, or its first words. */
  query: string;
  /** Whether words (or the end of a single long word) were left out. */
  shortened: boolean;
  /** How many words `query` has. */
  words: number;
}

/**
 * A cleaned query (see cleanQuery) cut to its first MAX_QUERY_WORDS words and at most
 * MAX_QUERY_CHARACTERS characters, a phrase keeping its quotation marks. A first word longer than
 * that is cut too, never inside a character outside the Basic Multilingual Plane.
 */
export function boundQuery(query: string): BoundedQuery {
  const parsed = parseQuery(query);
  const kept: string[] = [];
  let length = parsed.phrase ? 2 : 0;
  for (const word of parsed.words) {
    const added = (kept.length > 0 ? 1 : 0) + word.length;
    if (kept.length === MAX_QUERY_WORDS) break;
    if (length + added > MAX_QUERY_CHARACTERS) {
      if (kept.length === 0) kept.push(cutTo(word, MAX_QUERY_CHARACTERS - length));
      break;
    }
    kept.push(word);
    length += added;
  }
  const shortened = kept.length < parsed.words.length || kept[kept.length - 1] !== parsed.words[parsed.words.length - 1];
  return { query: shortened ? joinQuery(kept, parsed.phrase) : query, shortened, words: kept.length };
}

/** The start of `text`, at most `length` UTF-16 units, whole code points only. */
function cutTo(text: string, length: number): string {
  let cut = "";
  for (const character of text) {
    if (cut.length + character.length > length) break;
    cut += character;
  }
  return cut;
}

function joinQuery(words: string[], phrase: boolean): string {
  const text = words.join(" ");
  return phrase ? `"${text}"` : text;
}

/** Whether the reader typed tone marks; without them an exact-diacritics search could only repeat the folded one. */
export function hasTypedMarks(query: string): boolean {
  return stripMarks(query) !== query;
}

/**
 * How many articles hold a word, given as Pagefind folds it (tone marks removed, đ kept), 0 when
 * none: for words that start with d or đ, from the list the build writes beside the index (d-words.ts).
 */
export type WordCount = (foldedWord: string) => number;

/**
 * The queries to run for one typed query: the query itself, and for each word that starts with d,
 * the same word with đ, when the index has it. A word whose two readings are both missing (the
 * reader is still typing it) keeps both, so that Pagefind's prefix matching can find either.
 * Every combination is returned, the typed reading first. A word typed twice takes one reading
 * in both places: "d d d …" is two queries, not one for each mix of d and đ.
 */
export function expandQuery(query: string, count: WordCount): string[] {
  const parsed = parseQuery(query);
  const readings = new Map<string, string[]>();
  let ambiguous = 0;
  for (const word of parsed.words) {
    if (readings.has(word)) continue;
    const match = D_WORD.exec(word);
    if (!match) {
      readings.set(word, [word]);
      continue;
    }
    const withD = word;
    const withDd = `${match[1]}đ${match[2]}`;
    let forms = [withD, withDd].filter((form) => count(foldedWord(form)) > 0);
    if (forms.length === 0) forms = [withD, withDd];
    if (forms.length > 1 && ++ambiguous > MAX_AMBIGUOUS_D_WORDS) forms = [withD];
    readings.set(word, forms);
  }
  let choices: Map<string, string>[] = [new Map()];
  for (const [word, forms] of readings) choices = choices.flatMap((chosen) => forms.map((form) => new Map(chosen).set(word, form)));
  return choices.map((chosen) => joinQuery(parsed.words.map((word) => chosen.get(word)!), parsed.phrase));
}

/** A word as the index holds it: tone marks folded, punctuation Pagefind drops left out ("“đảng," → "đang"). */
function foldedWord(word: string): string {
  return stripMarks(word).replace(/[^\p{L}\p{N}]/gu, "");
}

/**
 * The variant whose d-words the archive holds most often: the reading a reader most likely meant,
 * searched first so that its results can be shown while the others are searched. The first of
 * equals, so the typed reading when nothing tells them apart.
 */
export function likeliestVariant(variants: string[], count: WordCount): number {
  let best = 0;
  let bestScore = -1;
  for (const [index, variant] of variants.entries()) {
    const score = parseQuery(variant).words.reduce((total, word) => total + (/^[^\p{L}\p{N}]*[dđ]/u.test(word) ? count(foldedWord(word)) : 0), 0);
    if (score > bestScore) [best, bestScore] = [index, score];
  }
  return best;
}
