// Small stand-ins for what Pagefind's browser API returns (src/client/search/pagefind-api.ts), and
// for the build's list of d-words (src/search/d-words.ts), for unit tests of the search page's
// logic in Node.
import type {
  PagefindIndexesSearchResults,
  PagefindIndexOptions,
  PagefindModule,
  PagefindSearchFragment,
  PagefindSearchOptions,
  PagefindSearchResult,
} from "../../src/client/search/pagefind-api.ts";
import type { WordCount } from "../../src/client/search/query.ts";

export interface FakePage {
  id: string;
  score?: number;
  /** Positions of the matched words on the page. */
  words?: number[];
  /** ISO date-time in Vietnam time, as the index's `date` metadata. */
  date?: string;
  excerpt?: string;
  /** The page's text, whose words `words` points at. */
  content?: string;
}

/** How often each fake result's data() was called, by id. */
export const dataCalls = new Map<string, number>();

export function fakeResult({ id, score = 1, words = [], date, excerpt = "", content = "" }: FakePage): PagefindSearchResult {
  const fragment: PagefindSearchFragment = {
    url: `/${id}/`,
    content,
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

/**
 * A WordCount over a small table of folded words (tone marks removed, đ kept): a record gives each
 * word its count of articles, a list gives each word one article. It records every word asked.
 */
export function wordCounts(table: Record<string, number> | string[]) {
  const counts = new Map(Array.isArray(table) ? table.map((word) => [word, 1]) : Object.entries(table));
  const asked: string[] = [];
  const count: WordCount = (word) => {
    asked.push(word);
    return counts.get(word) ?? 0;
  };
  return { count, asked };
}

export interface FakeIndex {
  /** What a search for a term finds with tone marks folded, Pagefind's default. */
  folded: Record<string, FakePage[]>;
  /** What it finds with exactDiacritics on. */
  exact?: Record<string, FakePage[]>;
}

/** A stand-in for Pagefind's module over a small table, recording every search and option. */
export function fakePagefind({ folded, exact = {} }: FakeIndex) {
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
      const pages = (exactOn ? exact : folded)[term] ?? [];
      return answer(searchOptions?.sort ? [...pages].sort((a, b) => (b.date ?? "").localeCompare(a.date ?? "")) : pages);
    },
    filters: async () => ({}),
  };
  return { pagefind, searches, options };
}

/** "dao duc": Pagefind ranks "giáo dục – đào tạo" above "đạo đức"; the words standing together put "đạo đức" first. */
export const DAO_DUC: FakeIndex = {
  folded: {
    "đao đuc": [
      { id: "giao-duc-dao-tao", score: 9 },
      { id: "dao-duc", score: 2 },
    ],
    đao: [
      { id: "giao-duc-dao-tao", words: [7] },
      { id: "dao-duc", words: [12] },
    ],
    đuc: [
      { id: "giao-duc-dao-tao", words: [2] },
      { id: "dao-duc", words: [13] },
    ],
  },
};

/** "đăng ký": the folded search also finds "Đảng bộ", the exact one only "đăng ký". */
export const DANG_KY: FakeIndex = {
  folded: { "đăng ký": [{ id: "dang-bo", score: 9 }, { id: "dang-ky", score: 1 }], đăng: [], ký: [] },
  exact: { "đăng ký": [{ id: "dang-ky", score: 1 }] },
};

/** "dang": each reading of d finds pages of other years, to be merged by date. */
export const DANG_BY_DATE: FakeIndex = {
  folded: {
    dang: [{ id: "dang-2011", date: "2011-05-01T09:00:00+07:00" }],
    đang: [
      { id: "dang-2012", date: "2012-01-01T09:00:00+07:00" },
      { id: "dang-2010", date: "2010-01-01T09:00:00+07:00" },
    ],
  },
};
