// Where the page is read: online, from disk (an offline copy), or inside a ZIM (Kiwix).

/** Each page of the ZIM edition says so (src/offline/zim-pages.ts, ZIM_EDITION_META), which this must match. */
export const inZim = (): boolean => document.querySelector('meta[name="bantin-edition"][content="zim"]') !== null;

/** From disk, and inside a ZIM, a folder's address does not open its index.html: links must name it. */
export const foldersNeedIndex = (): boolean => location.protocol === "file:" || inZim();
