// The search page, /tim-kiem/: Pagefind's search API with a Vietnamese interface, and three things
// Pagefind does not do alone for Vietnamese:
// - `đ` typed as `d` (search/query.ts);
// - tone marks the reader typed are meant: pages whose words carry exactly those marks rank first;
// - words are written as separate syllables ("đạo đức"): pages where the typed syllables stand
//   together rank above pages where they are scattered (search/ranking.ts).
// Bundled by the build (src/site/client-scripts.ts) into js/search.js, a classic script, not a
// module, so that an offline copy can run it from file://; Pagefind itself is reached only through
// loadPagefind() (search/pagefind.ts).
import { siteRootOf } from "./links.ts";
import { setUpSearch } from "./search/page.ts";

// Read now: document.currentScript is this script only while it runs.
const script = document.currentScript;
const siteRoot = siteRootOf(script instanceof HTMLScriptElement ? script.src : undefined, location.href);

document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector<HTMLFormElement>("form[data-search]");
  if (form) setUpSearch(form, siteRoot);
});
