import fs from "node:fs";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { siteFiles } from "../core/files.ts";

/** How bantin's pages and feeds name their maker; a file without it is never removed. */
const MADE_BY_BANTIN = /<meta name="generator" content="bantin">|<generator>bantin<\/generator>/;

/**
 * Removes the pages and feeds an earlier build wrote into `outDir` that this build did not: an
 * article renamed, deleted or made a draft, a category emptied. Left there they would still be
 * served, found by search (which indexes every page of the folder) and copied offline. Only files
 * bantin made are touched; anything else in the folder stays. Returns the site paths removed.
 */
export function removeStalePages(outDir: string, written: Iterable<string>): string[] {
  const kept = new Set([...written].map((file) => path.resolve(file)));
  const removed: string[] = [];
  for (const sitePath of siteFiles(outDir)) {
    const file = path.join(outDir, sitePath);
    if (!/\.(html|xml)$/.test(sitePath) || kept.has(file) || !MADE_BY_BANTIN.test(fs.readFileSync(file, "utf8"))) continue;
    fs.rmSync(file);
    removed.push(sitePath);
    // Folders the removal emptied go too: an article's folder, then its day's, when nothing else is left.
    for (let folder = path.dirname(file); folder !== outDir && fs.readdirSync(folder).length === 0; folder = path.dirname(folder)) fs.rmdirSync(folder);
  }
  return removed;
}

/** Eleventy plugin: after each build written to disk, removes what earlier builds left behind. */
export function stalePagesPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.on("eleventy.after", ({ directories, outputMode, results }: { directories: { output: string }; outputMode: string; results: { outputPath: string | false }[] }) => {
    if (outputMode !== "fs") return;
    const written = results.flatMap((result) => (typeof result.outputPath === "string" ? [result.outputPath] : []));
    removeStalePages(path.resolve(directories.output), written);
  });
}
