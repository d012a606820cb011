// The results of one search, loaded a page at a time: Pagefind returns every match at once, but
// each result's data (URL, title, excerpt, metadata) is a request of its own.
import { markRealMatches } from "./matches.ts";
import type { PagefindSearchFragment, PagefindSearchResult } from "./pagefind-api.ts";

const loadedData = new WeakMap<PagefindSearchResult, Promise<PagefindSearchFragment>>();

/** A result's data, requested once however often it is asked for. */
export function dataOf(result: PagefindSearchResult): Promise<PagefindSearchFragment> {
  let data = loadedData.get(result);
  if (!data) loadedData.set(result, (data = result.data()));
  return data;
}

/**
 * Results loaded a page at a time. With several lists each in date order (newest first), it merges
 * them by date, loading only the pages it shows, plus the head of each list. A page found by
 * several lists is shown once. Excerpts keep highlighted only the matches of the typed `words`
 * (see matches.ts); with none, they are shown as Pagefind made them.
 */
export class ResultList {
  /** How many different pages the lists hold. */
  readonly total: number;
  private readonly ids: Set<string>;
  private readonly positions: number[];
  private readonly taken = new Set<string>();

  constructor(
    private readonly lists: PagefindSearchResult[][],
    private readonly byDate: boolean,
    private readonly words: string[] = [],
  ) {
    this.positions = lists.map(() => 0);
    this.ids = new Set(lists.flatMap((results) => results.map((result) => result.id)));
    this.total = this.ids.size;
  }

  /** The ids of the results handed out so far. */
  shown(): string[] {
    return [...this.taken];
  }

  /** Leaves out results another list has shown already (by id), so that next() does not repeat them. */
  exclude(ids: Iterable<string>): void {
    for (const id of ids) if (this.ids.has(id)) this.taken.add(id);
  }

  hasMore(): boolean {
    return this.taken.size < this.total;
  }

  /** The next `count` results, with their data loaded. */
  async next(count: number): Promise<PagefindSearchFragment[]> {
    const out: PagefindSearchResult[] = [];
    while (out.length < count && this.hasMore()) {
      const pick = await this.pick();
      if (pick === undefined) break;
      this.taken.add(pick.id);
      out.push(pick);
    }
    const loaded = await Promise.all(out.map(dataOf));
    if (this.words.length === 0) return loaded;
    return loaded.map((data) => ({ ...data, excerpt: markRealMatches(data.excerpt, this.words) }));
  }

  /** The next result to show: the head of the first list, or by date the newest head of all lists. */
  private async pick(): Promise<PagefindSearchResult | undefined> {
    let pick: PagefindSearchResult | undefined;
    let pickDate = "";
    for (const [i, list] of this.lists.entries()) {
      const head = this.head(i, list);
      if (!head) continue;
      if (!this.byDate || this.lists.length === 1) return head;
      // ISO dates in one time zone (Vietnam time) sort as text.
      const date = (await dataOf(head)).meta.date || "";
      if (pick === undefined || date > pickDate) {
        pick = head;
        pickDate = date;
      }
    }
    return pick;
  }

  /** The first result of list `i` not shown yet, moving past those shown. */
  private head(i: number, list: PagefindSearchResult[]): PagefindSearchResult | undefined {
    let position = this.positions[i]!;
    while (position < list.length && this.taken.has(list[position]!.id)) position++;
    this.positions[i] = position;
    return list[position];
  }
}
