// Old addresses keep working: each article's `legacy_url` (an address of the old SharePoint portal)
// leads to the article. The portal told its pages apart by the query string alone
// (Post.aspx?ID=455), which most static hosts cannot match, so the build writes the map three ways:
// Netlify's `_redirects` rules, an nginx `map`, and a JSON map the 404 page reads on any host
// (src/client/legacy-redirect.ts). Pure string code; the templates in layouts/ write the files.
import { legacyKey } from "../core/legacy-address.ts";
import { pathPrefixOf } from "./urls.ts";

/** The files about old addresses, by site URL. */
export const LEGACY_REDIRECT_URLS = {
  /** Netlify's rules; Cloudflare Pages reads the same file but cannot match a query string. */
  netlify: "/_redirects",
  /** A `map` block for the http block of an nginx configuration. */
  nginx: "/legacy-redirects.nginx.conf",
  /** Lookup key → site-relative article URL, read by the 404 page. */
  json: "/legacy-redirects.json",
  /** The 404 page's script, bundled from src/client/legacy-redirect.ts. */
  script: "/js/legacy-redirect.js",
} as const;

export interface LegacyRedirect {
  /** The article's source file. */
  file: string;
  /** The old address's lookup key (src/core/legacy-address.ts): "/tintuc/lists/posts/post.aspx?id=455". */
  key: string;
  /** The old path as written, percent-encoded: "/tintuc/Lists/Posts/Post.aspx". */
  path: string;
  /** Its query as a browser sends it, "?ID=455", or "". */
  search: string;
  /** Its query parameters as written, in order. */
  query: [string, string][];
  /** The article, site-relative: "/2011/09/20/slug/". */
  to: string;
  /** The article under the site's sub-path, as a host redirects to it: "/ban-tin/2011/09/20/slug/". */
  href: string;
}

export interface LegacyRedirects {
  /** One per article with a `legacy_url`, in the order given. */
  redirects: LegacyRedirect[];
  /** What legacy-redirects.json holds: lookup key → site-relative article URL. */
  json: Record<string, string>;
  /** The rules of `_redirects`, one a line. */
  netlify: string[];
  /** The entries of the nginx `map`, one a line. */
  nginx: string[];
  urls: typeof LEGACY_REDIRECT_URLS;
}

/**
 * The old addresses of `articles` and where they lead on the site at `siteUrl`. Two articles with
 * one old address are a content error (clashes.ts); were they given, the first would win.
 */
export function legacyRedirects(articles: readonly { file: string; url: string; legacyUrl?: string }[], siteUrl: string): LegacyRedirects {
  const prefix = pathPrefixOf(siteUrl);
  const redirects: LegacyRedirect[] = [];
  const json: Record<string, string> = {};
  for (const article of articles) {
    const key = article.legacyUrl === undefined ? undefined : legacyKey(article.legacyUrl);
    if (key === undefined || Object.hasOwn(json, key)) continue;
    const old = new URL(article.legacyUrl!, "http://legacy.invalid/");
    redirects.push({ file: article.file, key, path: old.pathname, search: old.search, query: [...old.searchParams], to: article.url, href: `${prefix}${article.url.replace(/^\//, "")}` });
    json[key] = article.url;
  }
  return { redirects, json, netlify: redirects.flatMap(netlifyRules), nginx: redirects.map(nginxEntry), urls: LEGACY_REDIRECT_URLS };
}

/**
 * Netlify rules for one old address: "/tintuc/Lists/Posts/Post.aspx ID=455 /2011/09/20/slug/ 301".
 * Netlify's documentation calls paths case-sensitive and says nothing of parameter names, so the names
 * also go in lower and upper case (ID, id); other spellings reach the 404 page, whose script finds them.
 */
function netlifyRules({ path, query, href }: LegacyRedirect): string[] {
  const spellings = [(name: string) => name, (name: string) => name.toLowerCase(), (name: string) => name.toUpperCase()];
  const conditions = spellings.map((spell) => query.map(([name, value]) => `${encodeURIComponent(spell(name))}=${encodeURIComponent(value)}`).join(" "));
  return [...new Set(conditions)].map((condition) => [path, condition, href, "301"].filter(Boolean).join(" "));
}

/**
 * One entry of the nginx map, matched against `$request_uri` (path and query as requested) without
 * regard to case, as the portal did: `"~*^/tintuc/Lists/Posts/Post[.]aspx[?]ID=455$" "/2011/09/20/slug/";`.
 * Parameters must come in the order written; other orders reach the 404 page.
 */
function nginxEntry({ path, search, href }: LegacyRedirect): string {
  return `"~*^${nginxRegexLiteral(`${path}${search}`)}$" "${href}";`;
}

/**
 * `text` as a regular expression matching itself, inside an nginx double-quoted string: a special
 * character goes in brackets ("[.]"), which nginx passes through as written, rather than after a
 * backslash, which nginx's own unquoting would also read.
 */
function nginxRegexLiteral(text: string): string {
  return text.replace(/[^A-Za-z0-9/%=&_~,:@!'-]/g, (character) => {
    if (character === "^" || character === "]") return `\\${character}`;
    if (character === "\\") return "[\\\\\\\\]";
    if (character === '"') return '\\"';
    return `[${character}]`;
  });
}
