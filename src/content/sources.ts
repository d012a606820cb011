// Which files of a content folder are what: the build and the importer must agree, or an import
// could write where the build never looks, or miss an article that is already there.
import fs from "node:fs";
import path from "node:path";

/** The site settings, relative to the content folder. */
export const SETTINGS_FILE = "_data/site.json";

/** Video entries live in this top-level folder; every other Markdown file is an article. */
const VIDEO_FOLDER = "video";

export interface ContentFiles {
  /** Forward-slash paths relative to the content folder, sorted. */
  articles: string[];
  videos: string[];
}

/**
 * The Markdown files of a content folder: everything ending in .md except under folders or files
 * whose name starts with "_" (settings) or "." (hidden, editors' temporary files) and node_modules.
 */
export function contentFiles(contentDir: string): ContentFiles {
  const files: ContentFiles = { articles: [], videos: [] };
  if (!fs.existsSync(contentDir)) return files;
  const markdown = fs
    .readdirSync(contentDir, { recursive: true, encoding: "utf8" })
    .map((file) => file.split(path.sep).join("/"))
    .filter((file) => file.endsWith(".md") && !file.split("/").some((part) => part.startsWith("_") || part.startsWith(".") || part === "node_modules"))
    .sort();
  for (const file of markdown) (file.split("/")[0] === VIDEO_FOLDER ? files.videos : files.articles).push(file);
  return files;
}
