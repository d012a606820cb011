// One search of the search page: the variants of the query (query.ts) asked of Pagefind, merged
// into one list (ranking.ts, results.ts). No DOM: Pagefind is handed in, so a fake can stand in.
import { matchedWords, matchesEveryWord } from "./matches.ts";
import type { PagefindModule, PagefindSearchOptions, PagefindSearchResult } from "./pagefind-api.ts";
import { boundQuery, expandQuery, hasTypedMarks, likeliestVariant, parseQuery, type WordCount } from "./query.ts";
import { adjacentPairs, highestCounts, locationsById, mergeByRelevance, type WordLocations } from "./ranking.ts";
import { dataOf, ResultList } from "./results.ts";

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

/**
 * Stops a search that a newer one replaced. Not AbortSignal's throwIfAborted: it came with Chrome 100,
 * and Kiwix Desktop on Qt WebEngine 5.15 (Debian 12) is Chrome 87.
 */
export function stopIfAborted(signal?: AbortSignal): void {
  // The abort's reason where the browser keeps one (Chrome 98 on).
  if (signal?.aborted) throw signal.reason ?? new DOMException("a newer search replaced this one", "AbortError");
}

/**
 * A search's results, or none when they do not match every word of its query (see matches.ts).
 * Pagefind picks the indexed words a typed word matches once for the whole index (those that start
 * with it or, failing those, the longest one it starts with), so that one page of a search tells for
 * all: its first, whose data the page loads first anyway. A page that names no matched word gives
 * nothing to check, and is kept.
 */
async function withRealMatches(results: PagefindSearchResult[], query: string): Promise<PagefindSearchResult[]> {
  const first = results[0];
  if (!first || (first.words.length === 0 && !first.matchedMetaFields?.length)) return results;
  const matched = matchedWords(first, await dataOf(first));
  return matchesEveryWord(parseQuery(query).words, matched) ? results : [];
}

/** Asks once per word, however often it is asked: the variants of a query share most words. */
function cached<T>(ask: (word: string) => Promise<T>): (word: string) => Promise<T> {
  const answers = new Map<string, Promise<T>>();
  return (word) => {
    let answer = answers.get(word);
    if (!answer) answers.set(word, (answer = ask(word)));
    return answer;
  };
}

/** One list of results of a search, and whether it is the last, settled one. */
export interface Stage {
  results: ResultList;
  final: boolean;
}

/**
 * Runs a cleaned query (see cleanQuery), cut to its first words (boundQuery: the page says so), in
 * stages: first Pagefind's own list for the likeliest reading of the query (likeliestVariant), which
 * the page can show at once; then, when the query needs them, the other readings and the ranking
 * passes, merged into the settled list:
 * - relevance: see mergeByRelevance;
 * - newest: each variant comes back in date order from Pagefind; they are merged by date, reading
 *   each page's date as the list is walked (see ResultList).
 * The next stage is searched only when the caller asks for it, after it has shown the first: the
 * searches share Pagefind's worker with the loading of the results shown. An aborted `signal` stops
 * the work between two searches.
 * A query of no words with a filter lists the filter's pages, newest first. A query that had to be
 * cut is searched in Pagefind's order alone, without the passes for typed marks and for words
 * standing together: it is specific enough already, and those passes cost a search per variant
 * and per word, each returning every page that matches.
 * A search whose pages Pagefind matched only through much shorter words than those typed ("x" for
 * "xyzzyqqw") is left out (withRealMatches), and excerpts highlight only matches of the typed words.
 */
export async function* searchInStages(
  pagefind: PagefindModule,
  typed: string,
  filters: Filters,
  newest: boolean,
  count: WordCount,
  signal?: AbortSignal,
): AsyncGenerator<Stage, void, undefined> {
  const { query, shortened } = boundQuery(typed);
  const sort = newest || !query ? ({ date: "desc" } as const) : undefined;
  const options: PagefindSearchOptions = { filters, sort };
  const search = async (term: string | null, searchOptions = options) => {
    stopIfAborted(signal);
    return (await pagefind.search(term, searchOptions)).results;
  };
  if (!query) {
    yield { results: new ResultList([await search(null)], true), final: true };
    return;
  }

  const variants = expandQuery(query, count);
  const likeliest = likeliestVariant(variants, count);
  const words = [...new Set(variants.flatMap((variant) => parseQuery(variant).words))];
  const searchVariant = async (variant: string) => withRealMatches(await search(variant), variant);
  const folded: PagefindSearchResult[][] = variants.map(() => []);
  folded[likeliest] = await searchVariant(variants[likeliest]!);
  const parsed = parseQuery(query);
  const exactPass = !newest && !shortened && hasTypedMarks(query);
  const togetherPass = !newest && !shortened && !parsed.phrase && parsed.words.length > 1;
  const final = variants.length === 1 && !exactPass && !togetherPass;
  yield { results: new ResultList([folded[likeliest]!], newest, words), final };
  if (final) return;

  for (const [v, variant] of variants.entries()) if (v !== likeliest) folded[v] = await searchVariant(variant);
  if (newest) {
    yield { results: new ResultList(folded, true, words), final: true };
    return;
  }

  const exact: PagefindSearchResult[][] = [];
  if (exactPass) {
    for (const variant of variants) {
      stopIfAborted(signal);
      exact.push(await withRealMatches(await exactSearch(pagefind, variant, options), variant));
    }
  }

  const adjacency: Map<string, number>[] = [];
  if (togetherPass) {
    // Each word alone, with the filters but in Pagefind's order: only its positions matter.
    const locationsOf = cached(async (word): Promise<WordLocations> => locationsById(await search(word, { filters })));
    for (const [v, variant] of variants.entries()) {
      if (folded[v]!.length > 0) adjacency.push(await adjacentPairs(parseQuery(variant).words, locationsOf));
    }
  }
  yield { results: new ResultList([mergeByRelevance({ folded, exact, together: highestCounts(adjacency) })], false, words), final: true };
}

/** The settled list of searchInStages. */
export async function runSearch(pagefind: PagefindModule, typed: string, filters: Filters, newest: boolean, count: WordCount): Promise<ResultList> {
  let settled: ResultList | undefined;
  for await (const stage of searchInStages(pagefind, typed, filters, newest, count)) settled = stage.results;
  return settled!;
}
