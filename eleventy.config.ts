import type UserConfig from "@11ty/eleventy/UserConfig";
import { DEFAULT_CONTENT_DIR } from "./src/core/project.ts";
import { readSettings } from "./src/content/load.ts";
import { pathPrefixOf } from "./src/content/urls.ts";
import { bantinPlugin } from "./src/site/plugin.ts";

/**
 * Eleventy's own CLI builds the sample archive in content/ with this file:
 *   tsx node_modules/@11ty/eleventy/cmd.cjs --config=eleventy.config.ts
 * bantin's commands build through Eleventy's programmatic API with the same plugin (src/site/build.ts),
 * given the content folder they were asked for.
 */
export default function (eleventyConfig: UserConfig) {
  eleventyConfig.addPlugin(bantinPlugin, { contentDir: DEFAULT_CONTENT_DIR });
  return { dir: { input: "layouts" }, pathPrefix: pathPrefixOf(readSettings(DEFAULT_CONTENT_DIR).url) };
}
