// The ZIM edition: one file that Kiwix readers open and kiwix-serve serves. Debian's zimwriterfs
// (zim-tools) packs a copy of the site made as the offline copy is (relative links, search from
// classic scripts only, so without the index files they wrap), its pages marked for Kiwix's
// full-text index (zim-pages.ts). zimwriterfs is
// libzim's own packer: it writes the Xapian index Kiwix searches, which no npm package does
// without downloading libzim from outside the registry.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { UserError } from "../core/errors.ts";
import { siteFiles } from "../core/files.ts";
import { MANIFEST_FILE, readManifest } from "../core/manifest.ts";
import { say } from "../core/messages.ts";
import { type Guard, realPath } from "../core/output-folder.ts";
import { slugify } from "../core/slug.ts";
import { writeFailure } from "../core/write-errors.ts";
import { copySite, escapeAttribute } from "./copy.ts";
import { checkFileTarget, writeFileBeside } from "./file-output.ts";
import { zimPage } from "./zim-pages.ts";

/** Inside every ZIM bantin writes: how it knows a ZIM it may replace. */
export const ZIM_MARKER = ".bantin-zim.json";
/** The 48×48 PNG Kiwix shows for the archive in its library, drawn from the site's icon. */
const ILLUSTRATION = "kiwix-48.png";
const ICON = "favicon.svg";
/** Files only a web host reads: its headers and redirect rules, and what it tells crawlers. */
const HOST_ONLY = /^\/(?:_headers|_redirects|robots\.txt|legacy-redirects\.nginx\.conf|sitemap(?:-\d+)?\.xml)$/;
/** A ZIM file starts with these four bytes (0x044D495A, little-endian). */
const ZIM_MAGIC = Buffer.from([0x5a, 0x49, 0x4d, 0x04]);
/** Kiwix cuts longer titles and descriptions (openZIM metadata rules). */
const TITLE_MAX = 30;
const DESCRIPTION_MAX = 80;

/** What the ZIM says of the archive: the site settings' fields of these names. */
export interface ZimMetadata {
  title: string;
  description?: string;
  /** The hosted site's URL: the ZIM's Source, and its name. */
  url: string;
}

export interface ZimOptions {
  /** The sub-path the site was built for ("/ban-tin/"), which the ZIM does not have. */
  pathPrefix?: string;
  /** Folders the ZIM must keep clear of besides the project's own and the site: the content folder. */
  guards?: readonly Guard[];
  /** Folders of the site not packed, as site paths ending in "/": the CMS, which needs a server to save through. */
  leaveOut?: readonly string[];
}

export interface ZimResult {
  bytes: number;
  /** Files packed: pages, the rest of the site, and the redirects of old addresses. */
  files: number;
  redirects: number;
}

/** True when `file` is a ZIM that bantin wrote: a ZIM (its magic number) holding bantin's marker. */
export async function isBantinZim(file: string): Promise<boolean> {
  const head = Buffer.alloc(4);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, head, 0, 4, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!head.equals(ZIM_MAGIC)) return false;
  const { code } = await run("zimdump", ["list", `--url=${ZIM_MARKER}`, "--", file]);
  return code === 0;
}

/** Refuses a ZIM target in or around a guarded folder, a folder or other non-file, and a file bantin did not write. */
export async function checkZimTarget(zimFile: string, guards: readonly Guard[]): Promise<void> {
  const target = realPath(zimFile);
  if (checkFileTarget(target, guards, "zimFile") && !(await isBantinZim(target))) throw new UserError(say("zimForeign", { target, marker: ZIM_MARKER }), 2);
}

/**
 * Writes the ZIM edition of the built site at `siteDir` into `zimFile`, whole or not at all
 * (writeFileBeside), packed from a copy in a temporary folder that is removed in any case.
 */
export async function writeZim(siteDir: string, zimFile: string, metadata: ZimMetadata, { pathPrefix = "/", guards = [], leaveOut = [] }: ZimOptions = {}): Promise<ZimResult> {
  const source = realPath(siteDir);
  const site = readManifest(source);
  if (!site || site.kind !== "site" || !site.complete) throw new UserError(say("noCompleteSite", { source, manifest: MANIFEST_FILE, state: say(site ? "manifestUnfinished" : "manifestMissing") }));
  const target = realPath(zimFile);
  await checkZimTarget(target, [...guards, { path: source, name: say("guardCopiedSite") }]);
  if (!site.files.includes(`/${ICON}`)) throw new UserError(say("zimNoIcon", { source, icon: ICON }));
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "bantin-zim-"));
  try {
    const packed = site.files.filter((file) => !HOST_ONLY.test(file) && !leaveOut.some((folder) => file.startsWith(folder)));
    await copySite(source, packed, copy, pathPrefix, { editPage: (html) => zimPage(html, metadata.title), wrappedIndexOnly: true });
    fs.writeFileSync(path.join(copy, ILLUSTRATION), illustration(path.join(source, ICON)));
    fs.writeFileSync(path.join(copy, ZIM_MARKER), `${JSON.stringify({ tool: "bantin", kind: "zim", source: metadata.url })}\n`);
    const redirects = legacyRedirects(source).filter(([from]) => !fs.existsSync(path.join(copy, from)));
    for (const [from, to] of redirects) writeRedirectPage(copy, from, to);
    const files = siteFiles(copy).length;
    await writeFileBeside(target, (partial) => zimwriterfs(copy, partial, metadata));
    return { bytes: fs.statSync(target).size, files, redirects: redirects.length };
  } catch (error) {
    // A full disk may be the copy's doing, before the ZIM's file was begun.
    throw writeFailure(error, target) ?? error;
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

/** The site's icon drawn at 48×48, as Kiwix's library shows a collection. */
function illustration(svgFile: string): Buffer {
  return new Resvg(fs.readFileSync(svgFile), { fitTo: { mode: "width", value: 48 } }).render().asPng();
}

/**
 * Old addresses as ZIM redirects, ZIM paths without the leading "/", lower-cased as the site's map
 * keys them (core/legacy-address.ts). Only the ones without a query string: every Kiwix reader cuts
 * "?…" off a path before it looks the entry up, so an old address such as post.aspx?ID=712 cannot
 * be told from its neighbours inside a ZIM.
 */
function legacyRedirects(siteDir: string): [string, string][] {
  const file = path.join(siteDir, "legacy-redirects.json");
  if (!fs.existsSync(file)) return [];
  const map = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string>;
  return Object.entries(map)
    .filter(([from]) => !from.includes("?") && !/[\t\n]/.test(from))
    .map(([from, to]) => [decodeURIComponent(from).replace(/^\//, ""), `${to.replace(/^\//, "")}index.html`]);
}

/** Cuts `text` to `max` characters at a word, with an ellipsis, as Kiwix wants its short metadata. */
function shortened(text: string, max: number): string {
  if ([...text].length <= max) return text;
  const cut = [...text].slice(0, max - 1).join("");
  return `${cut.replace(/\s+\S*$/, "") || cut}…`;
}

/**
 * A page at `from` that sends the reader on to `to`, which zimwriterfs packs as a ZIM redirect. Its
 * --redirects list would say the same, but zim-tools before 3.3.0 (Debian 12 has 3.1.3) refuses
 * every line of it; a refresh page works in every version.
 */
function writeRedirectPage(dir: string, from: string, to: string): void {
  const file = path.join(dir, from);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const target = path.posix.relative(path.posix.dirname(`/${from}`), `/${to}`);
  fs.writeFileSync(file, `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${escapeAttribute(encodeURI(target))}"><title>${escapeAttribute(from)}</title></head></html>\n`);
}

async function zimwriterfs(dir: string, zimFile: string, metadata: ZimMetadata): Promise<void> {
  const name = slugify(new URL(metadata.url).hostname.replace(/\./g, "-")) || "bantin";
  const args = [
    "--welcome=index.html",
    `--illustration=${ILLUSTRATION}`,
    "--language=vie",
    `--title=${shortened(metadata.title, TITLE_MAX)}`,
    `--description=${shortened(metadata.description ?? metadata.title, DESCRIPTION_MAX)}`,
    `--creator=${metadata.title}`,
    `--publisher=${metadata.title}`,
    `--source=${metadata.url}`,
    // Kiwix's naming: project, language, selection.
    `--name=${name}_vi_all`,
    "--scraper=bantin",
    "--tags=_category:news",
    dir,
    zimFile,
  ];
  const { code, output } = await run("zimwriterfs", args);
  if (code !== 0) {
    const last = output.trim().split("\n").filter(Boolean).at(-1) ?? "";
    throw new UserError(say("zimwriterfsFailed", { code: String(code), message: last }));
  }
}

/** Runs one of Debian's ZIM tools; a missing tool is one line saying what to install. */
function run(command: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    child.stderr.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    child.on("error", (error: NodeJS.ErrnoException) => reject(error.code === "ENOENT" ? new UserError(say("zimToolMissing", { tool: command })) : error));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}
