// "Xem theo ngày": opens the day archive of the chosen date, or says that the day has no article.
// Bundled by the build (src/site/client-scripts.ts) into js/date-picker.js, a classic script, not a
// module, so that it also runs in a copy opened straight from disk.
import { formatDate } from "../core/format.ts";
import { label } from "../core/strings.ts";
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

function setUp(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[type="date"]');
  const message = form.querySelector<HTMLElement>("[data-message]");
  // The day archive's URL with {yyyy}, {mm} and {dd} to fill, rendered from the URL scheme.
  const dayUrl = form.dataset.dayUrl;
  if (!input || !message || !dayUrl) return;
  form.addEventListener("submit", (event) => {
    const value = input.value;
    const href = dayHref(dayUrl, value, siteRoot, location.protocol === "file:");
    // Not a day (the browser has no date input): the form goes to the archive index.
    if (!href) return;
    event.preventDefault();
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
