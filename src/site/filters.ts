import { formatDate, formatDateTime, isoDateTime, vnDate } from "../core/dates.ts";
import { formatNumber, label, strings } from "../core/strings.ts";

/** Caches a one-argument string function: list pages format the same few thousand dates over and over. */
function memoize(format: (iso: string) => string): (iso: string) => string {
  const cache = new Map<string, string>();
  return (iso) => {
    let result = cache.get(iso);
    if (result === undefined) cache.set(iso, (result = format(iso)));
    return result;
  };
}

/** Nunjucks filters of the templates: Vietnamese dates and numbers, labels, absolute URLs. */
export const filters = {
  /** "Thứ Ba, 20/09/2011 09:05". */
  dateTime: memoize((iso) => formatDateTime(vnDate(iso))),
  /** "20/09/2011". */
  date: memoize((iso) => formatDate(vnDate(iso))),
  /** 2011-09-20T09:05:00+07:00 for `<time datetime>` and feeds. */
  isoDate: memoize((iso) => isoDateTime(vnDate(iso))),
  /** "Tháng Chín". */
  monthName: (month: number) => strings.monthNames[month - 1] ?? String(month),
  /** 9638 → "9.638". */
  number: (value: number) => formatNumber(value),
  /** Fills `{name}` placeholders of a label from strings.ts. */
  label: (template: string, values: Record<string, string | number>) => label(template, values),
  /** Two digits: 9 → "09". */
  pad: (value: number) => String(value).padStart(2, "0"),
  /** Site URL + path, for feeds and the sitemap, which need absolute addresses. */
  absolute: (path: string, siteUrl: string) => new URL(path.replace(/^\//, ""), `${siteUrl}/`).href,
};
