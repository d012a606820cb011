import fs from "node:fs";
import path from "node:path";
import { SAXParser } from "parse5-sax-parser";
import { siteFiles } from "../core/files.ts";
import { type OfflineSearchResult, writeOfflineSearch } from "./search.ts";
import { PAGEFIND_FOLDER } from "../search/indexer.ts";

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
      edits.push({ start: where.startOffset, end: where.endOffset, text: `${attribute.name}="${value.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"` });
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
  files: number;
  bytes: number;
  /** What making search work from disk added, when the site has a search index. */
  search?: OfflineSearchResult;
}

/**
 * Copies a built site into `outDir` so that it works opened straight from disk:
 * every internal link relative, every folder link ending in index.html, the sub-path gone.
 */
export async function writeOfflineCopy(siteDir: string, outDir: string, pathPrefix = "/"): Promise<OfflineResult> {
  const source = path.resolve(siteDir);
  const target = path.resolve(outDir);
  if (target === source || target.startsWith(`${source}${path.sep}`)) throw new Error(`the offline copy (${outDir}) must not be inside the site (${siteDir})`);
  fs.rmSync(target, { recursive: true, force: true });
  const files = siteFiles(source);
  // Every folder of the site holds a file: the folders are the files' parents, with no stat per link.
  const folders = new Set(files.flatMap((file) => file.split("/").slice(1, -1).map((_, index, parts) => `/${parts.slice(0, index + 1).join("/")}`)));
  folders.add("/");
  const isFolder = (sitePath: string) => folders.has(sitePath);
  for (const folder of folders) fs.mkdirSync(path.join(target, folder), { recursive: true });
  let bytes = 0;
  for (const sitePath of files) {
    const from = path.join(source, sitePath);
    const to = path.join(target, sitePath);
    const rewrite = (url: string) => offlineUrl(url, sitePath, isFolder, pathPrefix);
    if (sitePath.endsWith(".html")) {
      fs.writeFileSync(to, await rewriteHtml(fs.readFileSync(from, "utf8"), rewrite));
    } else if (sitePath.endsWith(".css")) {
      fs.writeFileSync(to, rewriteCss(fs.readFileSync(from, "utf8"), rewrite));
    } else {
      fs.copyFileSync(from, to);
    }
    bytes += fs.statSync(to).size;
  }
  const pagefindDir = path.join(target, PAGEFIND_FOLDER);
  if (!fs.existsSync(path.join(pagefindDir, "pagefind.js"))) return { files: files.length, bytes };
  const search = await writeOfflineSearch(pagefindDir);
  return { files: files.length + search.files, bytes: bytes + search.bytes, search };
}
