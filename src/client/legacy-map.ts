// Looking up an old portal address in legacy-redirects.json, the map the build writes
// (src/content/legacy-redirects.ts). Pure code, for the 404 page's script.
import { legacyKey } from "../core/legacy-address.ts";
import { siteHref } from "./links.ts";

/**
 * Where the old address `address` (the path and query the page was opened at) leads by `map`, as an
 * address under `siteRoot`; undefined when the map does not know it.
 */
export function legacyArticleHref(map: unknown, address: string, siteRoot: URL): string | undefined {
  const key = legacyKey(address);
  if (key === undefined || typeof map !== "object" || map === null || !Object.prototype.hasOwnProperty.call(map, key)) return undefined;
  const target = (map as Record<string, unknown>)[key];
  // Only a site-relative path: the map cannot send a reader to another host.
  return typeof target === "string" && /^\/(?!\/)/.test(target) ? siteHref(target, siteRoot, false) : undefined;
}
