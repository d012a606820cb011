// The part of a page Pagefind reads: bantin hands it only that, and it names a page's shard with the others.

/** Only pages that opt in are indexed: the article template marks its content with this attribute. */
const BODY_MARKER = "data-pagefind-body";

/**
 * What Pagefind needs of a page: the element marked data-pagefind-body, from its start tag to the
 * page's last end tag of that name (which closes it, or follows it), in a document of its own.
 * Pagefind reads nothing else of a page that has that element, and the navigation, lists and
 * sidebar around it would only cost the trip to its process and its parsing: the index is the same
 * byte for byte. Undefined for a page without the element.
 */
export function indexedPart(html: string): string | undefined {
  let start = -1;
  let name: string | undefined;
  // The attribute in a start tag, not the same words in a title or a paragraph.
  for (let marker = html.indexOf(` ${BODY_MARKER}`); marker >= 0 && !name; marker = html.indexOf(` ${BODY_MARKER}`, marker + 1)) {
    start = html.lastIndexOf("<", marker);
    const after = html[marker + 1 + BODY_MARKER.length] ?? "";
    if (/[\s>=/]/.test(after)) name = /^<([a-zA-Z][\w-]*)[^>]*$/.exec(html.slice(start, marker))?.[1];
  }
  if (!name) return undefined;
  // Templates and the body sanitiser write end tags in lower case; one written otherwise only makes the part longer.
  const close = `</${name.toLowerCase()}>`;
  const end = html.lastIndexOf(close);
  const element = end > start ? html.slice(start, end + close.length) : html.slice(start);
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${element}</body></html>`;
}
