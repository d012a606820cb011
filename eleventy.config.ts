import path from "node:path";
import { HtmlBasePlugin } from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { CONTENT_ENV, PROJECT_DIR } from "./src/site/build.ts";
import { buildArchive } from "./src/content/archive.ts";
import { takeContent } from "./src/content/load.ts";
import { filters } from "./src/site/filters.ts";
import { searchPlugin } from "./src/search/indexer.ts";
import { stalePagesPlugin } from "./src/site/stale-pages.ts";
import { strings } from "./src/core/strings.ts";

/**
 * Wires bantin's modules into Eleventy. Templates live in layouts/ (Eleventy's input);
 * the editors' content folder comes from BANTIN_CONTENT (default content/), which the CLI sets.
 */
export default function (eleventyConfig: UserConfig) {
  const contentDir = path.resolve(process.env[CONTENT_ENV] ?? path.join(PROJECT_DIR, "content"));

  // Read per build, so that `npm start` picks up edited articles.
  eleventyConfig.addGlobalData("archive", () => buildArchive(takeContent(contentDir)));
  eleventyConfig.addGlobalData("strings", strings);
  for (const [name, filter] of Object.entries(filters)) eleventyConfig.addFilter(name, filter);

  eleventyConfig.addPassthroughCopy({ [path.join(PROJECT_DIR, "static")]: "/" });
  eleventyConfig.addWatchTarget(contentDir);
  eleventyConfig.addPlugin(HtmlBasePlugin);
  // After a build: first remove pages earlier builds left behind, then index what remains.
  eleventyConfig.setEventEmitterMode("sequential");
  eleventyConfig.addPlugin(stalePagesPlugin);
  eleventyConfig.addPlugin(searchPlugin);
  eleventyConfig.setTemplateFormats(["njk"]);

  return {
    dir: { input: "layouts", includes: "_includes", data: "_data" },
    htmlTemplateEngine: "njk",
  };
}
