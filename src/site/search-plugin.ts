import type UserConfig from "@11ty/eleventy/UserConfig";
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
 * no files to search). Each page is noted as Eleventy renders it; once every page is written, the
 * year shards whose articles changed are indexed again and the index is merged (search/indexer.ts).
 * `npm start` indexes every build, so search follows the saved articles.
 */
export function searchPlugin(eleventyConfig: UserConfig): void {
  let index: SearchIndex | null = null;
  eleventyConfig.on("eleventy.before", async ({ directories, outputMode, incremental }: BuildEvent) => {
    await closeSearchIndexes();
    // An incremental build renders only the changed pages: an index of them alone would lose the rest.
    index = outputMode === "fs" && !incremental ? await SearchIndex.open(directories.output) : null;
    if (index) open.add(index);
  });
  eleventyConfig.addTransform("bantin-search-index", function (this: { page: { url: string; outputPath: string | false } }, content: string) {
    const { url, outputPath } = this.page;
    if (index && typeof outputPath === "string" && outputPath.endsWith(".html")) index.add(url, content, outputPath);
    return content;
  });
  eleventyConfig.on("eleventy.after", async ({ runMode }: BuildEvent) => {
    const finished = index;
    index = null;
    if (!finished) return;
    open.delete(finished);
    const result = await finished.finish();
    if (runMode !== "build") console.log(`[bantin] search index: ${result.pages} articles, ${result.shards.indexed} of ${result.shards.total} years indexed again`);
  });
}
