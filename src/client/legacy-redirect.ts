// On the 404 page: an address of the old portal (…/Post.aspx?ID=455) that the host could not match
// leads on to its article. The host serves 404.html at any path, so the map and the article are
// found from the site root, which the script's own address gives, never from the page's address.
// Bundled by the build (src/site/client-scripts.ts) into js/legacy-redirect.js, a classic script.
import { legacyArticleHref } from "./legacy-map.ts";
import { siteHref, siteRootOf } from "./links.ts";

// Read now: document.currentScript is this script only while it runs.
const script = document.currentScript;

async function forward(mapUrl: string, siteRoot: URL): Promise<void> {
  const response = await fetch(siteHref(mapUrl, siteRoot, false));
  if (!response.ok) return;
  const href = legacyArticleHref(await response.json(), location.pathname + location.search, siteRoot);
  // replace(): Back then skips the dead address.
  if (href) location.replace(href);
}

// From disk there is no old address to forward, and fetch() cannot read files. Without the map the
// page stays what it is: a page not found.
if (script instanceof HTMLScriptElement && script.dataset.legacyMap && location.protocol !== "file:") {
  forward(script.dataset.legacyMap, siteRootOf(script.src, location.href)).catch(() => undefined);
}
