import fs from "node:fs";
import path from "node:path";
import { UserError } from "./errors.ts";
import { say } from "./messages.ts";

/** A folder held by this process until released: no other bantin command writes or swaps it meanwhile. */
export interface FolderLock {
  release(): void;
}

/** A lock file younger than this without a holder's id in it is still being written. */
const FRESH_MS = 5_000;

interface Holder {
  pid: number;
  command: string;
}

/** The lock of an output folder: beside it, so that swapping the folder leaves the lock in place. */
export function lockFileOf(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.bantin-lock`);
}

/**
 * Takes the lock of `target` for `command`, or throws a UserError naming the command that holds it.
 * Created with the `wx` flag, so that of two commands starting at once exactly one gets it. A lock
 * left by a process that no longer runs (killed, crashed, Ctrl+C during npm start) is taken over.
 * One process never takes a folder twice: two builds into one folder from one test are refused too.
 */
export function lockFolder(target: string, command: string): FolderLock {
  const file = lockFileOf(target);
  const holder: Holder = { pid: process.pid, command };
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(file, `${JSON.stringify(holder)}\n`, { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const current = readHolder(file);
    if (current && isRunning(current.pid)) {
      throw new UserError(say("lockHeld", { target, command: current.command, pid: String(current.pid), file }));
    }
    // A lock without a holder yet is being written this instant by another command: not stale.
    if (!current && Date.now() - (fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0) < FRESH_MS) {
      throw new UserError(say("lockFresh", { target, file }));
    }
    // A dead holder's lock: take it over, a few times at most, so that two commands taking over the
    // same stale lock cannot loop on each other.
    if (attempt >= 3) throw new UserError(say("lockStuck", { target, file }));
    fs.rmSync(file, { force: true });
  }
  let held = true;
  return {
    release() {
      if (!held) return;
      held = false;
      if (readHolder(file)?.pid === process.pid) fs.rmSync(file, { force: true });
    },
  };
}

function readHolder(file: string): Holder | undefined {
  try {
    const data = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<Holder>;
    return typeof data.pid === "number" ? { pid: data.pid, command: String(data.command ?? "bantin") } : undefined;
  } catch {
    return undefined;
  }
}

/** True when a process of that id runs (EPERM: it runs, as another user). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
