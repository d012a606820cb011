// What sitemap.xml lists, and how it is split when the site outgrows one file.
import type { Archive } from "./archive.ts";
import { ROUTES, sitemapPartUrl } from "./urls.ts";

/** At most this many URLs in one sitemap file (sitemaps.org; the other limit, 50 MB, is far off at this length). */
export const SITEMAP_LIMIT = 50_000;

export interface SitemapEntry {
  /** Site-relative. */
  url: string;
  /** The article's date, for articles. */
  lastmod?: string;
}

export interface SitemapPart {
  url: string;
  entries: SitemapEntry[];
}

export interface Sitemap {
  /** What sitemap.xml lists when the site fits in one file; empty when it does not. */
  entries: SitemapEntry[];
  /** sitemap-1.xml, sitemap-2.xml…, which sitemap.xml indexes when the site does not fit in one file. */
  parts: SitemapPart[];
}

/** Every HTML page of the site a search engine should know, articles first. */
export function sitemapEntries(archive: Archive): SitemapEntry[] {
  const page = ({ url }: { url: string }): SitemapEntry => ({ url });
  return [
    ...archive.latest.map((article) => ({ url: article.url, lastmod: article.date })),
    ...archive.homePages.map(page),
    ...archive.categoryPages.map(page),
    // Built even when empty, like the archive index: they say so.
    { url: ROUTES.tags },
    ...archive.taxonomies.tagPages.map(page),
    { url: ROUTES.authors },
    ...archive.taxonomies.authorPages.map(page),
    { url: ROUTES.archive },
    ...archive.yearPages.map(page),
    ...archive.months.map(page),
    ...archive.dayPages.map(page),
    ...(archive.videos.length ? [{ url: ROUTES.videos }] : []),
  ];
}

/** One sitemap.xml up to `limit` URLs; past it, an index of parts of at most `limit` URLs each. */
export function splitSitemap(entries: SitemapEntry[], limit = SITEMAP_LIMIT): Sitemap {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`a sitemap limit is a whole number ≥ 1, not ${limit}`);
  if (entries.length <= limit) return { entries, parts: [] };
  const parts = Array.from({ length: Math.ceil(entries.length / limit) }, (_, index) => ({
    url: sitemapPartUrl(index + 1),
    entries: entries.slice(index * limit, (index + 1) * limit),
  }));
  return { entries: [], parts };
}
