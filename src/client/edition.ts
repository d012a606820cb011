// Where the page is read: online, from disk (an offline copy), or inside a ZIM (Kiwix).

/** Each page of the ZIM edition says so (src/offline/zim-pages.ts, ZIM_EDITION_META), which this must match. */
export const inZim = (): boolean => document.querySelector('meta[name="bantin-edition"][content="zim"]') !== null;

/**
 * The full-text search of the Kiwix reader showing the ZIM whose root is `siteRoot`, for `pattern`,
 * where its address is known: Kiwix Desktop (zim://<book>.zim/ searches at zim://<book>.search/)
 * and kiwix-serve (<root>/<book>/ searches at <root>/search). Pure.
 */
export function readerSearchUrl(siteRoot: URL, pattern: string): string | undefined {
  // From the address as written: browsers of Kiwix Desktop's age do not parse a host in zim: URLs.
  const desktop = /^zim:\/\/([^/]+)\.zim\//.exec(siteRoot.href);
  if (desktop) return `zim://${desktop[1]}.search/?${new URLSearchParams({ content: desktop[1]!, pattern })}`;
  const book = siteRoot.pathname.split("/").filter(Boolean).pop();
  if (!book || !/^https?:$/.test(siteRoot.protocol)) return undefined;
  return new URL(`../search?${new URLSearchParams({ content: book, pattern })}`, siteRoot).href;
}

/** From disk, and inside a ZIM, a folder's address does not open its index.html: links must name it. */
export const foldersNeedIndex = (): boolean => location.protocol === "file:" || inZim();
