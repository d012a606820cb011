// Which files of a content folder are what: the build and the importer must agree, or an import
// could write where the build never looks, or miss an article that is already there.
import fs from "node:fs";
import path from "node:path";
import type { Problem } from "../core/errors.ts";
import { say } from "../core/messages.ts";

/** The site settings, relative to the content folder. */
export const SETTINGS_FILE = "_data/site.json";

/** Video entries live in this top-level folder; every other Markdown file is an article. */
const VIDEO_FOLDER = "video";

export interface ContentFiles {
  /** Forward-slash paths relative to the content folder, sorted. */
  articles: string[];
  videos: string[];
  /** Symbolic links and other entries that are not plain files or folders, which are not read. */
  problems: Problem[];
}

/** Names the walk passes over: settings ("_"), hidden and editors' temporary files ("."), packages. */
const skipped = (name: string) => name.startsWith("_") || name.startsWith(".") || name === "node_modules";

/**
 * The Markdown files of a content folder: everything ending in .md except under folders or files
 * whose name starts with "_" or "." and node_modules. Symbolic links are not followed: a link may
 * lead out of the folder, back into it (a loop, or the same article twice), or nowhere, so a link
 * that would be read (a Markdown name, a folder, or a broken one) is a problem to replace with the
 * file or folder itself.
 */
export function contentFiles(contentDir: string): ContentFiles {
  const files: ContentFiles = { articles: [], videos: [], problems: [] };
  if (!fs.existsSync(contentDir)) return files;
  const markdown: string[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(path.join(contentDir, folder), { withFileTypes: true })) {
      if (skipped(entry.name)) continue;
      const file = folder === "" ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) walk(file);
      else if (entry.isSymbolicLink()) files.problems.push(...linkProblems(contentDir, file));
      else if (!entry.name.endsWith(".md")) continue;
      else if (entry.isFile()) markdown.push(file);
      else files.problems.push({ file, message: say("notRegularFile") });
    }
  };
  walk("");
  for (const file of markdown.sort()) (file.split("/")[0] === VIDEO_FOLDER ? files.videos : files.articles).push(file);
  files.problems.sort((a, b) => (a.file < b.file ? -1 : 1));
  return files;
}

function linkProblems(contentDir: string, file: string): Problem[] {
  const link = path.join(contentDir, file);
  const target = fs.readlinkSync(link);
  let isFolder: boolean;
  try {
    isFolder = fs.statSync(link).isDirectory();
  } catch (error) {
    const loop = (error as NodeJS.ErrnoException).code === "ELOOP";
    return [{ file, message: say("brokenLink", { target, why: say(loop ? "linkLoops" : "linkMissing") }) }];
  }
  if (!isFolder && !file.endsWith(".md")) return [];
  return [{ file, message: say("symbolicLink", { target, kind: say(isFolder ? "kindFolder" : "kindFile") }) }];
}
