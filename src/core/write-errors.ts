import fs from "node:fs";
import { errorChain, UserError } from "./errors.ts";

/** What the system said, for the failures of writing that the user can do something about. */
const REASONS: Record<string, { reason: string; advice: string }> = {
  ENOSPC: { reason: "no space left on the disk", advice: "free some space, or write somewhere else" },
  EDQUOT: { reason: "the disk quota is used up", advice: "free some space, or write somewhere else" },
  EROFS: { reason: "the file system is read-only", advice: "choose a folder you can write to" },
  EACCES: { reason: "permission denied", advice: "choose a folder you can write to" },
  EPERM: { reason: "not permitted", advice: "choose a folder you can write to" },
  ENAMETOOLONG: { reason: "a name in the path is too long", advice: "choose a shorter path" },
  ENOTDIR: { reason: "a part of the path is a file, not a folder", advice: "choose a path of folders" },
  EBUSY: { reason: "it is busy (a mount point cannot be swapped)", advice: "give a folder inside it instead" },
};

/** Pagefind's service and esbuild report the system's error in words, not as a code. */
const WORDED: readonly [RegExp, string][] = [
  [/os error 28\b|no space left on device/i, "ENOSPC"],
  [/os error 122\b|quota exceeded/i, "EDQUOT"],
  [/os error 30\b|read-only file system/i, "EROFS"],
  [/os error 13\b|permission denied/i, "EACCES"],
  [/os error 36\b|file name too long/i, "ENAMETOOLONG"],
];

interface Found {
  code: string;
  path?: string | undefined;
}

/** The system error behind `error`, however deep a framework wrapped it; by its code, or else by its words. */
export function findWriteError(error: unknown): Found | undefined {
  const chain = errorChain(error);
  for (const { code, path } of chain as NodeJS.ErrnoException[]) if (typeof code === "string" && code in REASONS) return { code, path };
  for (const { message } of chain) for (const [pattern, code] of WORDED) if (pattern.test(message)) return { code };
  return undefined;
}

/** Below this, a disk counts as full: what failed while writing there most likely ran out of space. */
const FULL_BYTES = 2 ** 20;

/** True when the file system holding `dir` has (next to) no space left for its user. */
function isFull(dir: string): boolean {
  try {
    const { bavail, bsize } = fs.statfsSync(dir);
    return bavail * bsize < FULL_BYTES;
  } catch {
    return false;
  }
}

/**
 * A failure to write `target` as one line saying what the system refused, where and what to do, or
 * undefined when `error` is not one the user can fix. `renamed` maps a temporary folder the error
 * may name back to the folder the user asked for. Some tools die on a full disk without saying so
 * in their error (Pagefind's service panics): when the disk of `renamed.from` is full, that is the reason.
 */
export function writeFailure(error: unknown, target: string, renamed?: { from: string; to: string }): UserError | undefined {
  if (error instanceof UserError) return error;
  const found = findWriteError(error) ?? (renamed && isFull(renamed.from) ? { code: "ENOSPC" } : undefined);
  if (!found) return undefined;
  const { reason, advice } = REASONS[found.code]!;
  let where = found.path;
  if (where && renamed && where.startsWith(renamed.from)) where = renamed.to + where.slice(renamed.from.length);
  const at = where && where !== target ? ` (at ${where})` : "";
  return new UserError(`cannot write ${target}: ${reason}${at} [${found.code}]; ${advice}`, 1, { cause: error });
}
