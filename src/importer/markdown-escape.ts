import MarkdownIt from "markdown-it";

/*
 * Markdown escaping, so a capture renders exactly as written. Inline: the characters that open
 * emphasis, code, links, strikethrough or tables are always escaped; "<" only where markdown-it
 * (html: true) would see a tag or an autolink, "&" only where it would see an entity.
 */
function escapeInline(text: string): string {
  let escaped = "";
  let from = 0;
  for (const link of webLinks(text)) {
    escaped += escapeText(text.slice(from, link.start)) + link.markdown;
    from = link.end;
  }
  return escaped + escapeText(text.slice(from));
}

const linkFinder = new MarkdownIt({ linkify: true }).linkify;

/**
 * The "scheme://…" links markdown-it (linkify: true) would make of the text, found as its inline
 * rule finds them. Left in the text they would swallow the backslash of an escape next to them, so
 * each is written as an autolink, `<url>`, which renders the same link with the same text; a "link"
 * an autolink cannot hold (it runs over a "<") is kept from being one by escaping its ":".
 */
function webLinks(text: string): { start: number; end: number; markdown: string }[] {
  const links: { start: number; end: number; markdown: string }[] = [];
  for (let colon = text.indexOf("://"); colon > 0; colon = text.indexOf("://", colon + 1)) {
    let start = colon;
    while (start > 0 && /[A-Za-z0-9+.-]/.test(text[start - 1]!)) start--;
    if (start === colon || !/[A-Za-z]/.test(text[start]!) || start < (links.at(-1)?.end ?? 0)) continue;
    // markdown-it leaves trailing "*" out of the link.
    const url = linkFinder.matchAtStart(text.slice(start))?.url.replace(/\*+$/, "");
    if (url === undefined || url.length <= colon - start + 3) continue;
    if (/[\s<>]/.test(url)) links.push({ start: colon, end: colon + 1, markdown: "\\:" });
    else links.push({ start, end: start + url.length, markdown: `<${url}>` });
  }
  return links;
}

function escapeText(text: string): string {
  return text
    .replace(/[\\`*_[|~]/g, "\\$&")
    .replace(/<(?=[A-Za-z/!?])/g, "\\<")
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, "\\&");
}

/**
 * One line of a paragraph as Markdown that renders as the text itself: inline escapes, then the
 * line starts that Markdown reads as a block — "# " heading, "> " quote, "- "/"+ " list, "1. "
 * or "1) " ordered list, "---"/"===" rule or underline.
 */
export function escapeMarkdownLine(line: string): string {
  return escapeInline(line)
    .replace(/^[#>=]/, "\\$&")
    .replace(/^[-+](?=\s|$|-)/, "\\$&")
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, "$1\\$2");
}

/* In a heading, a "#" at either end would be read as part of the `##` marker. */
export function escapeHeading(text: string): string {
  return escapeInline(text).replace(/#/g, "\\#");
}
