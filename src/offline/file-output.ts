// An output that is one file, the zip of an offline copy or the ZIM: refused where it would overlap a
// guarded folder or replace what bantin did not write, and written beside its name, then renamed
// over it only when whole, so that a full disk or a killed process leaves the previous file, never a
// truncated one.
import fs from "node:fs";
import path from "node:path";
import { UserError } from "../core/errors.ts";
import { makeFolders, removeEmptyFolders } from "../core/folders.ts";
import { type MessageKey, say } from "../core/messages.ts";
import { checkPlacement, type Guard, projectGuards } from "../core/output-folder.ts";
import { writeFailure } from "../core/write-errors.ts";

/** How each kind of file is named and refused. */
const KINDS = {
  zipFile: { example: "ban-tin.zip", isFolder: "zipIsFolder", notFile: "zipNotFile" },
  zimFile: { example: "ban-tin.zim", isFolder: "zimIsFolder", notFile: "zimNotFile" },
} as const satisfies Record<string, { example: string; isFolder: MessageKey; notFile: MessageKey }>;

/**
 * Refuses, in one line, a `kind` file at `target` (links resolved) in or around a guarded folder,
 * or that is a folder or another non-file. True when a file is there: the caller must then prove
 * that bantin wrote it before it is replaced.
 */
export function checkFileTarget(target: string, guards: readonly Guard[], kind: keyof typeof KINDS): boolean {
  const { example, isFolder, notFile } = KINDS[kind];
  checkPlacement(target, [...projectGuards(), ...guards], kind, example);
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return false;
  if (!stat.isFile()) throw new UserError(say(stat.isDirectory() ? isFolder : notFile, { target }), 2);
  return true;
}

let written = 0;

/**
 * Has `write` fill a file beside `target` (links resolved) and renames it over `target` when `write`
 * succeeds; on any failure the partial file and the folders made for it go.
 */
export async function writeFileBeside(target: string, write: (partial: string) => Promise<void>): Promise<void> {
  const partial = path.join(path.dirname(target), `.${path.basename(target)}.bantin-tmp-${process.pid}-${++written}`);
  let made: string[] = [];
  try {
    made = makeFolders(path.dirname(target));
    await write(partial);
    fs.renameSync(partial, target);
  } catch (error) {
    // Judged before the partial file goes: it may be what filled the disk.
    const failure = writeFailure(error, target, { from: partial, to: target }) ?? error;
    fs.rmSync(partial, { force: true });
    removeEmptyFolders(made);
    throw failure;
  }
}
