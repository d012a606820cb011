import fs from "node:fs";
import path from "node:path";

/** Every file under a folder, as site paths (/a/b.html), sorted. */
export function siteFiles(siteDir: string): string[] {
  return fs
    .readdirSync(siteDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${path.relative(siteDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")}`)
    .sort();
}

/** How many files a folder holds, all folders down, and their size on disk. */
export function folderSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const name of fs.readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const stat = fs.statSync(path.join(dir, name));
    if (!stat.isFile()) continue;
    files++;
    bytes += stat.size;
  }
  return { files, bytes };
}

/** Folders holding the files, each as a site path: /a/b/c.html gives /a and /a/b (the root, "/", left out). */
export function foldersOf(files: Iterable<string>): Set<string> {
  const folders = new Set<string>();
  for (const file of files) for (let folder = path.posix.dirname(file); folder !== "/" && !folders.has(folder); folder = path.posix.dirname(folder)) folders.add(folder);
  return folders;
}
