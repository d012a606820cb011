import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { cmsConfigYaml } from "../cms/config.ts";
import { copyDecapFiles, decapFiles } from "../cms/decap-files.ts";
import type { Archive } from "../content/archive.ts";
import { ROUTES } from "../content/urls.ts";

export interface CmsPluginOptions {
  /** The content folder; the folder that holds it is the repository root the CMS writes into. */
  contentDir: string;
  /** Where the CMS opened on localhost finds the local proxy (src/cms/proxy.ts). */
  localBackendUrl: string;
}

/** Site paths of the decap-cms files a build copies. */
export const cmsFiles = (): string[] => decapFiles().map((name) => `${ROUTES.cms}${name}`);

/**
 * Eleventy plugin of the CMS at /quan-tri/ (src/cms/): its configuration as a filter for the
 * template that writes config.yml (layouts/cms-config.njk), made from this build's archive, and
 * Decap CMS copied from its package before each build written to disk, as the browser bundles are.
 */
export function cmsPlugin(eleventyConfig: UserConfig, { contentDir, localBackendUrl }: CmsPluginOptions): void {
  eleventyConfig.addFilter("cmsConfig", (archive: Archive) =>
    cmsConfigYaml({ settings: archive.settings, categories: archive.categories, contentFolder: path.basename(contentDir), localBackendUrl }),
  );
  eleventyConfig.on("eleventy.before", ({ directories, outputMode }: { directories: { output: string }; outputMode: string }) => {
    if (outputMode !== "fs") return;
    copyDecapFiles(path.join(path.resolve(directories.output), ROUTES.cms));
  });
}
