import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import { preloadContent } from "../content/load.ts";

/** The project folder: layouts and the Eleventy config are found from here, whatever the working directory. */
export const PROJECT_DIR = fileURLToPath(new URL("../..", import.meta.url));
export const CONFIG_FILE = path.join(PROJECT_DIR, "eleventy.config.ts");
export const LAYOUTS_DIR = path.join(PROJECT_DIR, "layouts");
/** How the CLI hands the content folder to eleventy.config.ts, which Eleventy loads itself. */
export const CONTENT_ENV = "BANTIN_CONTENT";

export interface BuildOptions {
  contentDir: string;
  outDir: string;
}

export interface BuildResult {
  /** Files written by templates (pages, feeds, sitemap), not counting copied assets. */
  pages: number;
  milliseconds: number;
}

/** The sub-path the site is hosted under, from the path of its configured URL: "/" or "/ban-tin/". */
export function pathPrefixOf(siteUrl: string): string {
  return new URL(siteUrl).pathname.replace(/\/*$/, "/");
}

function createEleventy({ contentDir, outDir }: BuildOptions, runMode: "build" | "serve"): Eleventy {
  // Throws a ContentError listing every problem before Eleventy starts.
  const { settings } = preloadContent(contentDir);
  process.env[CONTENT_ENV] = path.resolve(contentDir);
  // Eleventy's base plugin then prefixes every URL of every page with it.
  const pathPrefix = pathPrefixOf(settings.url);
  return new Eleventy(LAYOUTS_DIR, path.resolve(outDir), { configPath: CONFIG_FILE, quietMode: true, runMode, pathPrefix });
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
  const inputs = [contentDir, LAYOUTS_DIR, path.join(PROJECT_DIR, "static"), path.join(PROJECT_DIR, "src"), CONFIG_FILE];
  return fs.statSync(marker).mtimeMs > newestChange(inputs);
}
