// Links of a body (an article's, a video's description) to the site itself: its pages (articles,
// archives, categories, tags, authors, lists, search…) and its files (under static/). A reader who
// follows a broken one meets the 404 page, and a missing image leaves a hole, yet the site builds:
// `npm run check` compares each such link with the addresses the site has. Links are read from
// the sanitised HTML, the one a reader gets, whatever wrote them: Markdown, raw HTML, a bare URL.
import { closest } from "../core/errors.ts";
import { siteFiles } from "../core/files.ts";
import { STATIC_DIR } from "../core/project.ts";
import type { Archive } from "./archive.ts";
import { decodeEntities } from "./body-ids.ts";
import { LEGACY_REDIRECT_URLS } from "./legacy-redirects.ts";
import { isStaticFile, notAStaticFile } from "./media.ts";
import { sitemapEntries, splitSitemap } from "./sitemap.ts";
import { ROUTES } from "./urls.ts";
import { type MessageKey, say } from "../core/messages.ts";

export interface BodyLink {
  /** What a reader meets, as messages name it: a link (a), an image (img), a frame (iframe), else the element's name. */
  what: string;
  /** The address as the HTML has it. */
  href: string;
}

const WHAT: Record<string, MessageKey> = { a: "whatLink", img: "whatPicture", iframe: "whatFrame" };
/** Elements and attributes the sanitiser keeps that load or lead somewhere (markdown.ts). */
const LINKING_ELEMENT = /<(a|img|iframe|video|audio|source)\s([^>]*)>/g;
const LINKING_ATTRIBUTE = /(?<=\s|^)(?:href|src|poster)="([^"]*)"/g;

/**
 * The links of sanitised body HTML, in order. sanitize-html writes every attribute as name="value",
 * with `"`, `<` and `>` escaped in values, so a value cannot end an element or fake an attribute.
 */
export function bodyLinks(html: string): BodyLink[] {
  const links: BodyLink[] = [];
  for (const [, tag, attributes] of html.matchAll(LINKING_ELEMENT)) {
    for (const [, value] of attributes!.matchAll(LINKING_ATTRIBUTE)) links.push({ what: WHAT[tag!] ? say(WHAT[tag!]!) : tag!, href: decodeEntities(value!) });
  }
  return links;
}

/**
 * A site path as the site names its pages and files: without `?query` and `#fragment`, a page as
 * its folder ("/a/index.html" is "/a/"), and a last part without a dot taken for a folder ("/2011/09"
 * is "/2011/09/", which hosts answer with a redirect).
 */
export function normalisePath(sitePath: string): string {
  let normal = sitePath.replace(/[?#].*$/s, "");
  if (normal.endsWith("/index.html")) normal = normal.slice(0, -"index.html".length);
  const last = normal.slice(normal.lastIndexOf("/") + 1);
  return last !== "" && !last.includes(".") ? `${normal}/` : normal;
}

/**
 * Where a link written on the page at `pagePath` leads on the site whose URL is `siteUrl`, as a
 * normalised site path, decoded ("/media/ảnh.jpg"); undefined when it leaves the site (another
 * host or scheme, or above the site's sub-path) or stays on its page ("#…"). A root-relative link
 * is site-relative: the build adds the site's sub-path to it. An absolute link counts when it
 * starts with the site URL; a relative one is read from the page, as a browser reads it, and not
 * at all when the page is not known.
 */
export function linkTarget(href: string, pagePath: string | undefined, siteUrl: string): string | undefined {
  const link = href.trim();
  if (link === "" || link.startsWith("#")) return undefined;
  // "//host/…" (and "/\\host/…", which browsers read the same) names a host: not root-relative.
  const rootRelative = link.startsWith("/") && !/^\/[/\\]/.test(link);
  let site: URL;
  let url: URL;
  try {
    site = new URL(`${siteUrl.replace(/\/+$/, "")}/`);
    url = rootRelative ? new URL(link, site.origin) : new URL(link, pagePath === undefined ? undefined : new URL(pagePath.replace(/^\/+/, ""), site));
  } catch {
    return undefined;
  }
  if (url.origin !== site.origin) return undefined;
  if (rootRelative) return normalisePath(decodePath(url.pathname));
  if (!`${url.pathname}/`.startsWith(site.pathname)) return undefined;
  return normalisePath(decodePath(`/${url.pathname.slice(site.pathname.length)}`));
}

/** A path with its %-escapes decoded, except those of characters that would change its parts ("/", "?", "#"). */
function decodePath(sitePath: string): string {
  try {
    return decodeURI(sitePath);
  } catch {
    return sitePath;
  }
}

/** Every address the site has a page or a file of its own at, normalised; static/ is looked up apart. */
export function siteAddresses(archive: Archive): Set<string> {
  const entries = sitemapEntries(archive);
  return new Set(
    [
      ...entries.map((entry) => entry.url),
      ...Object.values(ROUTES),
      ...archive.categories.map((category) => category.feedUrl),
      ...splitSitemap(entries).parts.map((part) => part.url),
      ...Object.values(LEGACY_REDIRECT_URLS),
    ].map(normalisePath),
  );
}

/** The site a body's links are checked against. */
export interface LinkedSite {
  url: string;
  addresses: ReadonlySet<string>;
  /** URL of each draft article, to its file: a link to one leads nowhere until it is published. */
  drafts: ReadonlyMap<string, string>;
}

export interface BrokenLink {
  /** Its place among the links of its body (bodyLinks). */
  index: number;
  /** "link" for a page, "file" for a file under static/. */
  kind: "link" | "file";
  message: string;
}

/** The links of `html`, written on the page at `pagePath` (if known), that lead to no page or file of `site`. */
export function brokenLinks(html: string, pagePath: string | undefined, site: LinkedSite, nearest: NearestAddress): BrokenLink[] {
  const broken: BrokenLink[] = [];
  bodyLinks(html).forEach(({ what, href }, index) => {
    const target = linkTarget(href, pagePath, site.url);
    if (target === undefined || site.addresses.has(target)) return;
    // A folder of static/ is served as its index.html.
    const local = (target.endsWith("/") ? `${target}index.html` : target).slice(1);
    if (isStaticFile(local)) return;
    const shown = JSON.stringify(decodePath(href));
    const draft = site.drafts.get(target);
    if (draft !== undefined) broken.push({ index, kind: "link", message: say("linkToDraft", { what, href: shown, draft }) });
    else if (target.endsWith("/")) broken.push({ index, kind: "link", message: say("linkToNoPage", { what, href: shown, guess: didYouMean(nearest.page(target)) }) });
    else broken.push({ index, kind: "file", message: say("linkToNoFile", { what, problem: notAStaticFile(decodePath(href), local), guess: didYouMean(nearest.file(target)) }) });
  });
  return broken;
}

const didYouMean = (address: string | undefined) => (address === undefined ? "" : say("didYouMean", { address }));

/**
 * The address nearest a broken one among those in its folder or with its last part (a typo in a
 * slug, or in a date), if it is close enough to be a likely typo: as many edits as a third of its
 * last part, or two. Looking only there keeps it quick among the tens of thousands of pages of a
 * large archive.
 */
export interface NearestAddress {
  page(target: string): string | undefined;
  file(target: string): string | undefined;
}

export function nearestAddress(addresses: Iterable<string>): NearestAddress {
  let pages: AddressIndex | undefined;
  let files: AddressIndex | undefined;
  return {
    page: (target) => (pages ??= indexAddresses(addresses)).nearest(target),
    // static/ is read only when a file is missing.
    file: (target) => (files ??= indexAddresses(siteFiles(STATIC_DIR))).nearest(target),
  };
}

interface AddressIndex {
  nearest(target: string): string | undefined;
}

function indexAddresses(addresses: Iterable<string>): AddressIndex {
  const byFolder = new Map<string, string[]>();
  const byLast = new Map<string, string[]>();
  const add = (index: Map<string, string[]>, key: string, address: string) => {
    const list = index.get(key);
    if (list) list.push(address);
    else index.set(key, [address]);
  };
  for (const address of addresses) {
    const [folder, last] = parts(address);
    add(byFolder, folder, address);
    add(byLast, last, address);
  }
  return {
    nearest(target) {
      const [folder, last] = parts(target);
      const candidates = [...new Set([...(byFolder.get(folder) ?? []), ...(byLast.get(last) ?? [])])];
      const best = closest(target, candidates);
      return best && best.distance <= Math.max(2, Math.floor(last.length / 3)) ? candidates[best.index] : undefined;
    },
  };
}

/** "/2011/09/20/slug/" → ["/2011/09/20/", "slug"]; "/media/a.jpg" → ["/media/", "a.jpg"]. */
function parts(address: string): [string, string] {
  const trimmed = address.endsWith("/") ? address.slice(0, -1) : address;
  const cut = trimmed.lastIndexOf("/") + 1;
  return [trimmed.slice(0, cut), trimmed.slice(cut)];
}

/**
 * The line of each of a body's links (in bodyLinks order) in its Markdown, from `bodyLine`: the n-th
 * link "x" at the n-th "x" written there, as written or with its %-escapes decoded; undefined when
 * it cannot be found (an address the renderer rewrote).
 */
export function locateLinks(links: readonly BodyLink[], body: string, bodyLine: number): (number | undefined)[] {
  const searchFrom = new Map<string, number>();
  return links.map(({ href }) => {
    for (const written of new Set([href, decodePath(href)])) {
      const at = body.indexOf(written, searchFrom.get(written) ?? 0);
      if (at < 0) continue;
      searchFrom.set(written, at + written.length);
      return bodyLine + countLines(body, at);
    }
    return undefined;
  });
}

const countLines = (text: string, end: number) => {
  let lines = 0;
  for (let index = text.indexOf("\n"); index >= 0 && index < end; index = text.indexOf("\n", index + 1)) lines++;
  return lines;
};
