// Small stand-ins for what Pagefind's browser API returns (src/client/search/pagefind-api.ts), for
// unit tests of the search page's logic in Node.
import type {
  PagefindIndexesSearchResults,
  PagefindIndexOptions,
  PagefindModule,
  PagefindSearchFragment,
  PagefindSearchOptions,
  PagefindSearchResult,
} from "../../src/client/search/pagefind-api.ts";

export interface FakePage {
  id: string;
  score?: number;
  /** Positions of the matched words on the page. */
  words?: number[];
  /** ISO date-time in Vietnam time, as the index's `date` metadata. */
  date?: string;
  excerpt?: string;
}

/** How often each fake result's data() was called, by id. */
export const dataCalls = new Map<string, number>();

export function fakeResult({ id, score = 1, words = [], date, excerpt = "" }: FakePage): PagefindSearchResult {
  const fragment: PagefindSearchFragment = {
    url: `/${id}/`,
    content: "",
    excerpt,
    word_count: 0,
    locations: words,
    filters: {},
    meta: { title: id, ...(date ? { date } : {}) },
  };
  return {
    id,
    score,
    words,
    data: async () => {
      dataCalls.set(id, (dataCalls.get(id) ?? 0) + 1);
      return fragment;
    },
  };
}

/** Ids of a list of results or of their data. */
export const ids = (results: { id: string }[] | { url: string }[]) => results.map((result) => ("id" in result ? result.id : result.url.slice(1, -1)));

export interface FakeIndex {
  /** What a search for a term finds with tone marks folded, Pagefind's default. */
  folded: Record<string, FakePage[]>;
  /** What it finds with exactDiacritics on. */
  exact?: Record<string, FakePage[]>;
  /** The words the index holds, for whole-word (quoted) searches. */
  words?: string[];
}

/** A stand-in for Pagefind's module over a small table, recording every search and option. */
export function fakePagefind({ folded, exact = {}, words = [] }: FakeIndex) {
  const searches: { term: string | null; options: PagefindSearchOptions | undefined; exact: boolean }[] = [];
  const options: PagefindIndexOptions[] = [];
  let exactOn = false;
  const answer = (pages: FakePage[]): PagefindIndexesSearchResults => ({ results: pages.map(fakeResult), unfilteredResultCount: pages.length, filters: {}, totalFilters: {} });
  const pagefind: PagefindModule = {
    options: async (next) => {
      options.push(next);
      if (next.exactDiacritics !== undefined) exactOn = next.exactDiacritics;
    },
    search: async (term, searchOptions) => {
      searches.push({ term, options: searchOptions, exact: exactOn });
      if (term === null) return answer(Object.values(folded).flat());
      const quoted = /^"(.*)"$/.exec(term);
      if (quoted && words.includes(quoted[1]!)) return answer([{ id: quoted[1]! }]);
      const pages = (exactOn ? exact : folded)[term] ?? [];
      return answer(searchOptions?.sort ? [...pages].sort((a, b) => (b.date ?? "").localeCompare(a.date ?? "")) : pages);
    },
    filters: async () => ({}),
  };
  return { pagefind, searches, options };
}
