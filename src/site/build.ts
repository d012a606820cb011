import fs from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { errorChain, findContentError, problemLines } from "../core/errors.ts";
import { folderSize } from "../core/files.ts";
import { writeManifest } from "../core/manifest.ts";
import { say } from "../core/messages.ts";
import { holdOutputFolder, type OutputFolder, type OutputSpec, replaceOutput, withOutputFolder } from "../core/output-folder.ts";
import { LAYOUTS_DIR, PROJECT_DIR, STATIC_DIR } from "../core/project.ts";
import { hashSources } from "../core/source-hash.ts";
import { type Content, readSettings } from "../content/load.ts";
import { loadContentInParallel } from "../content/load-parallel.ts";
import { pathPrefixOf } from "../content/urls.ts";
import { bantinPlugin } from "./plugin.ts";
import { PreviewProblems } from "./preview-problems.ts";
import { closeSearchIndexes } from "./search-plugin.ts";
import { stalePagesPlugin } from "./stale-pages.ts";

export interface BuildOptions {
  contentDir: string;
  outDir: string;
  /** The port of the CMS's local proxy the site's /quan-tri/ asks on localhost (npm run cms); decap-server's default otherwise. */
  cmsProxyPort?: number;
  /** Overrides the settings' `url` for this build (`--base-url`), normalised by normalizeSiteUrl. */
  siteUrl?: string;
}

export interface BuildResult {
  /** Files written by templates (pages, feeds, sitemap), not counting copied assets. */
  pages: number;
  milliseconds: number;
  /** Where the time went; `BANTIN_TIMINGS=1` prints it as one JSON line on stderr (the benchmark reads it). */
  stages: BuildStages;
}

/**
 * Milliseconds of each stage of a build: `hash` the sources' hash for the manifest, `content` reading
 * and checking the content folder, `pages` Eleventy up to its "eleventy.after" event (set-up, the
 * browser bundles, the archive, rendering and writing pages, copying static/, and whatever the search
 * index does meanwhile), `index` from that event until Eleventy is done (what the search index does
 * once the pages are written), `total` all of buildSite, its lock, manifest and swap included.
 * A stage a build did not run is 0.
 */
export interface BuildStages {
  hash: number;
  content: number;
  pages: number;
  index: number;
  total: number;
}

/** What a site is made from, and so what the hash in its manifest covers: `offline` rebuilds when any of it changes. */
export function siteSources(contentDir: string): string[] {
  return [path.resolve(contentDir), LAYOUTS_DIR, STATIC_DIR, path.join(PROJECT_DIR, "src"), path.join(PROJECT_DIR, "package-lock.json")];
}

/** The hash of a site's sources and of the site URL it was built for when that is not the settings' own. */
function hashSite({ contentDir, siteUrl }: BuildOptions): string {
  return hashSources(siteSources(contentDir), siteUrl === undefined ? [] : [`base-url ${siteUrl}`]);
}

function siteSpec(contentDir: string, command: string): OutputSpec {
  return { kind: "site", guards: [{ path: contentDir, name: say("guardContent") }], command, example: "dist" };
}

/**
 * Eleventy writing into `outDir`, its own error report replaced by `onError`: a build reports its
 * failure in one line through the CLI, npm start through `onError`, neither with Eleventy's trace.
 */
function createEleventy(
  { contentDir, cmsProxyPort, siteUrl }: Omit<BuildOptions, "outDir">,
  content: Content | undefined,
  outDir: string,
  runMode: "build" | "serve",
  onError: (error: unknown) => void,
  configure?: (config: UserConfig) => void,
): Eleventy {
  // Eleventy's base plugin prefixes every URL of every page with it.
  const pathPrefix = pathPrefixOf(siteUrl ?? content?.settings.url ?? siteUrlIfReadable(contentDir));
  const config = (eleventyConfig: UserConfig) => {
    eleventyConfig.addPlugin(bantinPlugin, { contentDir: path.resolve(contentDir), content, cmsProxyPort, siteUrl });
    configure?.(eleventyConfig);
  };
  const eleventy = new Eleventy(LAYOUTS_DIR, outDir, { config, quietMode: true, runMode, pathPrefix });
  const reported = new WeakSet<object>();
  const report = (error: unknown) => {
    if (typeof error === "object" && error !== null && reported.has(error)) return;
    if (typeof error === "object" && error !== null) reported.add(error);
    onError(error);
  };
  eleventy.errorHandler.error = report;
  eleventy.errorHandler.fatal = report;
  return eleventy;
}

/** The site URL of the settings, or the root while they have problems (npm start shows them). */
function siteUrlIfReadable(contentDir: string): string {
  try {
    return readSettings(contentDir).url;
  } catch (error) {
    if (!findContentError(error)) throw error;
    return "http://localhost/";
  }
}

/** Builds the site into `dir`, a fresh folder; Eleventy's lines are printed only when it succeeds. */
async function writeSite(site: BuildOptions, content: Content, dir: string): Promise<BuildResult> {
  const started = performance.now();
  let indexStarted: number | undefined;
  // Listeners added by the config itself run before those of its plugins: this one marks the end
  // of the pages and the start of the search index (search-plugin.ts).
  const eleventy = createEleventy(site, content, dir, "build", () => {}, (config) =>
    config.on("eleventy.after", () => {
      indexStarted = performance.now();
    }),
  );
  // Held until the build succeeds: a failed build is the one line the CLI prints.
  const lines: [(line: string) => void, string][] = [];
  const hold = (print: (line: string) => void) => (line: string) => lines.push([print, line]);
  eleventy.logger.overrideLogger({ log: hold(console.log), info: hold(console.info), warn: hold(console.warn), error: () => {} });
  let results: [unknown[], { outputPath?: string }[]];
  try {
    results = (await eleventy.write()) as unknown as typeof results;
  } catch (error) {
    // A failed build leaves its search index open, and Pagefind's process with it.
    await closeSearchIndexes();
    await untilStill(dir);
    throw error;
  }
  for (const [print, line] of lines) print(line);
  const written = results.flat().filter((entry) => typeof entry === "object" && entry !== null && "content" in entry);
  const ended = performance.now();
  const pages = (indexStarted ?? ended) - started;
  return { pages: written.length, milliseconds: Math.round(ended - started), stages: { hash: 0, content: 0, pages: Math.round(pages), index: Math.round(ended - started - pages), total: 0 } };
}

/** How often, and how long at most, a failed build's folder is watched until Eleventy stops writing into it. */
const STILL_MS = 100;
const STILL_MAX_MS = 60_000;

/**
 * When one template fails, Eleventy rejects at once while its other templates and copies go on
 * writing: the folder is removed only once they have stopped, or they would make parts of it again
 * (and a copy failing there would be an unhandled rejection).
 */
export async function untilStill(dir: string): Promise<void> {
  let last = "";
  for (let waited = 0; waited < STILL_MAX_MS; waited += STILL_MS) {
    const now = JSON.stringify(folderSize(dir));
    if (now === last) return;
    last = now;
    await new Promise((resolve) => setTimeout(resolve, STILL_MS));
  }
}

/** Builds beside the held folder and swaps the complete site in; content errors throw before anything is written. */
async function buildInto(folder: OutputFolder, site: BuildOptions, sources: string): Promise<BuildResult> {
  // Throws a ContentError listing every problem before Eleventy starts.
  const started = performance.now();
  const content = await loadContentInParallel(site.contentDir);
  const loaded = Math.round(performance.now() - started);
  let result: BuildResult | undefined;
  await replaceOutput(folder, sources, async (dir) => {
    result = await writeSite(site, content, dir);
  });
  return { ...result!, stages: { ...result!.stages, content: loaded } };
}

/**
 * Builds the site into `outDir`, complete or not at all (docs/design.md, "Output folders"); rejects
 * with a ContentError for bad content, a UserError for a refused or unwritable folder.
 */
export async function buildSite(site: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  let hash = 0;
  const result = await withOutputFolder(site.outDir, siteSpec(site.contentDir, "npm run build"), (folder) => {
    const hashing = performance.now();
    const sources = hashSite(site);
    hash = Math.round(performance.now() - hashing);
    return buildInto(folder, site, sources);
  });
  const stages = { ...result.stages, hash, total: Math.round(performance.now() - started) };
  if (process.env.BANTIN_TIMINGS === "1") process.stderr.write(`${JSON.stringify({ bantinTimings: stages })}\n`);
  return { ...result, stages };
}

/**
 * Runs `use` on the built site in `outDir`, building it first unless its manifest says it is
 * complete and made from the current sources; the folder stays held meanwhile, so that no other
 * command rebuilds it under `use`. `use` learns whether the site was reused.
 */
export async function withCurrentSite<T>(site: BuildOptions, command: string, use: (reused: boolean) => Promise<T>): Promise<T> {
  return withOutputFolder(site.outDir, siteSpec(site.contentDir, command), async (folder) => {
    const sources = hashSite(site);
    const { previous } = folder;
    const reused = previous !== undefined && previous.complete && previous.sources === sources && previous.files.every((file) => fs.existsSync(path.join(folder.path, file)));
    if (!reused) await buildInto(folder, site, sources);
    return use(reused);
  });
}

/**
 * Builds, then serves with live reload, rebuilding when content or layouts change. Eleventy writes
 * in place here: the folder is held while serving, and its manifest says "incomplete" throughout,
 * so that `offline` never takes it for a finished build.
 */
export async function serveSite(site: BuildOptions, port: number): Promise<void> {
  const { contentDir, outDir } = site;
  const { folder, lock } = holdOutputFolder(outDir, siteSpec(contentDir, "npm start"));
  process.once("exit", () => lock.release());
  // Ctrl+C ends npm start: let the folder go, then end as the signal would have.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      lock.release();
      process.kill(process.pid, signal);
    });
  }
  try {
    const relative = path.relative(process.cwd(), path.resolve(contentDir));
    const shown = relative.startsWith("..") || path.isAbsolute(relative) ? path.resolve(contentDir) : relative || ".";
    // Content with problems does not stop npm start: they are shown until they are fixed.
    const problems = new PreviewProblems();
    let content: Content | undefined;
    try {
      content = await loadContentInParallel(contentDir);
    } catch (error) {
      if (!findContentError(error)) throw error;
    }
    fs.mkdirSync(folder.path, { recursive: true });
    const listed = folder.previous?.files ?? [];
    writeManifest(folder.path, { tool: "bantin", kind: "site", complete: false, sources: "", files: listed });
    let serving = false;
    const eleventy = createEleventy(
      site,
      content,
      folder.path,
      "serve",
      (error) => {
        const lines = failureLines(error, shown);
        console.error(lines.join("\n"));
        if (!findContentError(error)) return;
        problems.show(lines.map((line) => line.replace(/^\[bantin\] /, "")));
        // Open pages reload, and so show the problems.
        if (serving) void (eleventy.eleventyServe as LiveReload).reload({ files: [], build: { templates: [] } });
      },
      (config) => {
        config.addPlugin(stalePagesPlugin, { outDir: folder.path, listed });
        config.setServerOptions({ middleware: [problems.middleware] });
        config.on("eleventy.after", () => problems.clear());
      },
    );
    // watch() reads Eleventy's benchmarks before its first build would set them up: init() does.
    await eleventy.init();
    await watchThroughProblems(eleventy);
    await eleventy.serve(port);
    serving = true;
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** Eleventy's dev server as its watcher calls it (src/EleventyServe.js, 3.1): no template matches, so open pages reload whole. */
interface LiveReload {
  reload(event: { files: string[]; build: { templates: unknown[] } }): Promise<void>;
}

/**
 * Eleventy's watch(), whose first build may fail on the content: it then watches all the same, so
 * that fixing the content rebuilds (Eleventy would stop before watching). Other errors stop it.
 */
async function watchThroughProblems(eleventy: Eleventy): Promise<void> {
  const write = eleventy.write.bind(eleventy);
  let first = true;
  eleventy.write = async () => {
    if (!first) return write();
    first = false;
    try {
      return await write();
    } catch (error) {
      if (!findContentError(error)) throw error;
      return [[], []] as unknown as Awaited<ReturnType<typeof write>>;
    }
  };
  await eleventy.watch();
}

/** A failed rebuild of npm start: each content problem on a line under the content folder, or the errors' messages on one line. */
export function failureLines(error: unknown, contentDir: string): string[] {
  const contentError = findContentError(error);
  if (contentError) {
    const [summary, ...problems] = problemLines(contentError, contentDir);
    return [`[bantin] ${summary}`, ...problems];
  }
  const messages: string[] = [];
  for (const { message } of errorChain(error)) {
    const line = message.replace(/\s+/g, " ").trim();
    if (line && !messages.some((known) => known.includes(line))) messages.push(line);
  }
  return [say("rebuildFailed", { reason: messages.join(": ") || String(error) })];
}
