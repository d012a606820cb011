import { HtmlBasePlugin } from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { STATIC_DIR } from "../core/project.ts";
import { strings } from "../core/strings.ts";
import { buildArchive } from "../content/archive.ts";
import { type Content, loadContent } from "../content/load.ts";
import { legacyRedirects } from "../content/legacy-redirects.ts";
import { SITEMAP_LIMIT, sitemapEntries, splitSitemap } from "../content/sitemap.ts";
import { DEFAULT_PROXY_PORT, localBackendUrl } from "../cms/proxy.ts";
import { clientScriptsPlugin } from "./client-scripts.ts";
import { cmsPlugin } from "./cms-plugin.ts";
import { renderPagesAsWritten } from "./eleventy-memory.ts";
import { filters } from "./filters.ts";
import { fontsStylesheet } from "./fonts.ts";
import { hostHeadersPlugin } from "./host-headers.ts";
import { searchPlugin } from "./search-plugin.ts";

export interface BantinOptions {
  /** The editors' content folder. */
  contentDir: string;
  /** That folder's content, already read and checked: the first build takes it instead of reading again. */
  content?: Content;
  /** At most this many URLs in one sitemap file; tests lower it to see the sitemap index without 50,000 pages. */
  sitemapLimit?: number;
  /** The port of the CMS's local proxy (npm run cms); decap-server's own by default. */
  cmsProxyPort?: number;
  /**
   * The site URL to build for instead of the settings' `url` (`--base-url`: a preview, a fork's
   * GitHub Pages site); canonical links, feeds, the sitemap and the sub-path follow it.
   */
  siteUrl?: string;
}

/**
 * bantin as an Eleventy plugin: the archive and the strings as global data, the filters, the static
 * files, and what runs after a build. Templates come from Eleventy's input folder (layouts/).
 */
await renderPagesAsWritten();

export function bantinPlugin(eleventyConfig: UserConfig, { contentDir, content, sitemapLimit = SITEMAP_LIMIT, cmsProxyPort = DEFAULT_PROXY_PORT, siteUrl }: BantinOptions): void {
  let preloaded = content;
  let articleUrls: string[] = [];
  let builtSiteUrl = "";
  // Read per build, so that `npm start` picks up edited articles.
  eleventyConfig.addGlobalData("archive", () => {
    const current = withSiteUrl(preloaded ?? loadContent(contentDir), siteUrl);
    preloaded = undefined;
    articleUrls = current.articles.map((article) => article.url);
    builtSiteUrl = current.settings.url;
    const archive = buildArchive(current);
    // The sitemap lists the archive's pages, split at this build's limit.
    return { ...archive, sitemap: splitSitemap(sitemapEntries(archive), sitemapLimit), legacyRedirects: legacyRedirects(archive.articles, archive.settings.url) };
  });
  eleventyConfig.addGlobalData("strings", strings);
  for (const [name, filter] of Object.entries(filters)) eleventyConfig.addFilter(name, filter);

  eleventyConfig.addPassthroughCopy({ [STATIC_DIR]: "/" });
  eleventyConfig.addShortcode("fontFaces", fontsStylesheet);
  eleventyConfig.addWatchTarget(contentDir);
  eleventyConfig.addPlugin(HtmlBasePlugin);
  eleventyConfig.addPlugin(clientScriptsPlugin);
  eleventyConfig.addPlugin(cmsPlugin, { contentDir, localBackendUrl: localBackendUrl(cmsProxyPort) });
  // After a build, listeners run in the order registered: the index first, the hosts' `_headers`
  // made from its files, then (npm start) the clean-up and manifest that site/build.ts registers
  // after this plugin.
  eleventyConfig.setEventEmitterMode("sequential");
  eleventyConfig.addPlugin(searchPlugin, { articleUrls: () => articleUrls });
  eleventyConfig.addPlugin(hostHeadersPlugin, { siteUrl: () => builtSiteUrl });
  eleventyConfig.setTemplateFormats(["njk"]);
}

/** The content with `siteUrl`, when given, as its settings' `url`, in the form the settings schema keeps it. */
function withSiteUrl(content: Content, siteUrl: string | undefined): Content {
  return siteUrl === undefined ? content : { ...content, settings: { ...content.settings, url: siteUrl.replace(/\/+$/, "") } };
}
