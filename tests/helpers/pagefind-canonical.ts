// A Pagefind 1.6 bundle's index as plain data that does not depend on how the bundle was written:
// pages by URL instead of by number, words and filters as maps, no file names or chunk bounds. Two
// bundles of the same pages have equal canonical forms whether Pagefind indexed them at once or
// merge.ts joined them, and a merge that loses, moves or duplicates anything makes them differ.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { type FilterChunk, metaFile, type PagefindMeta, type Posting, readEntry, readMeta, readPagefindFile, type WordChunk } from "../../src/search/pagefind-files.ts";

const FRAGMENT_SIGNATURE = "pagefind_dcd";

/** A word's pages by URL: its positions in the text, and in metadata fields. */
type CanonicalPostings = Record<string, [locations: number[], fieldLocations: number[]]>;

export interface CanonicalIndex {
  version: string;
  language: string;
  pageCount: number;
  /** Each page's word count, by URL. */
  wordCounts: Record<string, number>;
  fields: string[];
  words: Record<string, { postings: CanonicalPostings; variants: Record<string, CanonicalPostings> }>;
  /** Filter → value → URLs, sorted. */
  filters: Record<string, Record<string, string[]>>;
  /** Sort key → URLs in its order. */
  sorts: Record<string, string[]>;
}

/** The one language of a bundle, with its metadata. */
export function bundleMeta(bundle: string): { language: string; meta: PagefindMeta; pageCount: number } {
  const entry = readEntry(bundle);
  const languages = Object.keys(entry.languages);
  if (languages.length !== 1) throw new Error(`${bundle} holds ${languages.length} languages`);
  const language = languages[0]!;
  return { language, meta: readMeta(metaFile(bundle, entry.languages[language]!.hash)), pageCount: entry.languages[language]!.page_count };
}

/** The JSON of a page's fragment file: its URL, metadata, filters and text. */
export function readFragment(bundle: string, name: string): { url: string; meta: Record<string, string> } {
  const raw = zlib.gunzipSync(fs.readFileSync(path.join(bundle, "fragment", `${name}.pf_fragment`)));
  if (raw.subarray(0, FRAGMENT_SIGNATURE.length).toString() !== FRAGMENT_SIGNATURE) throw new Error(`${name}: not a Pagefind fragment`);
  return JSON.parse(raw.subarray(FRAGMENT_SIGNATURE.length).toString("utf8")) as { url: string; meta: Record<string, string> };
}

/** Every word of a bundle, chunk after chunk, as stored. */
export function bundleWords(bundle: string, meta: PagefindMeta): WordChunk[0] {
  return meta.chunks.flatMap(([, , file]) => (readPagefindFile(path.join(bundle, "index", `${file}.pf_index`)) as WordChunk)[0]);
}

/**
 * The canonical form of `bundle` (a folder as Pagefind's writeFiles writes it). Throws where the
 * index is not well-formed in a way the maps would hide: a page listed twice or out of order in a
 * word's postings, a page number past the last page, two pages with one URL, words out of order.
 */
export function canonicalIndex(bundle: string): CanonicalIndex {
  const { language, meta, pageCount } = bundleMeta(bundle);
  const urls = meta.pages.map(([fragment]) => readFragment(bundle, fragment).url);
  if (new Set(urls).size !== urls.length) throw new Error(`${bundle}: two pages have one URL; the canonical form keys pages by URL`);
  const urlOf = (page: number, context: string) => {
    const url = urls[page];
    if (url === undefined) throw new Error(`${context}: page ${page} of ${urls.length}`);
    return url;
  };
  const postingsOf = (postings: Posting[], context: string): CanonicalPostings => {
    const result: CanonicalPostings = {};
    let page = 0;
    postings.forEach(([gap, locations, fieldLocations], i) => {
      if (gap < 0 || (i > 0 && gap === 0)) throw new Error(`${context}: page gap ${gap} at posting ${i}`);
      page += gap;
      result[urlOf(page, context)] = [locations, fieldLocations];
    });
    return result;
  };

  const words: CanonicalIndex["words"] = {};
  let previous: string | undefined;
  for (const [word, postings, variants] of bundleWords(bundle, meta)) {
    if (previous !== undefined && !(Buffer.compare(Buffer.from(previous), Buffer.from(word)) < 0)) throw new Error(`${bundle}: word ${word} after ${previous}`);
    previous = word;
    words[word] = {
      postings: postingsOf(postings, word),
      variants: Object.fromEntries(variants.map(([spelling, list]) => [spelling, postingsOf(list, `${word}/${spelling}`)])),
    };
  }

  const filters: CanonicalIndex["filters"] = {};
  for (const [name, file] of meta.filters) {
    const [filter, values] = readPagefindFile(path.join(bundle, "filter", `${file}.pf_filter`)) as FilterChunk;
    if (filter !== name) throw new Error(`${bundle}: filter file ${file} holds ${filter}, not ${name}`);
    filters[filter] = Object.fromEntries(values.map(([value, pages]) => [value, pages.map((page) => urlOf(page, `${filter}:${value}`)).sort()]));
  }

  return {
    version: meta.version,
    language,
    pageCount,
    wordCounts: Object.fromEntries(meta.pages.map(([, count], page) => [urls[page]!, count])),
    fields: meta.fields,
    words,
    filters,
    sorts: Object.fromEntries(meta.sorts.map(([key, pages]) => [key, pages.map((page) => urlOf(page, `sort ${key}`))])),
  };
}
