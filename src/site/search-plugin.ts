import type UserConfig from "@11ty/eleventy/UserConfig";
import { say } from "../core/messages.ts";
import { SearchIndex } from "../search/indexer.ts";

interface BuildEvent {
  directories: { output: string };
  outputMode: string;
  runMode: string;
  incremental?: boolean;
}

/** Indexes of builds under way in this process; a failed build leaves its own open (Eleventy has no event for it). */
const open = new Set<SearchIndex>();

/** Stops the Pagefind service of any build that did not finish: site/build.ts calls it once a build is over. */
export async function closeSearchIndexes(): Promise<void> {
  const indexes = [...open];
  open.clear();
  await Promise.all(indexes.map((index) => index.close()));
}

/**
 * Eleventy plugin: the search index of every build written to disk (in-memory builds, toJSON, have
 * no files to search). Each article goes to the index as Eleventy renders it; `articleUrls` says which
 * articles the build renders, so that each year is indexed once its last article is in, while the
 * next renders (search/indexer.ts). `npm start` indexes every build, so search follows the saved
 * articles; the years that did not change come from the cache.
 */
export function searchPlugin(eleventyConfig: UserConfig, { articleUrls }: { articleUrls?: () => Iterable<string> } = {}): void {
  let index: SearchIndex | null = null;
  /** Pages of this build already given to the index by the searchBody shortcode. */
  let given = new Set<string>();
  eleventyConfig.on("eleventy.before", async ({ directories, outputMode, incremental }: BuildEvent) => {
    await closeSearchIndexes();
    given = new Set();
    // An incremental build renders only the changed pages: an index of them alone would lose the rest.
    index = outputMode === "fs" && !incremental ? await SearchIndex.open(directories.output, { expectedUrls: articleUrls }) : null;
    if (index) open.add(index);
  });
  // Eleventy renders every page before it writes the first one: an article template wraps what it
  // indexes in {% searchBody %}, so that Pagefind's workers get each year while the rest renders,
  // not once the writing starts. The text is the one the page is written with (its URLs under the
  // site's sub-path, as the base plugin writes them).
  eleventyConfig.addPairedShortcode("searchBody", async function (this: PageContext, content: string) {
    const { url, outputPath } = this.page;
    if (index && typeof outputPath === "string" && outputPath.endsWith(".html")) {
      const withBase = eleventyConfig.getFilter("transformWithHtmlBase") as (this: PageContext, html: string) => Promise<string>;
      index.add(url, await withBase.call(this, content), outputPath);
      given.add(url);
      await pause();
    }
    return content;
  });
  // Any other page goes to the index as it is written; the index keeps only those with data-pagefind-body.
  eleventyConfig.addTransform("bantin-search-index", async function (this: PageContext, content: string) {
    const { url, outputPath } = this.page;
    if (index && typeof outputPath === "string" && outputPath.endsWith(".html")) {
      if (!given.has(url)) index.add(url, content, outputPath);
      await pause();
    }
    return content;
  });
  eleventyConfig.on("eleventy.after", async ({ runMode }: BuildEvent) => {
    const finished = index;
    index = null;
    if (!finished) return;
    open.delete(finished);
    const result = await finished.finish();
    if (runMode !== "build") console.log(say("searchIndexed", { pages: result.pages, indexed: result.shards.indexed, total: result.shards.total }));
  });
}

interface PageContext {
  page: { url: string; outputPath: string | false };
}

/**
 * Rendering keeps this thread from the event loop for seconds: a pause lets a search worker's answer
 * come back, so that the next finished year goes to it while the next page renders.
 */
const pause = () => new Promise((resolve) => setImmediate(resolve));
