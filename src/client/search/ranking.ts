// The relevance order of the search page, over what Pagefind returns for each variant of a query
// (see query.ts). Pure code: the searching is done by run.ts.
import type { PagefindSearchResult } from "./pagefind-api.ts";

/** Per result id, the word positions (Pagefind's `words`) of one word searched alone. */
export type WordLocations = Map<string, Set<number>>;

/**
 * How often the words of a query stand next to each other, in order, on each page: Vietnamese
 * writes a word such as "đạo đức" or "Gò Vấp" as separate syllables, which Pagefind indexes and
 * ranks one by one, so "dao duc" would rank "giáo dục – Đào tạo" with "đạo đức". Counts, per
 * result id, the positions where word i is directly followed by word i + 1, from the word
 * locations Pagefind returns for each word searched alone.
 */
export async function adjacentPairs(words: string[], locationsOf: (word: string) => Promise<WordLocations>): Promise<Map<string, number>> {
  const perWord: WordLocations[] = [];
  // One after the other: the searches share Pagefind's options.
  for (const word of words) perWord.push(await locationsOf(word));
  const pairs = new Map<string, number>();
  for (let w = 0; w + 1 < perWord.length; w++) {
    const next = perWord[w + 1]!;
    for (const [id, positions] of perWord[w]!) {
      const following = next.get(id);
      if (!following) continue;
      let count = 0;
      for (const position of positions) if (following.has(position + 1)) count++;
      if (count) pairs.set(id, (pairs.get(id) ?? 0) + count);
    }
  }
  return pairs;
}

/** Word locations by result id, from the results of one word searched alone. */
export function locationsById(results: PagefindSearchResult[]): WordLocations {
  return new Map(results.map((result) => [result.id, new Set(result.words)]));
}

/** Per id, the highest of several counts (each variant of a query has its own adjacency). */
export function highestCounts(counts: Map<string, number>[]): Map<string, number> {
  const highest = new Map<string, number>();
  for (const map of counts) for (const [id, count] of map) highest.set(id, Math.max(highest.get(id) ?? 0, count));
  return highest;
}

export interface RelevanceInput {
  /** Each variant's results, diacritics folded (Pagefind's default). */
  folded: PagefindSearchResult[][];
  /** Each variant's results with exact diacritics; empty when the reader typed no tone mark. */
  exact: PagefindSearchResult[][];
  /** Per id, how often the query's words stand together (adjacentPairs), over the variants. */
  together: Map<string, number>;
}

/**
 * One list in relevance order: pages matching every typed tone mark (the exact pass) first, then
 * pages where the query's words stand together, then the rest; within each, a page's best Pagefind
 * score over the variants, raised by how often its words stand together.
 */
export function mergeByRelevance({ folded, exact, together }: RelevanceInput): PagefindSearchResult[] {
  const best = new Map<string, PagefindSearchResult>();
  for (const results of folded) {
    for (const result of results) {
      const seen = best.get(result.id);
      if (!seen || result.score > seen.score) best.set(result.id, result);
    }
  }
  // An exact result stands in for the folded one, so that its excerpt marks the words as typed,
  // keeping the best score seen for the page.
  const exactIds = new Set<string>();
  for (const results of exact) {
    for (const result of results) {
      exactIds.add(result.id);
      const seen = best.get(result.id);
      best.set(result.id, { ...result, score: Math.max(result.score, seen ? seen.score : 0) });
    }
  }
  const rank = (result: PagefindSearchResult) => result.score * (1 + Math.log(1 + (together.get(result.id) ?? 0)));
  const flag = (set: { has(id: string): boolean }, result: PagefindSearchResult) => (set.has(result.id) ? 1 : 0);
  return [...best.values()].sort((a, b) => flag(exactIds, b) - flag(exactIds, a) || flag(together, b) - flag(together, a) || rank(b) - rank(a));
}
