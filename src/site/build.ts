import fs from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { LAYOUTS_DIR, PROJECT_DIR, STATIC_DIR } from "../core/project.ts";
import { loadContent } from "../content/load.ts";
import { pathPrefixOf } from "../content/urls.ts";
import { bantinPlugin } from "./plugin.ts";

export interface BuildOptions {
  contentDir: string;
  outDir: string;
}

export interface BuildResult {
  /** Files written by templates (pages, feeds, sitemap), not counting copied assets. */
  pages: number;
  milliseconds: number;
}

function createEleventy({ contentDir, outDir }: BuildOptions, runMode: "build" | "serve"): Eleventy {
  // Throws a ContentError listing every problem before Eleventy starts.
  const content = loadContent(contentDir);
  // Eleventy's base plugin then prefixes every URL of every page with it.
  const pathPrefix = pathPrefixOf(content.settings.url);
  const config = (eleventyConfig: UserConfig) => eleventyConfig.addPlugin(bantinPlugin, { contentDir: path.resolve(contentDir), content });
  return new Eleventy(LAYOUTS_DIR, path.resolve(outDir), { config, quietMode: true, runMode, pathPrefix });
}

/** Builds the site into `outDir`; rejects with a ContentError for bad content. */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const eleventy = createEleventy(options, "build");
  const results = (await eleventy.write()) as unknown as [unknown[], { outputPath?: string }[]];
  const written = results.flat().filter((entry) => typeof entry === "object" && entry !== null && "content" in entry);
  return { pages: written.length, milliseconds: Math.round(performance.now() - started) };
}

/** Builds, then serves with live reload, rebuilding when content or layouts change. */
export async function serveSite(options: BuildOptions, port: number): Promise<void> {
  const eleventy = createEleventy(options, "serve");
  // watch() reads Eleventy's benchmarks before its first build would set them up: init() does.
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(port);
}

/** Newest modification time of the files under some paths (folders walked recursively). */
function newestChange(paths: string[]): number {
  let newest = 0;
  for (const entry of paths) {
    if (!fs.existsSync(entry)) continue;
    const stat = fs.statSync(entry);
    if (!stat.isDirectory()) newest = Math.max(newest, stat.mtimeMs);
    else for (const file of fs.readdirSync(entry, { recursive: true, encoding: "utf8" })) newest = Math.max(newest, fs.statSync(path.join(entry, file)).mtimeMs);
  }
  return newest;
}

/** True when `outDir` holds a build newer than every input: content, layouts, static files, code. */
export function isBuildFresh({ contentDir, outDir }: BuildOptions): boolean {
  const marker = path.join(outDir, "index.html");
  if (!fs.existsSync(marker)) return false;
  const inputs = [contentDir, LAYOUTS_DIR, STATIC_DIR, path.join(PROJECT_DIR, "src"), path.join(PROJECT_DIR, "eleventy.config.ts")];
  return fs.statSync(marker).mtimeMs > newestChange(inputs);
}
