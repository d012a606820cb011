// Lists split into pages, and the page links each page shows (docs/design.md, "Lists").
import { listPageUrl } from "./urls.ts";

/** Pages linked on each side of the current one, besides the first and the last. */
export const WINDOW_RADIUS = 2;

/** A page number, or "gap" for a run of pages left out (shown as "…"). */
export type PageSlot = number | "gap";

/**
 * The page numbers a list of `total` pages shows on page `current`: the first, the last, and
 * `radius` pages either side of the current one, in order, with a gap for each run left out. A run
 * of one page is shown as its number: the link takes no more room than the ellipsis would.
 */
export function pageWindow(current: number, total: number, radius = WINDOW_RADIUS): PageSlot[] {
  if (total < 1) return [];
  const from = Math.max(1, current - radius);
  const to = Math.min(total, current + radius);
  const shown = new Set([1, ...Array.from({ length: Math.max(0, to - from + 1) }, (_, index) => from + index), total]);
  const slots: PageSlot[] = [];
  let previous = 0;
  for (const n of [...shown].sort((a, b) => a - b)) {
    if (n - previous === 2) slots.push(n - 1);
    else if (n - previous > 2) slots.push("gap");
    slots.push(n);
    previous = n;
  }
  return slots;
}

export interface PageLink {
  number: number;
  url: string;
}

/** One page of a paginated list. */
export interface ListPage<T> {
  url: string;
  pageNumber: number;
  totalPages: number;
  items: T[];
  previousUrl?: string;
  nextUrl?: string;
  /** The links of the pagination, by pageWindow: a few pages, not all of them, so that a page's size does not grow with its list. */
  pageLinks: (PageLink | "gap")[];
}

/** Splits a list into pages: page 1 at `baseUrl`, page n at `baseUrl` + `trang/n/`. */
export function paginate<T>(items: T[], size: number, baseUrl: string): ListPage<T>[] {
  const totalPages = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: totalPages }, (_, index) => {
    const pageNumber = index + 1;
    return {
      url: listPageUrl(baseUrl, pageNumber),
      pageNumber,
      totalPages,
      items: items.slice(index * size, pageNumber * size),
      previousUrl: pageNumber > 1 ? listPageUrl(baseUrl, pageNumber - 1) : undefined,
      nextUrl: pageNumber < totalPages ? listPageUrl(baseUrl, pageNumber + 1) : undefined,
      pageLinks: pageWindow(pageNumber, totalPages).map((slot) => (slot === "gap" ? slot : { number: slot, url: listPageUrl(baseUrl, slot) })),
    };
  });
}

/** URL of the list page that holds item `index`. */
export function pageUrlOf(index: number, size: number, baseUrl: string): string {
  return listPageUrl(baseUrl, Math.floor(index / size) + 1);
}
