// The `_headers` file that Netlify and Cloudflare Pages read from the root of a site: how long a
// browser may keep the search index's files (README, "Xuất bản"). Its rules never overlap: where
// two rules match one file, Cloudflare joins their values with a comma and Netlify keeps one, so a
// catch-all rule for the pages could not be overridden the same way on both. Pages, and every file
// no rule names, keep the hosts' default, REVALIDATE.
import fs from "node:fs";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { siteFiles } from "../core/files.ts";
import { pathPrefixOf } from "../content/urls.ts";
import { PAGEFIND_FOLDER } from "../search/indexer.ts";
import { CONTENT_HASHED_FOLDERS, isContentHashed } from "../search/pagefind-files.ts";

/** Where the file goes in the site, a site path. */
export const HOST_HEADERS_FILE = "/_headers";

/** For a file named by a hash of its content, which therefore never changes: a year, not checked again. */
export const IMMUTABLE = "public, max-age=31536000, immutable";

/** For a file that keeps its name from build to build: checked on every use, a 304 when unchanged. */
export const REVALIDATE = "public, max-age=0, must-revalidate";

/**
 * The `_headers` text for a site under `pathPrefix` ("/" or "/ban-tin/") whose search bundle holds
 * `pagefindFiles` (paths inside the bundle, "/index/vi_1a2b3c4.pf_index"): a rule for each folder of
 * hashed chunks, one for each other file of the bundle, by name. The names of the hashed files are
 * what keeps a browser from mixing builds: a new entry names new chunks, so the entry, the scripts
 * and the WebAssembly are checked every time, and the chunks are kept.
 */
export function hostHeaders(pagefindFiles: readonly string[], pathPrefix: string): string {
  const bundle = `${pathPrefix}${PAGEFIND_FOLDER}`;
  const rules: [string, string][] = [];
  for (const folder of CONTENT_HASHED_FOLDERS) if (pagefindFiles.some((file) => file.startsWith(`/${folder}/`))) rules.push([`${bundle}/${folder}/*`, IMMUTABLE]);
  for (const file of pagefindFiles.filter((file) => file.lastIndexOf("/") === 0)) rules.push([`${bundle}${file}`, isContentHashed(file) ? IMMUTABLE : REVALIDATE]);
  const lines = [
    "# How long browsers may keep the search index's files, for Netlify and Cloudflare Pages (written by",
    '# bantin; see README, "Xuất bản"). Files named by a hash of their content are kept a year; the files',
    "# that name them are checked on every use, as the pages are by these hosts' default.",
    ...rules.flatMap(([url, cacheControl]) => [url, `  Cache-Control: ${cacheControl}`]),
  ];
  return `${lines.join("\n")}\n`;
}

/**
 * Eleventy plugin: writes `_headers` once the search index is written (it registers after the search
 * plugin, and listeners run in turn), from the files of the bundle. Builds without an index on disk
 * (in memory) have none.
 */
export function hostHeadersPlugin(eleventyConfig: UserConfig, { siteUrl }: { siteUrl: () => string }): void {
  eleventyConfig.on("eleventy.after", ({ directories, outputMode }: { directories: { output: string }; outputMode: string }) => {
    const bundle = path.join(directories.output, PAGEFIND_FOLDER);
    if (outputMode !== "fs" || !fs.existsSync(bundle)) return;
    fs.writeFileSync(path.join(directories.output, HOST_HEADERS_FILE), hostHeaders(siteFiles(bundle), pathPrefixOf(siteUrl())));
  });
}
