// The words of the index that start with d or đ, with how many articles hold each. Pagefind folds tone
// marks but keeps đ apart from d, so a reader who types "dang" may mean "đảng": the search page
// (src/client/search/query.ts) reads this list to know which readings the archive has, and which is
// the likelier, instead of asking Pagefind a search for each reading while the reader waits.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { byCodeUnits, stripMarks } from "../core/text.ts";

/** The list's file inside pagefind/, a classic script so that it loads from file:// as well as over http. */
export const D_WORDS_FILE = "bantin-d-words.js";
/** The global the script sets; src/client/search/pagefind.ts reads it. */
export const D_WORDS_GLOBAL = "BantinDWords";

/** How Pagefind 1.6 writes a page's fragment: gzip of this signature and the JSON its search page reads. */
const FRAGMENT_SIGNATURE = "pagefind_dcd";

/** The words Pagefind stores for one whitespace-separated token of a page, by token: pages repeat the same few thousand. */
const wordsOfToken = new Map<string, string[]>();
const utf8 = new TextEncoder();

/**
 * The words Pagefind 1.6 stores for one token (its fossick step): the token's letters and digits,
 * lower case; and when it holds anything else, its parts, split at ASCII punctuation and where case
 * or digits change ("D-2", "ĐảngBộ"), lower case, those of one byte left out.
 */
function indexedWords(token: string): string[] {
  const whole = (token.match(/[\p{L}\p{N}]/gu) ?? []).join("").toLocaleLowerCase("vi");
  const words = whole ? [whole] : [];
  if (/^[\p{L}\p{N}]*$/u.test(token)) return words;
  const parts = token
    .replace(/[!-/:-@[-`{-~]/g, " ")
    .replace(/(\p{Ll})(\p{Lu})|(\p{L})(\p{N})|(\p{N})(\p{L})/gu, (_, ...pairs: (string | undefined)[]) => pairs.slice(0, 6).filter(Boolean).join(" "))
    .toLocaleLowerCase("vi");
  if (/\s/.test(parts) || !whole.startsWith(parts)) words.push(...parts.split(/\s+/).filter((part) => utf8.encode(part).length > 1));
  return words;
}

/**
 * The d- and đ-words Pagefind finds on a page, from the text it indexed and its metadata (which it
 * searches too): tone marks folded, đ kept.
 */
export function dWordsOf(text: string): Set<string> {
  const found = new Set<string>();
  for (const token of text.split(/\s+/)) {
    if (!/[dđ]/i.test(token)) continue;
    let words = wordsOfToken.get(token);
    if (!words) {
      // A part that keeps other punctuation ("đoàn…") is stored, but no search can ask for it.
      words = indexedWords(token)
        .filter((word) => /^[dđ][\p{L}\p{N}]*$/u.test(word))
        .map(stripMarks);
      wordsOfToken.set(token, words);
    }
    for (const word of words) found.add(word);
  }
  return found;
}

/** A page's fragment as Pagefind writes it; an error names the file when it is not one. */
function readFragment(file: string): { content: string; meta?: Record<string, string> } {
  let text: string;
  try {
    text = zlib.gunzipSync(fs.readFileSync(file)).toString("utf8");
  } catch (error) {
    throw new Error(`${file}: not a Pagefind fragment (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  if (!text.startsWith(FRAGMENT_SIGNATURE)) throw new Error(`${file}: not a Pagefind fragment (no "${FRAGMENT_SIGNATURE}" signature)`);
  return JSON.parse(text.slice(FRAGMENT_SIGNATURE.length)) as { content: string; meta?: Record<string, string> };
}

/**
 * Counts, for each d- or đ-word, the pages of a written Pagefind index that hold it, reading the text
 * Pagefind indexed from its fragment files, and writes the list into the index's folder, words in
 * order so that a build writes the same bytes.
 */
export function writeDWords(pagefindFolder: string): void {
  const counts = new Map<string, number>();
  const fragments = path.join(pagefindFolder, "fragment");
  for (const name of fs.readdirSync(fragments)) {
    const { content, meta } = readFragment(path.join(fragments, name));
    for (const word of dWordsOf([content, ...Object.values(meta ?? {})].join(" "))) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const sorted = Object.fromEntries([...counts].sort(([a], [b]) => byCodeUnits(a, b)));
  fs.writeFileSync(path.join(pagefindFolder, D_WORDS_FILE), `self.${D_WORDS_GLOBAL}=${JSON.stringify(sorted)};\n`);
}
