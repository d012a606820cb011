// Small stand-ins for what Pagefind's browser API returns (src/client/search/pagefind-api.ts), for
// unit tests of the search page's logic in Node.
import type { PagefindSearchFragment, PagefindSearchResult } from "../../src/client/search/pagefind-api.ts";

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
