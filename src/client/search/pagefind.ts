// The one place that knows where Pagefind comes from, and how bantin sets it up.
import { inZim } from "../edition.ts";
import type { PagefindIndexOptions, PagefindModule } from "./pagefind-api.ts";
import type { WordCount } from "./query.ts";

/**
 * The offline copy's classic-script build of Pagefind, inside pagefind/, and the global it sets:
 * both are written by src/offline/search.ts (OFFLINE_BUNDLE, globalName), which this must match.
 */
const OFFLINE_BUNDLE = "pagefind/pagefind-offline.js";
/** The archive's d- and đ-words with their counts, and its global: written by src/search/d-words.ts, which this must match. */
const D_WORDS = "pagefind/bantin-d-words.js";
declare global {
  interface Window {
    BantinPagefind?: PagefindModule;
    BantinDWords?: Record<string, number>;
  }
}

/** Runs a classic script: it loads from file:// as well as over http, where modules and fetch do not. */
function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const tag = document.createElement("script");
    tag.src = src;
    tag.onload = () => resolve();
    tag.onerror = () => reject(new Error(`a script of the search did not load: ${src}`));
    document.head.appendChild(tag);
  });
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
 * Pagefind, from the site at `siteRoot`, set up with SEARCH_OPTIONS. Over http, its ES module. From
 * disk (an offline copy, see src/offline/search.ts), Chromium refuses module scripts, fetch and
 * workers, so the copy carries Pagefind bundled as a classic script that reads its index from script
 * files, and searches without a worker. The ZIM edition, made from that copy, does so on every
 * scheme: Kiwix readers may refuse all three.
 */
export async function loadPagefind(siteRoot: URL): Promise<PagefindModule> {
  const bundled = location.protocol === "file:" || inZim();
  const pagefind = bundled ? await loadOfflineBundle(siteRoot) : ((await import(new URL("pagefind/pagefind.js", siteRoot).href)) as PagefindModule);
  // One call: until its first search, Pagefind keeps only the options given last. Without noWorker it
  // tries a worker, whose fetches miss the bundle's index files: from disk Chromium refuses it
  // silently and Firefox reports a security error; over http (kiwix-serve) it starts.
  await pagefind.options({ ...SEARCH_OPTIONS, noWorker: bundled });
  return pagefind;
}

async function loadOfflineBundle(siteRoot: URL): Promise<PagefindModule> {
  const src = new URL(OFFLINE_BUNDLE, siteRoot).href;
  await loadScript(src);
  if (!window.BantinPagefind) throw new Error(`Pagefind's offline bundle set no BantinPagefind: ${src}`);
  return window.BantinPagefind;
}

/** How many articles hold each d- or đ-word (see query.ts). */
async function loadDWords(siteRoot: URL): Promise<WordCount> {
  const src = new URL(D_WORDS, siteRoot).href;
  await loadScript(src);
  if (!window.BantinDWords) throw new Error(`the list of d-words set no BantinDWords: ${src}`);
  const counts = new Map(Object.entries(window.BantinDWords));
  return (word) => counts.get(word) ?? 0;
}

/** What a search needs: Pagefind, set up with SEARCH_OPTIONS, and the counts of the archive's d-words. */
export interface SearchTools {
  pagefind: PagefindModule;
  count: WordCount;
}

/**
 * The search tools of the site at `siteRoot`, loaded on the first call and shared by later ones; a
 * load that failed (a lost connection) is tried again on the next call.
 */
export function sharedSearchTools(siteRoot: URL): () => Promise<SearchTools> {
  let loading: Promise<SearchTools> | null = null;
  return () => {
    if (!loading) {
      loading = Promise.all([loadPagefind(siteRoot), loadDWords(siteRoot)]).then(([loaded, count]) => ({ pagefind: loaded, count }));
      loading.catch(() => {
        loading = null;
      });
    }
    return loading;
  };
}
