// The part of Pagefind's browser API that bantin calls: the module `pagefind/pagefind.js` that the
// build writes (Pagefind 1.6), as Pagefind's documentation describes it (pagefind.app, "Using
// Pagefind's JavaScript API", "Search configuration", "Ranking"). Pagefind publishes no npm types for
// this API (the `pagefind` package types its Node indexing API only), so bantin declares what it uses
// here, once, for the client and its tests; the build and browser tests run it on the real module.

/** Options of `pagefind.options()`. */
export interface PagefindIndexOptions {
  /** Prefix of result URLs; "/" keeps them site-relative. */
  baseUrl?: string;
  /** Words in an excerpt. */
  excerptLength?: number;
  /** What an excerpt shows where it cuts the text. */
  excerptEllipsis?: string;
  /** Only words with exactly the typed tone marks match; off by default. */
  exactDiacritics?: boolean;
  /** Run search in the page instead of a web worker (workers cannot start from file://). */
  noWorker?: boolean;
  ranking?: {
    /** How much a word that keeps the typed marks outranks one that matched only folded (default 0.8). */
    diacriticSimilarity?: number;
    termFrequency?: number;
    termSimilarity?: number;
    termSaturation?: number;
    pageLength?: number;
  };
}

/** Options of one search. */
export interface PagefindSearchOptions {
  /** Filter name → the value(s) a page must have, e.g. { year: "2011" }. */
  filters?: Record<string, string | string[]>;
  /** Sort key → order, e.g. { date: "desc" }; without it, by relevance. */
  sort?: Record<string, "asc" | "desc">;
}

/** What `search()` resolves to. */
export interface PagefindIndexesSearchResults {
  results: PagefindSearchResult[];
  /** Pages matching the term before filters. */
  unfilteredResultCount: number;
  /** Counts per filter value among the results, and among every page. */
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}

/** One matching page, before its data is loaded. */
export interface PagefindSearchResult {
  id: string;
  /** Relevance; higher is better. */
  score: number;
  /** Positions, in the page's words, of the words that matched. */
  words: number[];
  /**
   * Metadata fields (`title`, `category`, `date`…) in which words matched: Pagefind also searches
   * metadata, so that a page can match through its category alone, with no `words`.
   */
  matchedMetaFields?: string[];
  /** Loads the page's URL, excerpt and metadata (one more request). */
  data(): Promise<PagefindSearchFragment>;
}

/** A result's data. */
export interface PagefindSearchFragment {
  /** The page's URL, after `baseUrl`. */
  url: string;
  /** Text around the matches, HTML-escaped, with the matches in <mark>. */
  excerpt: string;
  /** Metadata: `title` always; bantin adds `date` and `category`. */
  meta: Record<string, string>;
  /** The page's indexed text. */
  content: string;
  word_count: number;
  /** Positions of every match. */
  locations: number[];
  filters: Record<string, string[]>;
}

/**
 * Pagefind's module. `search(null, options)` lists every page the filters let through, ordered by
 * `sort` when given.
 */
export interface PagefindModule {
  options(options: PagefindIndexOptions): Promise<void>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindIndexesSearchResults>;
  /** Every filter's values with their page counts. */
  filters(): Promise<Record<string, Record<string, number>>>;
}
