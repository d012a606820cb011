// "Xem theo ngày": opens the day archive of the date typed as dd/mm/yyyy, or says that the day has no article or is no day.
// Bundled by the build (src/site/client-scripts.ts) into js/date-picker.js, a classic script, not a
// module, so that it also runs in a copy opened straight from disk.
import { formatDate } from "../core/format.ts";
import { label } from "../core/strings.ts";
import { foldersNeedIndex } from "./edition.ts";
import { dayHref, siteRootOf } from "./links.ts";

declare global {
  interface Window {
    /** The days that have an article, "2011-09-20", newest first: js/article-days.js, written by the build. */
    BANTIN_ARTICLE_DAYS?: string[];
  }
}

// Read now: document.currentScript is this script only while it runs.
const script = document.currentScript;
const siteRoot = siteRootOf(script instanceof HTMLScriptElement ? script.src : undefined, location.href);

/** "20/09/2011" or "20/9/2011", as the reader types it, → "2011-09-20"; undefined when it is no day of the calendar. */
function isoDay(typed: string): string | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(typed.trim());
  if (!match) return undefined;
  const [day, month, year] = match.slice(1).map(Number) as [number, number, number];
  // Date rolls 31/02 over into March: a day that comes back changed does not exist.
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function setUp(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="ngay"]');
  const message = form.querySelector<HTMLElement>("[data-message]");
  // The day archive's URL with {yyyy}, {mm} and {dd} to fill, rendered from the URL scheme.
  const dayUrl = form.dataset.dayUrl;
  if (!input || !message || !dayUrl) return;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const value = isoDay(input.value);
    const href = value && dayHref(dayUrl, value, siteRoot, foldersNeedIndex());
    if (!value || !href) {
      message.textContent = label(message.dataset.notADay ?? "", { value: input.value.trim() });
      return;
    }
    const days = window.BANTIN_ARTICLE_DAYS;
    if (days && !days.includes(value)) {
      // formatDate reads a date-time; a day is its midnight.
      message.textContent = label(message.dataset.message ?? "", { date: formatDate(`${value}T00:00`) });
      return;
    }
    message.textContent = "";
    window.location.href = href;
  });
}

document.addEventListener("DOMContentLoaded", () => {
  for (const form of document.querySelectorAll<HTMLFormElement>("form[data-date-picker]")) setUp(form);
});
