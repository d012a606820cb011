import fs from "node:fs";
import { errorChain, UserError } from "./errors.ts";
import { type MessageKey, say } from "./messages.ts";

/** What the system said, for the failures of writing that the user can do something about. */
const REASONS: Record<string, { reason: MessageKey; advice: MessageKey }> = {
  ENOSPC: { reason: "reasonNoSpace", advice: "adviceFreeSpace" },
  EDQUOT: { reason: "reasonQuota", advice: "adviceFreeSpace" },
  EROFS: { reason: "reasonReadOnly", advice: "adviceWritable" },
  EACCES: { reason: "reasonDenied", advice: "adviceWritable" },
  EPERM: { reason: "reasonNotPermitted", advice: "adviceWritable" },
  ENAMETOOLONG: { reason: "reasonNameTooLong", advice: "adviceShorter" },
  ENOTDIR: { reason: "reasonNotFolder", advice: "adviceFolders" },
  EBUSY: { reason: "reasonBusy", advice: "adviceInside" },
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
  const at = where && where !== target ? say("cannotWriteAt", { path: where }) : "";
  return new UserError(say("cannotWrite", { target, reason: say(reason), at, code: found.code, advice: say(advice) }), 1, { cause: error });
}
