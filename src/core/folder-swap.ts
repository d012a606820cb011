// Replacing an output folder by a complete new one written beside it, keeping every file bantin did
// not write. Callers hold the folder's lock (lock.ts), so nothing else writes beside it meanwhile.
import fs from "node:fs";
import path from "node:path";
import { foldersOf } from "./files.ts";
import { MANIFEST_FILE, readManifest } from "./manifest.ts";

/** A folder beside `target` for its next version ("tmp") or its previous one during a swap ("old"). */
export function siblingOf(target: string, role: "tmp" | "old"): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.bantin-${role}-${process.pid}`);
}

/** The manifest, and the half-written manifests a killed process may leave (manifest.ts): bantin's own. */
const isManifest = (sitePath: string) => sitePath.startsWith(`/${MANIFEST_FILE}`) && !sitePath.slice(1).includes("/");

/**
 * Entries of `dir` that bantin did not write: files and links not listed, and whole folders holding
 * nothing listed, as site paths. Links are not followed: a link is the user's entry, whatever it points at.
 */
export function userEntries(dir: string, listed: ReadonlySet<string>): string[] {
  const listedFolders = foldersOf(listed);
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(path.join(dir, folder), { withFileTypes: true })) {
      const sitePath = `${folder === "/" ? "" : folder}/${entry.name}`;
      if (entry.isDirectory() && listedFolders.has(sitePath)) walk(sitePath);
      // A folder where a listed file was is the user's too.
      else if (!isManifest(sitePath) && (entry.isDirectory() || !listed.has(sitePath))) found.push(sitePath);
    }
  };
  walk("/");
  return found.sort();
}

/** The user's entries of `dir` that a new output of `files` would write over, or into, or under. */
export function clashes(userPaths: readonly string[], files: readonly string[]): string[] {
  const written = new Set(files);
  const folders = foldersOf(files);
  return userPaths.filter((entry) => written.has(entry) || folders.has(entry) || [...foldersOf([entry])].some((folder) => written.has(folder)));
}

/**
 * Deletes the listed files of `dir` (site paths), then the folders that leaves empty. Never outside
 * `dir`: a listed file reached through a link to elsewhere is left alone.
 */
export function removeListed(dir: string, files: Iterable<string>): void {
  const root = fs.realpathSync(dir);
  const inside = new Map<string, boolean>();
  const isInside = (folder: string) => {
    if (!inside.has(folder)) {
      const real = fs.existsSync(folder) ? fs.realpathSync(folder) : undefined;
      inside.set(folder, real !== undefined && (real === root || real.startsWith(`${root}${path.sep}`)));
    }
    return inside.get(folder)!;
  };
  const removed: string[] = [];
  for (const file of files) {
    const full = path.join(dir, file);
    if (!isInside(path.dirname(full))) continue;
    const stat = fs.lstatSync(full, { throwIfNoEntry: false });
    if (!stat || stat.isDirectory()) continue;
    fs.unlinkSync(full);
    removed.push(file);
  }
  // Deepest first, so that a day's folder goes after its articles' folders.
  for (const folder of [...foldersOf(removed)].sort((a, b) => b.length - a.length)) removeIfEmpty(path.join(dir, folder));
}

/** Removes a folder if it is empty; a folder with anything in it, or none there, stays as it is. */
export function removeIfEmpty(folder: string): void {
  try {
    fs.rmdirSync(folder);
  } catch (error) {
    if (!["ENOTEMPTY", "EEXIST", "ENOENT", "ENOTDIR"].includes((error as NodeJS.ErrnoException).code ?? "")) throw error;
  }
}

/**
 * Puts the complete folder `next` in the place of `target`: the old folder moves aside, the new one
 * in, then the user's entries of the old one move across and its listed files are deleted. Between
 * the two renames `target` is briefly absent, never half written.
 */
export function swapIn(next: string, target: string): void {
  if (!fs.existsSync(target)) {
    fs.renameSync(next, target);
    return;
  }
  const old = siblingOf(target, "old");
  fs.renameSync(target, old);
  try {
    fs.renameSync(next, target);
  } catch (error) {
    fs.renameSync(old, target);
    throw error;
  }
  retire(old, target);
}

/** Moves the user's entries of a swapped-out folder into `target`, deletes what bantin wrote, then the folder. */
function retire(old: string, target: string): void {
  const listed = new Set(readManifest(old)?.files ?? []);
  for (const entry of userEntries(old, listed)) {
    const destination = path.join(target, entry);
    // A user's entry where the new output has one stays in `old` (clashes() refuses that before a swap).
    if (fs.lstatSync(destination, { throwIfNoEntry: false })) continue;
    fs.mkdirSync(path.dirname(destination), { recursive: true });
    fs.renameSync(path.join(old, entry), destination);
  }
  removeListed(old, [...listed, ...fs.readdirSync(old).map((name) => `/${name}`).filter(isManifest)]);
  removeIfEmpty(old);
}

/**
 * Finishes what a killed command left beside `target`: a swap stopped between its renames gets the
 * previous folder back, a stopped retirement is completed, and folders of unfinished builds go (only
 * when empty or holding a bantin manifest: then every file in them is bantin's).
 */
export function recoverLeftovers(target: string): void {
  const prefix = `.${path.basename(target)}.bantin-`;
  const parent = path.dirname(target);
  for (const name of fs.readdirSync(parent)) {
    const role = name.startsWith(prefix) ? /^(tmp|old)-\d+$/.exec(name.slice(prefix.length))?.[1] : undefined;
    const leftover = path.join(parent, name);
    if (role === undefined || !fs.lstatSync(leftover).isDirectory()) continue;
    if (role === "old" && !fs.existsSync(target)) fs.renameSync(leftover, target);
    else if (role === "old") retire(leftover, target);
    else if (fs.readdirSync(leftover).length === 0 || fs.existsSync(path.join(leftover, MANIFEST_FILE))) fs.rmSync(leftover, { recursive: true, force: true });
  }
}
