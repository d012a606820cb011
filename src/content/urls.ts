// The URL scheme of the site, in one place (see docs/design.md, "URLs"). Every address is
// site-relative ("/2011/09/20/slug/"): Eleventy's base plugin adds the sub-path of the site URL,
// the offline copy makes them relative. Pure string code: templates reach it through filters, the
// browser code through data the pages carry.

const pad = (value: number | string) => String(value).padStart(2, "0");

/** Pages that exist once per site, by name. */
export const ROUTES = {
  home: "/",
  archive: "/luu-tru/",
  search: "/tim-kiem/",
  videos: "/video/",
  /** Every tag and every author, with their counts. */
  tags: "/tu-khoa/",
  authors: "/tac-gia/",
  feed: "/feed.xml",
  sitemap: "/sitemap.xml",
  robots: "/robots.txt",
  notFound: "/404.html",
  /** The days that have an article, for the date picker (written by the build). */
  articleDays: "/js/article-days.js",
  /** The browser code, bundled from src/client/ by the build (src/site/client-scripts.ts). */
  searchScript: "/js/search.js",
  datePickerScript: "/js/date-picker.js",
  fontsWaitScript: "/js/fonts-wait.js",
  /** The site's fonts (src/site/fonts.ts). */
  fontsStylesheet: "/css/fonts.css",
  /** The editors' CMS in the browser (src/cms/), its configuration and scripts; not for readers or search engines. */
  cms: "/quan-tri/",
  cmsConfig: "/quan-tri/config.yml",
  cmsScript: "/quan-tri/decap-cms.js",
  cmsSaveScript: "/quan-tri/bantin-cms.js",
} as const;
/** Folders of the site that an offline copy leaves out: the CMS, which saves through a server. */
export const ONLINE_ONLY_FOLDERS: readonly string[] = [ROUTES.cms];

export type RouteName = keyof typeof ROUTES;

export const yearUrl = (year: number | string) => `/${year}/`;
export const monthUrl = (year: number | string, month: number | string) => `/${year}/${pad(month)}/`;
/** Numbers, or placeholders such as "{yyyy}" for the date picker, which fills them in the browser. */
export const dayUrl = (year: number | string, month: number | string, day: number | string) => `/${year}/${pad(month)}/${pad(day)}/`;

/** An article at `/YYYY/MM/DD/slug/`, dated in Vietnam time. */
export const articleUrl = (date: { year: number; month: number; day: number }, slug: string) => `${dayUrl(date.year, date.month, date.day)}${slug}/`;

export const categoryUrl = (slug: string) => `/chuyen-muc/${slug}/`;
export const categoryFeedUrl = (slug: string) => `${categoryUrl(slug)}feed.xml`;

export const tagUrl = (slug: string) => `${ROUTES.tags}${slug}/`;
export const authorUrl = (slug: string) => `${ROUTES.authors}${slug}/`;

/** Page `n` of a list whose first page is `firstPageUrl`: "/", "/trang/2/", "/trang/3/"… */
export const listPageUrl = (firstPageUrl: string, n: number) => (n === 1 ? firstPageUrl : `${firstPageUrl}trang/${n}/`);

/** Part `n` of a sitemap too long for one file, listed by the index at ROUTES.sitemap: "/sitemap-1.xml"… */
export const sitemapPartUrl = (n: number) => `/sitemap-${n}.xml`;

/** A video's entry on the video page. */
export const videoUrl = (id: string) => `${ROUTES.videos}#${id}`;

/** The sub-path the site is hosted under, from the path of its configured URL: "/" or "/ban-tin/". */
export function pathPrefixOf(siteUrl: string): string {
  return new URL(siteUrl).pathname.replace(/\/*$/, "/");
}

/**
 * A site URL given for one build (`--base-url`) in the form bantin keeps it: an absolute http(s)
 * URL, no user, query or fragment, its path ending in "/"; undefined when `value` is not one.
 */
export function normalizeSiteUrl(value: string): string | undefined {
  if (!/^https?:\/\/[^\s/]/i.test(value) || /\s/.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.username || url.password || url.search || url.hash) return undefined;
  return `${url.origin}${url.pathname.replace(/\/*$/, "/")}`;
}

/** Site URL + site-relative path, for feeds and the sitemap, which need absolute addresses. */
export function absoluteUrl(sitePath: string, siteUrl: string): string {
  return new URL(sitePath.replace(/^\//, ""), `${siteUrl.replace(/\/+$/, "")}/`).href;
}
