// How a page of the ZIM edition differs from the offline copy's. Kiwix's full-text index (Xapian,
// inside libzim) reads a page's whole body; here it reads what the archive's own search reads (the
// element marked data-pagefind-body, less data-pagefind-ignore), so a query finds articles, not
// every page whose sidebar names a place. libzim drops tone marks but keeps đ, so the page names
// its đ-words typed with d as keywords. And the page says it is in a ZIM: its scripts then load
// Pagefind as classic scripts and name folders' index.html, as from disk.
import { SAXParser, type StartTag } from "parse5-sax-parser";

/** Read by the page's scripts (src/client/edition.ts), which must match. */
const ZIM_EDITION_META = '<meta name="bantin-edition" content="zim">';
/** Xapian's HTML parser skips text between these comments (htdig's convention). */
const SKIP_START = "<!--htdig_noindex-->";
const SKIP_END = "<!--/htdig_noindex-->";
/** Pages that hold no article stay out of the full-text index; Kiwix still finds them by title. */
const NOT_INDEXED_META = '<meta name="robots" content="noindex">';

const VOID_ELEMENTS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

interface Edit {
  at: number;
  /** Replaces the source up to here; an insertion when absent. */
  end?: number;
  text: string;
}

/** An element whose end tag is still to come: same-named elements inside it are counted. */
interface OpenRegion {
  tagName: string;
  nested: number;
  /** Called with where its end tag starts and ends. */
  onEnd: (start: number, end: number) => void;
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** The words of `text` that hold đ, written as a tone-less query types them: "Đảng" is "dang". */
function dWordsOf(text: string, into: Set<string>): void {
  for (const word of text.match(/[\p{L}\p{M}]*[đĐ][\p{L}\p{M}]*/gu) ?? []) {
    into.add(word.toLowerCase().replace(/đ/g, "d").normalize("NFD").replace(/\p{M}/gu, ""));
  }
}

/**
 * The page as the ZIM carries it: `html` is the offline copy's page, `siteTitle` the name Kiwix
 * shows beside every title, so it is dropped from the end of the page's own.
 */
export async function zimPage(html: string, siteTitle: string): Promise<string> {
  const parser = new SAXParser({ sourceCodeLocationInfo: true });
  const edits: Edit[] = [];
  const regions: OpenRegion[] = [];
  const dWords = new Set<string>();
  let headEnd = -1;
  let indexed = false;
  let hasArticle = false;
  let ignoring = 0;
  let titleStart = -1;

  // An element without an end tag ends where its start tag does.
  const open = (tag: StartTag, onEnd: OpenRegion["onEnd"]) => {
    if (VOID_ELEMENTS.has(tag.tagName) || tag.selfClosing) onEnd(tag.sourceCodeLocation!.endOffset, tag.sourceCodeLocation!.endOffset);
    else regions.push({ tagName: tag.tagName, nested: 0, onEnd });
  };

  parser.on("startTag", (tag) => {
    const where = tag.sourceCodeLocation!;
    for (const region of regions) if (region.tagName === tag.tagName) region.nested++;
    const has = (name: string) => tag.attrs.some((attribute) => attribute.name === name);
    if (tag.tagName === "title") titleStart = where.endOffset;
    else if (tag.tagName === "body") edits.push({ at: where.endOffset, text: SKIP_START });
    else if (has("data-pagefind-body")) {
      hasArticle = indexed = true;
      edits.push({ at: where.endOffset, text: SKIP_END });
      open(tag, (start) => {
        indexed = false;
        edits.push({ at: start, text: SKIP_START });
      });
    } else if (indexed && has("data-pagefind-ignore")) {
      ignoring++;
      edits.push({ at: where.startOffset, text: SKIP_START });
      open(tag, (_, end) => {
        ignoring--;
        edits.push({ at: end, text: SKIP_END });
      });
    }
  });
  parser.on("endTag", (tag) => {
    const where = tag.sourceCodeLocation!;
    if (tag.tagName === "head") headEnd = where.startOffset;
    else if (tag.tagName === "body") edits.push({ at: where.startOffset, text: SKIP_END });
    else if (tag.tagName === "title" && titleStart >= 0) {
      const suffix = ` – ${escapeHtml(siteTitle)}`;
      const title = html.slice(titleStart, where.startOffset);
      if (title.endsWith(suffix) && title.length > suffix.length) edits.push({ at: where.startOffset - suffix.length, end: where.startOffset, text: "" });
      dWordsOf(title, dWords);
    }
    for (let i = regions.length - 1; i >= 0; i--) {
      const region = regions[i]!;
      if (region.tagName !== tag.tagName) continue;
      if (region.nested > 0) region.nested--;
      else {
        regions.splice(i, 1);
        region.onEnd(where.startOffset, where.endOffset);
      }
    }
  });
  parser.on("text", (text) => {
    if (indexed && ignoring === 0) dWordsOf(text.text, dWords);
  });
  const finished = new Promise<void>((resolve, reject) => {
    parser.on("finish", resolve);
    parser.on("error", reject);
  });
  parser.end(html);
  await finished;

  if (headEnd < 0) throw new Error("a page of the ZIM edition has no </head>");
  let head = ZIM_EDITION_META;
  if (!hasArticle) head += NOT_INDEXED_META;
  else if (dWords.size > 0) head += `<meta name="keywords" content="${escapeHtml([...dWords].join(" "))}">`;
  edits.push({ at: headEnd, text: head });
  edits.sort((a, b) => a.at - b.at);
  let output = "";
  let from = 0;
  for (const edit of edits) {
    output += html.slice(from, edit.at) + edit.text;
    from = edit.end ?? edit.at;
  }
  return output + html.slice(from);
}
