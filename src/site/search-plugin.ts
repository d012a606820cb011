import type UserConfig from "@11ty/eleventy/UserConfig";
import { indexSite } from "../search/indexer.ts";

/**
 * Eleventy plugin: indexes the site after Eleventy has written it. Only for builds written to disk
 * (outputMode "fs"): in-memory builds (toJSON) have no files to index. A build indexes every time;
 * `npm start` indexes its first build only, because the index of a large archive takes seconds and
 * every saved file would redo it: restart `npm start` to search articles edited since.
 */
export function searchPlugin(eleventyConfig: UserConfig): void {
  let indexedOnce = false;
  eleventyConfig.on("eleventy.after", async ({ directories, outputMode, runMode }: { directories: { output: string }; outputMode: string; runMode: string }) => {
    if (outputMode !== "fs") return;
    const serving = runMode !== "build";
    if (serving && indexedOnce) {
      console.log("[bantin] search index kept from the first build; restart npm start to search edited articles");
      return;
    }
    const result = await indexSite(directories.output);
    indexedOnce = true;
    if (serving) console.log(`[bantin] search index: ${result.pages} articles in ${(result.milliseconds / 1000).toFixed(1)} s`);
  });
}
