// The one place that knows where Pagefind comes from, and how bantin sets it up.
import type { PagefindIndexOptions, PagefindModule } from "./pagefind-api.ts";

/**
 * The offline copy's classic-script build of Pagefind, inside pagefind/, and the global it sets:
 * both are written by src/offline/search.ts (OFFLINE_BUNDLE, globalName), which this must match.
 */
const OFFLINE_BUNDLE = "pagefind/pagefind-offline.js";
declare global {
  interface Window {
    BantinPagefind?: PagefindModule;
  }
}

export const SEARCH_OPTIONS: PagefindIndexOptions = {
  // Result URLs stay site-relative: the page resolves them against the site root (links.ts), the
  // same way under a sub-path or from disk.
  baseUrl: "/",
  excerptLength: 32,
  excerptEllipsis: "…",
  // Pages with every typed mark come first by a separate exact pass (see run.ts); among the others,
  // a word that keeps the typed marks gets a stronger boost than Pagefind's default 0.8.
  ranking: { diacriticSimilarity: 1.5 },
};

/**
 * Pagefind, from the site at `siteRoot`. Over http, its ES module. From disk (an offline copy, see
 * src/offline/search.ts), Chromium refuses module scripts, fetch and workers, so the copy carries
 * Pagefind bundled as a classic script that reads its index from script files.
 */
export async function loadPagefind(siteRoot: URL): Promise<PagefindModule> {
  if (location.protocol !== "file:") return (await import(new URL("pagefind/pagefind.js", siteRoot).href)) as PagefindModule;
  const pagefind = await new Promise<PagefindModule>((resolve, reject) => {
    const tag = document.createElement("script");
    tag.src = new URL(OFFLINE_BUNDLE, siteRoot).href;
    tag.onload = () => (window.BantinPagefind ? resolve(window.BantinPagefind) : reject(new Error(`Pagefind's offline bundle set no BantinPagefind: ${tag.src}`)));
    tag.onerror = () => reject(new Error(`Pagefind's offline bundle did not load: ${tag.src}`));
    document.head.appendChild(tag);
  });
  await pagefind.options({ noWorker: true });
  return pagefind;
}

/**
 * Pagefind set up with SEARCH_OPTIONS, loaded on the first call and shared by later ones; a load
 * that failed (a lost connection) is tried again on the next call.
 */
export function sharedPagefind(siteRoot: URL): () => Promise<PagefindModule> {
  let loading: Promise<PagefindModule> | null = null;
  return () => {
    if (!loading) {
      loading = loadPagefind(siteRoot).then(async (pagefind) => {
        await pagefind.options(SEARCH_OPTIONS);
        return pagefind;
      });
      loading.catch(() => {
        loading = null;
      });
    }
    return loading;
  };
}
