import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { byCodeUnits } from "./text.ts";

/**
 * One hash of what is in some files and folders (folders read all the way down, in a fixed order):
 * the same sources give the same hash wherever they are and whatever their time stamps, and any
 * change to a file's bytes, name or place changes it. A missing path counts as missing, not as an
 * error. `options` are what a command was told that changes what it makes from them (a build's
 * `--base-url`); none leaves the hash as the files alone give it. `offline` compares it with the
 * hash a built site's manifest records.
 */
export function hashSources(paths: readonly string[], options: readonly string[] = []): string {
  const hash = createHash("sha256");
  for (const [index, source] of paths.entries()) {
    hash.update(`\0root ${index}\0`);
    const stat = fs.statSync(source, { throwIfNoEntry: false });
    if (!stat) hash.update("missing");
    else if (!stat.isDirectory()) hash.update(fs.readFileSync(source));
    else {
      for (const { file, link } of entriesUnder(source)) {
        const where = path.join(source, file);
        hash.update(`\0${link ? "link" : "file"} ${file}\0`).update(link ? fs.readlinkSync(where) : fs.readFileSync(where));
      }
    }
  }
  for (const option of options) hash.update(`\0option\0${option}`);
  return hash.digest("hex");
}

/**
 * Regular files and links under a folder, as sorted relative paths with "/". Links are not followed
 * (one may loop or point outside; the content check refuses them): their target text is hashed.
 */
function entriesUnder(dir: string, prefix = ""): { file: string; link: boolean }[] {
  const entries: { file: string; link: boolean }[] = [];
  for (const entry of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const file = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) entries.push(...entriesUnder(dir, file));
    else if (entry.isFile() || entry.isSymbolicLink()) entries.push({ file, link: entry.isSymbolicLink() });
  }
  return entries.sort((a, b) => byCodeUnits(a.file, b.file));
}
