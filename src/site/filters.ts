import { vietnamIso } from "../core/dates.ts";
import { formatDate, formatDateTime, formatNumber } from "../core/format.ts";
import { label, strings } from "../core/strings.ts";
import type { Article } from "../content/load.ts";
import type { Settings } from "../content/schema.ts";
import { articleSharing, jsonForScript, newsArticle, pageSharing } from "../content/sharing.ts";
import { absoluteUrl, categoryFeedUrl, categoryUrl, dayUrl, monthUrl, ROUTES, type RouteName, yearUrl } from "../content/urls.ts";

/** Caches a one-argument string function: list pages format the same few thousand dates over and over. */
function memoize(format: (iso: string) => string): (iso: string) => string {
  const cache = new Map<string, string>();
  return (iso) => {
    let result = cache.get(iso);
    if (result === undefined) cache.set(iso, (result = format(iso)));
    return result;
  };
}

/** Nunjucks filters of the templates: Vietnamese dates and numbers, labels, and the URL scheme. */
export const filters = {
  /** "Thứ Ba, 20/09/2011 09:05". */
  dateTime: memoize(formatDateTime),
  /** "20/09/2011". */
  date: memoize(formatDate),
  /** 2011-09-20T09:05:00+07:00 for `<time datetime>` and feeds. */
  isoDate: memoize(vietnamIso),
  /** "Tháng Chín". */
  monthName: (month: number) => strings.monthNames[month - 1] ?? String(month),
  /** 9638 → "9.638". */
  number: (value: number) => formatNumber(value),
  /** Fills `{name}` placeholders of a label from strings.ts. */
  label: (template: string, values: Record<string, string | number>) => label(template, values),
  /** Two digits: 9 → "09". */
  pad: (value: number) => String(value).padStart(2, "0"),
  /** `"archive" | route` → "/luu-tru/": the pages that exist once per site. */
  route: (name: RouteName) => {
    if (!Object.hasOwn(ROUTES, name)) throw new Error(`no route named "${name}"; known: ${Object.keys(ROUTES).join(", ")}`);
    return ROUTES[name];
  },
  /** `2011 | yearUrl` → "/2011/". */
  yearUrl,
  /** `2011 | monthUrl(9)` → "/2011/09/". */
  monthUrl,
  /** `2011 | dayUrl(9, 20)` → "/2011/09/20/". */
  dayUrl,
  /** `"cac-chuyen-de" | categoryUrl` → "/chuyen-muc/cac-chuyen-de/". */
  categoryUrl,
  categoryFeedUrl,
  /** Site URL + path, for feeds and the sitemap, which need absolute addresses. */
  absolute: absoluteUrl,
  /** Path on the host, the site's sub-path included: "/quan-tri/" → "/ban-tin/quan-tri/", for robots.txt, which files other than HTML pages are. */
  hostPath: (sitePath: string, siteUrl: string) => new URL(absoluteUrl(sitePath, siteUrl)).pathname,
  /** `page.url | pageSharing(site, pageTitle, description)`: canonical address, Open Graph and Twitter card of a page. */
  pageSharing: (path: string, settings: Settings, title?: string, description?: string) => pageSharing(settings, path, title, description),
  /** `article | articleSharing(site)`: the same for an article page. */
  articleSharing: (article: Article, settings: Settings) => articleSharing(settings, article),
  /** `article | newsArticle(site)`: the schema.org NewsArticle of an article page. */
  newsArticle: (article: Article, settings: Settings) => newsArticle(settings, article),
  /** A value as JSON that cannot end the <script> element it is written into. */
  jsonForScript,
};
