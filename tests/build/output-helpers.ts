// Shared by the output-folder tests (output-*.test.ts, hostile-output-*.test.ts): what changed on
// disk, and what bantin keeps beside and inside an output folder.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { siteFiles } from "../../src/core/files.ts";

export const MANIFEST = ".bantin-manifest.json";

/** Every entry under a folder with a hash of its bytes (files over 16 MiB by size): compare two to see what changed. */
export function snapshot(dir: string, skip: (relative: string) => boolean = () => false): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const relative of fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).sort()) {
    if (skip(relative)) continue;
    const file = path.join(dir, relative);
    const stat = fs.lstatSync(file);
    if (stat.isSymbolicLink()) entries[relative] = `link to ${fs.readlinkSync(file)}`;
    else if (stat.isDirectory()) entries[relative] = "folder";
    else entries[relative] = stat.size > 2 ** 24 ? `${stat.size} bytes` : createHash("sha256").update(fs.readFileSync(file)).digest("hex");
  }
  return entries;
}

/** What bantin keeps beside an output folder while it works: its lock, the next version, the previous one. */
export function leftoversBeside(folder: string): string[] {
  return fs.readdirSync(path.dirname(folder)).filter((name) => name.startsWith(`.${path.basename(folder)}.bantin-`));
}

export interface ManifestData {
  tool: string;
  kind: string;
  complete: boolean;
  sources: string;
  files: string[];
}

export function manifestOf(folder: string): ManifestData {
  return JSON.parse(fs.readFileSync(path.join(folder, MANIFEST), "utf8")) as ManifestData;
}

/** True when a folder holds exactly what its manifest lists: a complete output, no orphans. */
export function holdsWhatItLists(folder: string): boolean {
  const { files } = manifestOf(folder);
  return JSON.stringify(siteFiles(folder)) === JSON.stringify([`/${MANIFEST}`, ...files].sort());
}
