// Addresses of the old SharePoint portal, reduced to the form in which two links to one page are
// equal. Pure: the build keys its redirect map with it, and the 404 page's script looks up the
// address it was opened at with the same function.

/**
 * The lookup key of an old portal address, absolute ("http://host/tintuc/Post.aspx?ID=455") or a
 * path with its query ("/tintuc/Post.aspx?id=455"): "/tintuc/post.aspx?id=455". The host, the
 * scheme and any fragment are dropped; the path and the names of query parameters are lower-cased,
 * as IIS and SharePoint match them without regard to case; parameters are sorted by name, as their
 * order means nothing to the portal. Values are kept as written. Undefined for what is not an
 * http(s) address or a path.
 */
export function legacyKey(address: string): string | undefined {
  let url: URL;
  try {
    // A path is read against a placeholder host, which the key leaves out anyway.
    url = new URL(address, "http://legacy.invalid/");
  } catch {
    return undefined;
  }
  if (!/^https?:$/.test(url.protocol) || !/^(https?:\/\/|\/)/i.test(address.trim())) return undefined;
  const parameters = [...url.searchParams].map(([name, value]) => [name.toLowerCase(), value] as [string, string]);
  parameters.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = new URLSearchParams(parameters).toString();
  return `${url.pathname.toLowerCase()}${query ? `?${query}` : ""}`;
}
