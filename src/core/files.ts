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
