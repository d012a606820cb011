// One search of the search page: the variants of the query (query.ts) asked of Pagefind, merged
// into one list (ranking.ts, results.ts). No DOM: Pagefind is handed in, so a fake can stand in.
import type { PagefindModule, PagefindSearchOptions, PagefindSearchResult } from "./pagefind-api.ts";
import { boundQuery, expandQuery, hasTypedMarks, parseQuery } from "./query.ts";
import { adjacentPairs, highestCounts, locationsById, mergeByRelevance, type WordLocations } from "./ranking.ts";
import { ResultList } from "./results.ts";

/** Pagefind filters by name: `{ category: "Thông báo", year: "2012" }`. */
export type Filters = Record<string, string>;

/**
 * Runs tasks one at a time, in the order given. Searches change Pagefind's options (the exact
 * pass), so two must never overlap.
 */
export function oneAtATime(): <T>(task: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = queue.then(task);
    queue = run.catch(() => {});
    return run;
  };
}

/** Searches with Pagefind's exact-diacritics option on: only words with the typed marks match. */
async function exactSearch(pagefind: PagefindModule, query: string, options: PagefindSearchOptions): Promise<PagefindSearchResult[]> {
  await pagefind.options({ exactDiacritics: true });
  try {
    return (await pagefind.search(query, options)).results;
  } finally {
    await pagefind.options({ exactDiacritics: false });
  }
}

/*
 * A filter value no page has. Pagefind then returns no result but still counts the pages the term
 * matched (`unfilteredResultCount`), which is all that asking whether the index holds a word needs:
 * a common word matches nearly every page, and returning those results costs far more than finding them.
 */
const NO_PAGE: Filters = { year: "0" };

/** Asks once per word, however often it is asked: the variants of a query share most words. */
function cached<T>(ask: (word: string) => Promise<T>): (word: string) => Promise<T> {
  const answers = new Map<string, Promise<T>>();
  return (word) => {
    let answer = answers.get(word);
    if (!answer) answers.set(word, (answer = ask(word)));
    return answer;
  };
}

/**
 * Runs a cleaned query (see cleanQuery), cut to its first words (boundQuery: the page says so), and
 * merges its variants into one list:
 * - relevance: see mergeByRelevance;
 * - newest: each variant comes back in date order from Pagefind; they are merged by date, reading
 *   each page's date as the list is walked (see ResultList).
 * A query of no words with a filter lists the filter's pages, newest first. A query that had to be
 * cut is searched in Pagefind's order alone, without the passes for typed marks and for words
 * standing together: it is specific enough already, and those passes cost a search per variant
 * and per word, each returning every page that matches.
 */
export async function runSearch(pagefind: PagefindModule, typed: string, filters: Filters, newest: boolean): Promise<ResultList> {
  const { query, shortened } = boundQuery(typed);
  const sort = newest || !query ? ({ date: "desc" } as const) : undefined;
  const options: PagefindSearchOptions = { filters, sort };
  if (!query) return new ResultList([(await pagefind.search(null, options)).results], true);

  // Whether the index holds a word: a quoted search matches whole words only, no prefixes.
  const hasWord = cached(async (word) => (await pagefind.search(`"${word}"`, { filters: NO_PAGE })).unfilteredResultCount > 0);
  const variants = await expandQuery(query, hasWord);
  const folded: PagefindSearchResult[][] = [];
  for (const variant of variants) folded.push((await pagefind.search(variant, options)).results);
  if (newest) return new ResultList(folded, true);

  const exact: PagefindSearchResult[][] = [];
  if (!shortened && hasTypedMarks(query)) for (const variant of variants) exact.push(await exactSearch(pagefind, variant, options));

  const adjacency: Map<string, number>[] = [];
  const parsed = parseQuery(query);
  if (!shortened && !parsed.phrase && parsed.words.length > 1) {
    // Each word alone, with the filters but in Pagefind's order: only its positions matter.
    const locationsOf = cached(async (word): Promise<WordLocations> => locationsById((await pagefind.search(word, { filters })).results));
    for (const [v, variant] of variants.entries()) {
      if (folded[v]!.length > 0) adjacency.push(await adjacentPairs(parseQuery(variant).words, locationsOf));
    }
  }
  return new ResultList([mergeByRelevance({ folded, exact, together: highestCounts(adjacency) })], false);
}
