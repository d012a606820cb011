// The search page's DOM: the form of layouts/_includes/pages/search.njk, its results, and the
// address, which keeps the query so that a search can be shared or bookmarked.
import { formatDateTime, formatNumber } from "../../core/format.ts";
import { label } from "../../core/strings.ts";
import { fold } from "../../core/text.ts";
import { foldersNeedIndex, inZim, readerSearchUrl } from "../edition.ts";
import { siteHref } from "../links.ts";
import { sharedSearchTools } from "./pagefind.ts";
import type { PagefindSearchFragment } from "./pagefind-api.ts";
import { boundQuery, cleanQuery } from "./query.ts";
import type { ResultList } from "./results.ts";
import { type Filters, oneAtATime, searchInStages, stopIfAborted } from "./run.ts";

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 250;

/** The labels the page carries as JSON (#search-strings), from src/core/strings.ts. */
interface SearchStrings {
  prompt: string;
  loading: string;
  count: string;
  noResult: string;
  noResultFiltered: string;
  failed: string;
  /** Inside a ZIM, when the reader cannot run the page; then a link to the reader's own search. */
  failedInReader: string;
  inReader: string;
  /** Said after the count when the query was cut to its first words. */
  shortened: string;
  /** The suggestion, when nothing is found, to search again without the filters. */
  withoutFilters: string;
}

function required<T extends Element>(selector: string): T {
  const element = document.querySelector<T>(selector);
  if (!element) throw new Error(`the search page has no ${selector}`);
  return element;
}

function control<T extends Element>(form: HTMLFormElement, name: string, type: new () => T): T {
  const element = form.elements.namedItem(name);
  if (!(element instanceof type)) throw new Error(`the search form has no field "${name}"`);
  return element;
}

function renderResult(data: PagefindSearchFragment, siteRoot: URL): HTMLLIElement {
  const item = document.createElement("li");
  item.className = "search-result";
  const heading = document.createElement("h3");
  heading.className = "search-result__title";
  const link = document.createElement("a");
  link.href = siteHref(data.url, siteRoot, foldersNeedIndex());
  link.textContent = data.meta.title || data.url;
  heading.appendChild(link);
  item.appendChild(heading);

  const meta = document.createElement("p");
  meta.className = "meta";
  if (data.meta.date) {
    const time = document.createElement("time");
    time.dateTime = data.meta.date;
    time.textContent = formatDateTime(data.meta.date);
    meta.appendChild(time);
  }
  if (data.meta.category) {
    if (meta.firstChild) meta.appendChild(document.createTextNode(" · "));
    const category = document.createElement("span");
    category.className = "search-result__category";
    category.textContent = data.meta.category;
    meta.appendChild(category);
  }
  item.appendChild(meta);

  const excerpt = document.createElement("p");
  excerpt.className = "search-result__excerpt";
  // Pagefind escapes the page text and adds only <mark> elements: safe as HTML.
  excerpt.innerHTML = data.excerpt;
  item.appendChild(excerpt);
  return item;
}

function setSelect(select: HTMLSelectElement, value: string | null): void {
  if (!value) return;
  for (const option of select.options) if (option.value === value) select.value = value;
}

/** Wires the search form of the page to Pagefind, for a site whose root is `siteRoot`. */
export function setUpSearch(form: HTMLFormElement, siteRoot: URL): void {
  const strings = JSON.parse(required("#search-strings").textContent ?? "{}") as SearchStrings;
  const input = control(form, "q", HTMLInputElement);
  const category = control(form, "chuyen-muc", HTMLSelectElement);
  const year = control(form, "nam", HTMLSelectElement);
  const sort = control(form, "sap-xep", HTMLSelectElement);
  const status = required<HTMLElement>("[data-search-status]");
  const list = required<HTMLElement>("[data-search-results]");
  const more = required<HTMLButtonElement>("[data-search-more]");
  const suggestions = required<HTMLElement>("[data-search-suggestions]");
  const unfiltered = required<HTMLElement>("[data-search-unfiltered]");
  const unfilteredLink = required<HTMLAnchorElement>("[data-search-unfiltered] a");
  const reader = required<HTMLElement>("[data-search-reader]");
  const readerLink = required<HTMLAnchorElement>("[data-search-reader] a");

  const searchTools = sharedSearchTools(siteRoot);
  const exclusive = oneAtATime();
  /**
   * The latest search: a newer one aborts it, so that its results never show, and a page of
   * results asked for before the newer one started is not shown either.
   */
  let running: AbortController | null = null;
  let current: ResultList | null = null;
  let timer = 0;
  /**
   * Whether the reader has scrolled, pointed at or focused the results since they were shown: then
   * the settled order no longer replaces them (it only orders the results still to come).
   */
  let touched = false;

  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  setSelect(category, params.get("chuyen-muc"));
  setSelect(year, params.get("nam"));
  setSelect(sort, params.get("sap-xep"));

  function filters(): Filters {
    const chosen: Filters = {};
    if (category.value) chosen.category = category.value;
    if (year.value) chosen.year = year.value;
    return chosen;
  }

  /** Keeps the address in step with the form, so that a search can be shared or bookmarked. */
  function updateAddress(query: string): void {
    const next = new URLSearchParams();
    if (query) next.set("q", query);
    if (category.value) next.set("chuyen-muc", category.value);
    if (year.value) next.set("nam", year.value);
    if (sort.value) next.set("sap-xep", sort.value);
    const search = next.toString();
    if (location.protocol === "file:") return;
    history.replaceState(null, "", location.pathname + (search ? `?${search}` : "") + location.hash);
  }

  /**
   * What to try when nothing is found: the same query without its filters (when it has some), and
   * the archive by date, which the template links.
   */
  function suggest(query: string, chosen: Filters): void {
    const filtered = query !== "" && Object.keys(chosen).length > 0;
    unfiltered.hidden = !filtered;
    if (filtered) {
      const next = new URLSearchParams({ q: query });
      if (sort.value) next.set("sap-xep", sort.value);
      // The template's link to this page, relative in offline copies: only its query changes.
      unfilteredLink.search = `?${next}`;
      unfilteredLink.textContent = label(strings.withoutFilters, { query });
    }
    suggestions.hidden = false;
  }

  async function search(): Promise<void> {
    running?.abort();
    running = new AbortController();
    const { signal } = running;
    const typed = input.value.trim();
    const cleaned = cleanQuery(typed);
    // searchInStages cuts a long query the same way; the status line says so.
    const { query, shortened, words } = boundQuery(cleaned);
    updateAddress(typed);
    const chosen = filters();
    if (!query && Object.keys(chosen).length === 0) {
      current = null;
      list.replaceChildren();
      suggestions.hidden = true;
      list.removeAttribute("aria-busy");
      more.hidden = true;
      status.textContent = strings.prompt;
      return;
    }
    // The results of the last search stay where they are until the new ones replace them.
    status.textContent = strings.loading;
    list.setAttribute("aria-busy", "true");
    try {
      await exclusive(async () => {
        const { pagefind, count } = await searchTools();
        let shown: ResultList | null = null;
        for await (const { results, final } of searchInStages(pagefind, cleaned, chosen, sort.value === "moi-nhat", count, signal)) {
          if (shown && touched) {
            results.exclude(shown.shown());
          } else {
            const first = await results.next(PAGE_SIZE);
            stopIfAborted(signal);
            list.replaceChildren(...first.map((data) => renderResult(data, siteRoot)));
            suggestions.hidden = true;
            touched = false;
            shown = results;
          }
          current = results;
          more.hidden = !results.hasMore();
          if (!final) continue;
          const named = (shortened ? query : typed) || [chosen.category, chosen.year].filter(Boolean).join(", ");
          // Taking the filters off is advice only when there are some.
          const noResult = Object.keys(chosen).length > 0 ? strings.noResultFiltered : strings.noResult;
          const found = results.total === 0 ? label(noResult, { query: named }) : label(strings.count, { count: formatNumber(results.total), query: named });
          status.textContent = shortened ? `${found} ${label(strings.shortened, { count: words })}` : found;
          if (results.total === 0) suggest(typed, chosen);
          list.removeAttribute("aria-busy");
        }
      });
    } catch (error) {
      if (signal.aborted) return;
      list.removeAttribute("aria-busy");
      console.error(error);
      if (!inZim()) {
        status.textContent = strings.failed;
        suggestions.hidden = true;
        return;
      }
      // Reloading will not help a reader too old for Pagefind (Kiwix Desktop 2.3 is Chrome 87, whose
      // WebAssembly Pagefind's outgrew): its own search will, typed without marks, as every Kiwix finds.
      status.textContent = strings.failedInReader;
      const pattern = fold(typed);
      const href = pattern ? readerSearchUrl(siteRoot, pattern) : undefined;
      reader.hidden = !href;
      if (href) {
        readerLink.href = href;
        readerLink.textContent = label(strings.inReader, { query: pattern });
      }
      unfiltered.hidden = true;
      suggestions.hidden = false;
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void search();
  });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    // Start fetching Pagefind while the reader types.
    searchTools().catch(() => {});
    timer = window.setTimeout(search, DEBOUNCE_MS);
  });
  for (const select of [category, year, sort]) {
    select.addEventListener("change", () => {
      clearTimeout(timer);
      void search();
    });
  }
  // The reader is reading the results: see `touched`.
  addEventListener("scroll", () => (touched = true), { passive: true });
  for (const event of ["pointerdown", "focusin"]) list.addEventListener(event, () => (touched = true));
  let loadingMore = false;
  more.addEventListener("click", async () => {
    const results = current;
    // One page at a time: two walks of the same list at once would show a result twice.
    if (!results || loadingMore) return;
    touched = true;
    loadingMore = true;
    const mine = running;
    let page: PagefindSearchFragment[];
    try {
      page = await results.next(PAGE_SIZE);
    } finally {
      loadingMore = false;
    }
    if (mine !== running) return;
    const items = page.map((data) => renderResult(data, siteRoot));
    list.append(...items);
    more.hidden = !results.hasMore();
    // Keyboard and screen-reader users continue from the first new result.
    items[0]?.querySelector("a")?.focus();
  });

  void search();
}
