// Addresses in the browser. The URL scheme itself is not here: pages carry it as data rendered
// from src/content/urls.ts (site-relative paths such as "/2011/09/20/"), and Pagefind gives
// site-relative result URLs; this only resolves them against where the site is. Pure code.
import { label } from "../core/strings.ts";

/**
 * The site root, from the address of the running script (`document.currentScript`), as scripts
 * live in /js/: works under a sub-path (https://example.org/ban-tin/) and from disk
 * (file:///…/Bản tin lưu trữ/). Without one, the root of the page's host.
 */
export function siteRootOf(scriptSrc: string | undefined, pageUrl: string): URL {
  return scriptSrc ? new URL("../", scriptSrc) : new URL("/", pageUrl);
}

/**
 * A site-relative path ("/2011/09/20/slug/") as an address under the site root. From disk a folder
 * does not open its index.html by itself, so it is named.
 */
export function siteHref(sitePath: string, siteRoot: URL, fromDisk: boolean): string {
  let path = sitePath.replace(/^\//, "");
  if (fromDisk && (path === "" || path.endsWith("/"))) path += "index.html";
  return new URL(path, siteRoot).href;
}

/**
 * The address of a day's archive: `dayUrl` is the page's template of it ("/{yyyy}/{mm}/{dd}/",
 * rendered from the URL scheme), `value` a date input's value ("2011-09-20"). Undefined when the
 * value is not a day.
 */
export function dayHref(dayUrl: string, value: string, siteRoot: URL, fromDisk: boolean): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [, yyyy, mm, dd] = match as unknown as [string, string, string, string];
  return siteHref(label(dayUrl, { yyyy, mm, dd }), siteRoot, fromDisk);
}
