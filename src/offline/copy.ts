import fs from "node:fs";
import path from "node:path";
import { SAXParser } from "parse5-sax-parser";
import { UserError } from "../core/errors.ts";
import { foldersOf } from "../core/files.ts";
import { MANIFEST_FILE, readManifest } from "../core/manifest.ts";
import { checkOutputFolder, type Guard, type OutputSpec, realPath, replaceOutput, withOutputFolder } from "../core/output-folder.ts";
import { say } from "../core/messages.ts";
import { PAGEFIND_FOLDER } from "../search/indexer.ts";
import { type OfflineSearchResult, writeOfflineSearch } from "./search.ts";
import { checkZipTarget, zipFolder } from "./zip.ts";

/** Attributes that point at another file of the site, by element. */
const LINK_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ["href"],
  area: ["href"],
  link: ["href"],
  form: ["action"],
  script: ["src"],
  img: ["src", "srcset"],
  source: ["src", "srcset"],
  video: ["src", "poster"],
  audio: ["src"],
  track: ["src"],
  iframe: ["src"],
  embed: ["src"],
  object: ["data"],
};

/** Addresses that are not files of the site: other hosts, mail, data, fragments. */
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i;

/**
 * The address of `url`, written on the page at `pagePath` (a site path such as /2011/09/index.html),
 * as a relative link that works from disk: folders point at their index.html.
 * `pathPrefix` is the sub-path the site was built for ("/ban-tin/"), which the copy does not have.
 * Returns undefined for addresses that are not files of the site.
 */
export function offlineUrl(url: string, pagePath: string, isFolder: (sitePath: string) => boolean, pathPrefix = "/"): string | undefined {
  const trimmed = url.trim();
  if (trimmed === "" || EXTERNAL.test(trimmed)) return undefined;
  const match = /^([^?#]*)(.*)$/.exec(trimmed)!;
  let [, pathname = "", suffix = ""] = match;
  if (pathname.startsWith("/")) {
    if (!`${pathname}/`.startsWith(pathPrefix)) return undefined;
    pathname = `/${pathname.slice(pathPrefix.length)}`;
  }
  const pageFolder = path.posix.dirname(pagePath);
  let target = path.posix.resolve(pageFolder, pathname === "" ? path.posix.basename(pagePath) : pathname);
  if (pathname.endsWith("/") || isFolder(target)) target = path.posix.join(target, "index.html");
  const relative = path.posix.relative(pageFolder, target);
  return `${relative}${suffix}`;
}

/** A value as a double-quoted attribute holds it. */
export const escapeAttribute = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;");

/** Rewrites each candidate of a srcset list, keeping its width or density. */
function offlineSrcset(srcset: string, rewrite: (url: string) => string | undefined): string {
  return srcset
    .split(",")
    .map((candidate) => {
      const [url = "", ...descriptor] = candidate.trim().split(/\s+/);
      return [rewrite(url) ?? url, ...descriptor].join(" ");
    })
    .join(", ");
}

/** The SAX parser without its text events, which would build every text run of the page for nothing. */
class TagScanner extends SAXParser {
  override onCharacter(): void {}
  override onWhitespaceCharacter(): void {}
  override onNullCharacter(): void {}
}

/**
 * Rewrites every link of an HTML page with a real HTML parser, leaving everything else byte for
 * byte: the parser reports where each attribute sits in the source, and only those spans change.
 */
export async function rewriteHtml(html: string, rewrite: (url: string) => string | undefined): Promise<string> {
  const parser = new TagScanner({ sourceCodeLocationInfo: true });
  const edits: { start: number; end: number; text: string }[] = [];
  parser.on("startTag", (tag) => {
    const names = LINK_ATTRIBUTES[tag.tagName];
    if (!names) return;
    // The tokenizer records where each attribute sits in the source; the SAX types leave that out.
    const location = tag.sourceCodeLocation as { attrs?: Record<string, { startOffset: number; endOffset: number }> } | undefined;
    for (const attribute of tag.attrs) {
      if (!names.includes(attribute.name)) continue;
      const value = attribute.name === "srcset" ? offlineSrcset(attribute.value, rewrite) : (rewrite(attribute.value) ?? attribute.value);
      const where = location?.attrs?.[attribute.name];
      if (value === attribute.value || !where) continue;
      edits.push({ start: where.startOffset, end: where.endOffset, text: `${attribute.name}="${escapeAttribute(value)}"` });
    }
  });
  const finished = new Promise<void>((resolve, reject) => {
    parser.on("finish", resolve);
    parser.on("error", reject);
  });
  parser.end(html);
  await finished;
  let output = "";
  let from = 0;
  for (const edit of edits) {
    output += html.slice(from, edit.start) + edit.text;
    from = edit.end;
  }
  return output + html.slice(from);
}

/** Rewrites `url(...)` references of a stylesheet. */
export function rewriteCss(css: string, rewrite: (url: string) => string | undefined): string {
  return css.replace(/url\(\s*(["']?)([^"')]+)\1\s*\)/g, (whole, quote: string, url: string) => {
    const relative = rewrite(url);
    return relative === undefined ? whole : `url(${quote}${relative}${quote})`;
  });
}

export interface OfflineResult {
  /** Files of the copy, its manifest included. */
  files: number;
  bytes: number;
  /** What making search work from disk added, when the site has a search index. */
  search?: OfflineSearchResult;
  /** The zip's size, when one was asked for. */
  zipBytes?: number;
}

export interface OfflineOptions {
  /** Folders the copy and the zip must keep clear of besides the project's own and the site: the content folder. */
  guards?: readonly Guard[];
  /** Also pack the copy into this zip file, under a folder named as the copy's. */
  zipFile?: string;
  /** Folders of the site not copied, as site paths ending in "/": the CMS, which needs a server to save through. */
  leaveOut?: readonly string[];
}

/**
 * Refuses, in one line, an offline folder or zip that writeOfflineCopy would refuse: `npm run
 * offline` asks before it builds anything.
 */
export function checkOfflineTargets(siteDir: string, outDir: string, { guards = [], zipFile }: OfflineOptions = {}): { spec: OutputSpec; guards: Guard[] } {
  const allGuards = [...guards, { path: siteDir, name: say("guardCopiedSite") }];
  const spec: OutputSpec = { kind: "offline", guards: allGuards, command: "npm run offline", example: "dist-offline" };
  checkOutputFolder(outDir, spec);
  if (zipFile) checkZipTarget(zipFile, [...allGuards, { path: outDir, name: say("guardOfflineCopy") }]);
  return { spec, guards: allGuards };
}

/**
 * Copies a built site into `outDir` so that it works opened straight from disk: every internal
 * link relative, every folder link ending in index.html, the sub-path gone. Only the files the
 * site's manifest lists are copied, less the folders left out: a complete site, not what else its folder holds. The copy
 * follows the output-folder contract (core/output-folder.ts): written beside `outDir`, zipped
 * from there when asked, and swapped in only when complete.
 */
export async function writeOfflineCopy(siteDir: string, outDir: string, pathPrefix = "/", { guards = [], zipFile, leaveOut = [] }: OfflineOptions = {}): Promise<OfflineResult> {
  const source = realPath(siteDir);
  const site = readManifest(source);
  if (!site || site.kind !== "site" || !site.complete) throw new UserError(say("noCompleteSite", { source, manifest: MANIFEST_FILE, state: say(site ? "manifestUnfinished" : "manifestMissing") }));
  const { spec, guards: allGuards } = checkOfflineTargets(source, outDir, { guards, zipFile });
  const rootName = path.basename(path.resolve(outDir));
  return withOutputFolder(outDir, spec, async (folder) => {
    let result: OfflineResult = { files: 0, bytes: 0 };
    const zip =
      zipFile === undefined
        ? undefined
        : async (dir: string) => {
            result.zipBytes = await zipFolder(dir, zipFile, rootName, [...allGuards, { path: folder.path, name: say("guardOfflineCopy") }]);
          };
    const files = await replaceOutput(folder, site.sources, async (dir) => {
      const files = site.files.filter((file) => !leaveOut.some((folder) => file.startsWith(folder)));
      result = await copySite(source, files, dir, pathPrefix);
    }, zip);
    return { ...result, files: files.length + 1 };
  });
}

/** How the ZIM edition's copy differs (src/offline/zim.ts). */
export interface CopyVariant {
  /** A change to each page after its links (src/offline/zim-pages.ts). */
  editPage?: (html: string, sitePath: string) => Promise<string>;
  /** Search only from the wrapped index files, never over http: the files they wrap are left out. */
  wrappedIndexOnly?: boolean;
}

/**
 * Copies `files` of the built site at `source` into `target`, every link relative to work from
 * disk, and adds the search that works from there.
 */
export async function copySite(source: string, files: readonly string[], target: string, pathPrefix: string, { editPage, wrappedIndexOnly = false }: CopyVariant = {}): Promise<OfflineResult> {
  // Every folder of the site holds a file: the folders are the files' parents, with no stat per link.
  const folders = foldersOf(files).add("/");
  const isFolder = (sitePath: string) => folders.has(sitePath);
  for (const folder of folders) fs.mkdirSync(path.join(target, folder), { recursive: true });
  let bytes = 0;
  for (const sitePath of files) {
    const from = path.join(source, sitePath);
    const to = path.join(target, sitePath);
    const rewrite = (url: string) => offlineUrl(url, sitePath, isFolder, pathPrefix);
    if (sitePath.endsWith(".html")) {
      const html = await rewriteHtml(fs.readFileSync(from, "utf8"), rewrite);
      fs.writeFileSync(to, editPage ? await editPage(html, sitePath) : html);
    } else if (sitePath.endsWith(".css")) {
      fs.writeFileSync(to, rewriteCss(fs.readFileSync(from, "utf8"), rewrite));
    } else {
      fs.copyFileSync(from, to);
    }
    bytes += fs.statSync(to).size;
  }
  const pagefindDir = path.join(target, PAGEFIND_FOLDER);
  if (!fs.existsSync(path.join(pagefindDir, "pagefind.js"))) return { files: files.length, bytes };
  const search = await writeOfflineSearch(pagefindDir, { keepIndexFiles: !wrappedIndexOnly });
  return { files: files.length + search.files, bytes: bytes + search.bytes, search };
}
