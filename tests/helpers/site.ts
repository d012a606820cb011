import fs from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";
import { loadContent } from "../../src/content/load.ts";
import { findContentError, type Problem } from "../../src/core/errors.ts";
import { buildSite, type BuildResult } from "../../src/site/build.ts";
import { FIXTURES, tempDir } from "./paths.ts";

export { FIXTURES, PROJECT, removeTempDirs, tempDir } from "./paths.ts";

export interface BuiltSite extends BuildResult {
  outDir: string;
  /** Parsed page at a site URL such as /2011/09/20/. */
  page(url: string): Document;
  /** Raw text of an output file at a site URL. */
  text(url: string): string;
  /** Every file written, as site URLs (/a/b/index.html). */
  files(): string[];
}

/** Every page of a list of `site` from its first page, following its "next" link. */
export function followNext(site: BuiltSite, firstUrl: string): string[] {
  const urls = [firstUrl];
  for (;;) {
    const next = site.page(urls.at(-1)!).querySelector('nav.pagination a[rel="next"]')?.getAttribute("href");
    if (!next) return urls;
    urls.push(next);
  }
}

/** Builds a content folder with the same function as `npm run build`, into a fresh temporary folder. */
export async function buildFixture(contentDir: string): Promise<BuiltSite> {
  const outDir = tempDir("out");
  const result = await buildSite({ contentDir, outDir });
  const fileOf = (url: string) => path.join(outDir, url.endsWith("/") ? `${url}index.html` : url);
  return {
    ...result,
    outDir,
    text: (url) => fs.readFileSync(fileOf(url), "utf8"),
    page: (url) => parseHTML(fs.readFileSync(fileOf(url), "utf8")).document as unknown as Document,
    files: () =>
      fs
        .readdirSync(outDir, { recursive: true, encoding: "utf8" })
        .filter((file) => fs.statSync(path.join(outDir, file)).isFile())
        .map((file) => `/${file.split(path.sep).join("/")}`)
        .sort(),
  };
}

/** Copies a fixture content folder somewhere it can be changed by a test. */
export function copyFixture(name: string): string {
  const target = tempDir(name);
  fs.cpSync(path.join(FIXTURES, name), target, { recursive: true });
  return target;
}

/** Writes an article file into a content folder. */
export function writeArticle(contentDir: string, file: string, frontMatter: string, body = "Nội dung."): void {
  const target = path.join(contentDir, file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, `---\n${frontMatter.trim()}\n---\n${body}\n`);
}

export const textOf = (element: Element | null | undefined) => (element?.textContent ?? "").replace(/\s+/g, " ").trim();

/** Problems of a content folder as `npm run check` finds them, or [] when it loads. */
export function contentProblems(contentDir: string): Problem[] {
  try {
    loadContent(contentDir);
    return [];
  } catch (error) {
    const contentError = findContentError(error);
    if (!contentError) throw error;
    return contentError.problems;
  }
}
