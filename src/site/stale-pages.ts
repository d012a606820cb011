import fs from "node:fs";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { siteFiles } from "../core/files.ts";
import { removeListed } from "../core/folder-swap.ts";
import { writeManifest } from "../core/manifest.ts";
import { STATIC_DIR } from "../core/project.ts";
import { PAGEFIND_FOLDER } from "../search/indexer.ts";
import { CLIENT_SCRIPTS } from "./client-scripts.ts";
import { cmsFiles } from "./cms-plugin.ts";
import { HOST_HEADERS_FILE } from "./host-headers.ts";

/**
 * Everything a build writes into `outDir`, as site paths: the templates' output, the static files,
 * the browser bundles, the CMS's copy of Decap CMS, the search index and the hosts' `_headers`
 * that goes with it. Only those that are there: npm start indexes once.
 */
export function builtFiles(outDir: string, results: readonly { outputPath: string | false }[]): Set<string> {
  const sitePath = (file: string) => `/${path.relative(outDir, file).split(path.sep).join("/")}`;
  const index = path.join(outDir, PAGEFIND_FOLDER);
  const pagefind = fs.existsSync(index) ? siteFiles(index).map((file) => `/${PAGEFIND_FOLDER}${file}`) : [];
  return new Set([
    ...results.flatMap((result) => (typeof result.outputPath === "string" ? [sitePath(path.resolve(result.outputPath))] : [])),
    ...siteFiles(STATIC_DIR),
    ...CLIENT_SCRIPTS.map((script) => script.url),
    ...cmsFiles(),
    ...pagefind,
    ...(fs.existsSync(path.join(outDir, HOST_HEADERS_FILE)) ? [HOST_HEADERS_FILE] : []),
  ]);
}

/**
 * Eleventy plugin for a site written in place (npm start): after each build, removes the files the
 * folder's manifest lists that this build did not write (an article renamed, deleted or made a
 * draft, a category emptied), which would otherwise still be served and found. Nothing else is
 * touched. The manifest then lists this build's files and stays "incomplete": the search index is
 * the first build's, and a later build or `offline` must not take the folder as finished.
 */
export function stalePagesPlugin(eleventyConfig: UserConfig, { outDir, listed }: { outDir: string; listed: readonly string[] }): void {
  let previous = [...listed];
  eleventyConfig.on("eleventy.after", ({ outputMode, results }: { outputMode: string; results: { outputPath: string | false }[] }) => {
    if (outputMode !== "fs") return;
    const written = builtFiles(outDir, results);
    removeListed(
      outDir,
      previous.filter((file) => !written.has(file)),
    );
    previous = [...written].sort();
    writeManifest(outDir, { tool: "bantin", kind: "site", complete: false, sources: "", files: previous });
  });
}
