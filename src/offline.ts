import fs from "node:fs";
import path from "node:path";
import { Zip, ZipDeflate, ZipPassThrough } from "fflate";
import { RewritingStream } from "parse5-html-rewriting-stream";

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

/** Rewrites every link of an HTML page with a real HTML parser, leaving everything else byte for byte. */
export async function rewriteHtml(html: string, rewrite: (url: string) => string | undefined): Promise<string> {
  const rewriter = new RewritingStream();
  const chunks: string[] = [];
  rewriter.on("startTag", (tag, raw) => {
    const names = LINK_ATTRIBUTES[tag.tagName];
    // The tokenizer records where each attribute sits in the source; the SAX types leave that out.
    const location = tag.sourceCodeLocation as { startOffset: number; attrs?: Record<string, { startOffset: number; endOffset: number }> };
    const tagStart = location.startOffset;
    // Splice changed attributes into the raw tag from the end backwards, so earlier offsets stay valid.
    let output = raw;
    for (const attribute of names ? [...tag.attrs].reverse() : []) {
      if (!names!.includes(attribute.name)) continue;
      const value = attribute.name === "srcset" ? offlineSrcset(attribute.value, rewrite) : (rewrite(attribute.value) ?? attribute.value);
      const where = location.attrs?.[attribute.name];
      if (value === attribute.value || !where) continue;
      const escaped = value.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
      output = `${output.slice(0, where.startOffset - tagStart)}${attribute.name}="${escaped}"${output.slice(where.endOffset - tagStart)}`;
    }
    rewriter.emitRaw(output);
  });
  rewriter.on("data", (chunk: string) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    rewriter.on("end", resolve);
    rewriter.on("error", reject);
  });
  rewriter.end(html);
  await finished;
  return chunks.join("");
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
}

/** Every file under a folder, as site paths (/a/b.html), sorted. */
export function siteFiles(siteDir: string): string[] {
  return fs
    .readdirSync(siteDir, { recursive: true, encoding: "utf8" })
    .filter((file) => fs.statSync(path.join(siteDir, file)).isFile())
    .map((file) => `/${file.split(path.sep).join("/")}`)
    .sort();
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
  const isFolder = (sitePath: string) => {
    try {
      return fs.statSync(path.join(source, sitePath)).isDirectory();
    } catch {
      return false;
    }
  };
  let bytes = 0;
  const files = siteFiles(source);
  for (const sitePath of files) {
    const from = path.join(source, sitePath);
    const to = path.join(target, sitePath);
    fs.mkdirSync(path.dirname(to), { recursive: true });
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
  return { files: files.length, bytes };
}

/** Zips a folder with its files under `rootName/`, streaming so that a large archive does not fill memory. */
export async function zipFolder(dir: string, zipFile: string, rootName: string): Promise<number> {
  fs.mkdirSync(path.dirname(path.resolve(zipFile)), { recursive: true });
  const output = fs.createWriteStream(zipFile);
  const done = new Promise<void>((resolve, reject) => {
    output.on("finish", resolve);
    output.on("error", reject);
  });
  let failure: Error | null = null;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else output.write(chunk);
    if (final || error) output.end();
  });
  for (const sitePath of siteFiles(dir)) {
    // Already-compressed media gain nothing from deflate.
    const entry = /\.(webm|mp4|mp3|jpe?g|png|gif|webp|zip|gz|pf_\w+)$/i.test(sitePath)
      ? new ZipPassThrough(`${rootName}${sitePath}`)
      : new ZipDeflate(`${rootName}${sitePath}`, { level: 6 });
    zip.add(entry);
    entry.push(fs.readFileSync(path.join(dir, sitePath)), true);
  }
  zip.end();
  await done;
  if (failure) throw failure;
  return fs.statSync(zipFile).size;
}
