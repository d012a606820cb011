import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

/** Longest default summary, cut at a word boundary. */
const SUMMARY_LENGTH = 220;

export interface RenderedBody {
  html: string;
  /** Plain text of the first paragraph, for the default summary. */
  firstParagraph: string;
}

/**
 * Markdown to safe HTML. Raw HTML is allowed because legacy bulletins carry tables and
 * figures, but everything that could run code or load another site is removed.
 */
export function createRenderer(iframeHosts: readonly string[]): (markdown: string) => RenderedBody {
  const md = new MarkdownIt({ html: true, linkify: true });
  // A web address in the text is shown as written; markdown-it would re-format it (decode %-escapes,
  // move what it takes for a port), so an archived bulletin would no longer read as it did.
  md.normalizeLinkText = (url) => url;
  const options: sanitizeHtml.IOptions = {
    allowedTags: [...sanitizeHtml.defaults.allowedTags, "img", "figure", "figcaption", "iframe", "video", "audio", "source", "del", "ins", "sup", "sub"],
    allowedAttributes: {
      "*": ["id", "lang", "title"],
      a: ["href", "name", "rel"],
      img: ["src", "alt", "width", "height", "loading"],
      iframe: ["src", "width", "height", "title", "allowfullscreen"],
      video: ["src", "controls", "width", "height", "poster", "preload"],
      audio: ["src", "controls", "preload"],
      source: ["src", "type"],
      th: ["colspan", "rowspan", "scope"],
      td: ["colspan", "rowspan"],
      ol: ["start", "reversed"],
    },
    allowedSchemes: ["http", "https", "mailto", "tel"],
    allowedSchemesAppliedToAttributes: ["href", "src", "poster"],
    allowProtocolRelative: false,
    allowedIframeHostnames: [...iframeHosts],
    // The sanitiser strips the src of an iframe from another host but keeps the empty frame; drop it whole.
    exclusiveFilter: (frame) => frame.tag === "iframe" && !frame.attribs.src,
    transformTags: {
      // The page title is the only <h1>; body headings start one level below it.
      h1: "h2",
      // An image without alt text is read aloud by its file name; an empty alt marks it decorative instead.
      img: (tagName, attribs) => ({ tagName, attribs: { alt: "", ...attribs, loading: attribs.loading ?? "lazy" } }),
    },
  };

  return (markdown) => {
    const tokens = md.parse(markdown, {});
    const html = sanitizeHtml(md.renderer.render(tokens, md.options, {}), options).trim();
    const index = tokens.findIndex((token) => token.type === "paragraph_open");
    const inline = index >= 0 ? tokens[index + 1] : undefined;
    const firstParagraph = inline ? plainText(inline.children ?? []) : "";
    return { html, firstParagraph };
  };
}

function plainText(children: { type: string; content: string }[]): string {
  return children
    .map((child) => (child.type === "text" || child.type === "code_inline" ? child.content : child.type === "softbreak" || child.type === "hardbreak" ? " " : ""))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

/** A list excerpt: the text as is when short, otherwise cut at a word boundary with "…". */
export function excerpt(text: string, maxLength = SUMMARY_LENGTH): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  const boundary = cut.lastIndexOf(" ");
  return `${(boundary > maxLength / 2 ? cut.slice(0, boundary) : cut).replace(/[\s,;:.–-]+$/, "")}…`;
}
