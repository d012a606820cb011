// Writing a file so that a crash, a full disk or a refused folder never leaves half a file, a stray
// temporary file or an empty folder: the importer's articles and record of imported pages, and the
// content files `npm run check -- --fix` normalises.
import fs from "node:fs";
import path from "node:path";
import { makeFolders, removeEmptyFolders } from "./folders.ts";

/*
 * Errors of link() that mean the file system has no hard links (FAT and some network file
 * systems): only then is a new file renamed into place instead. Any other error (ENOSPC, EIO…)
 * fails the write.
 */
const NO_HARD_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS"]);

let tempCounter = 0;

/**
 * Writes `target` through a temporary file beside it, so that a reader or a crash never sees half
 * of it. A new file (`replace` false) is linked into place, which fails with EEXIST instead of
 * replacing a file that appeared meanwhile; `replace` renames over it, keeping the permissions of
 * the file it replaces. On any failure the temporary file and the folders made for it are removed
 * before the error is thrown.
 */
export function writeFileAtomically(target: string, content: string, { replace }: { replace: boolean }): void {
  const created = makeFolders(path.dirname(target));
  // Hidden and not ending in .md: neither the build nor a later import picks up a leftover.
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${tempCounter++}.tmp`);
  try {
    fs.writeFileSync(temp, content, { flag: "wx" });
    if (replace) {
      const replaced = fs.statSync(target, { throwIfNoEntry: false });
      if (replaced) fs.chmodSync(temp, replaced.mode & 0o7777);
      fs.renameSync(temp, target);
    } else linkIntoPlace(temp, target);
  } catch (error) {
    removeQuietly(temp);
    removeEmptyFolders(created);
    throw error;
  }
}

function linkIntoPlace(temp: string, target: string): void {
  try {
    fs.linkSync(temp, target);
  } catch (error) {
    if (!NO_HARD_LINKS.has((error as NodeJS.ErrnoException).code ?? "")) throw error;
    if (fs.existsSync(target)) throw Object.assign(new Error(`${target} exists`), { code: "EEXIST" });
    fs.renameSync(temp, target);
    return;
  }
  // The file is in place: a temporary name that cannot be removed is not worth failing it for.
  removeQuietly(temp);
}

/** Removes a file if it is there; a failure here must not hide the error being handled. */
function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // Nothing more can be done about it.
  }
}
