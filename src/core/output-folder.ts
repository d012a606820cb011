// The output-folder contract of every command that writes a folder (build, start, offline): where
// an output may go, what bantin may remove there, and writing it complete or not at all. The design
// is in docs/design.md, "Output folders".
import fs from "node:fs";
import path from "node:path";
import { UserError } from "./errors.ts";
import { siteFiles } from "./files.ts";
import { clashes, recoverLeftovers, siblingOf, swapIn, userEntries } from "./folder-swap.ts";
import { makeFolders, removeEmptyFolders } from "./folders.ts";
import { type FolderLock, lockFolder } from "./lock.ts";
import { type MessageKey, say } from "./messages.ts";
import { type Manifest, MANIFEST_FILE, type OutputKind, readManifest, writeManifest } from "./manifest.ts";
import { DEFAULT_CONTENT_DIR, LAYOUTS_DIR, PROJECT_DIR, STATIC_DIR } from "./project.ts";
import { writeFailure } from "./write-errors.ts";

/** A folder an output must keep clear of: not be it, not lie inside it, not contain it. */
export interface Guard {
  path: string;
  /** As the refusal names it: "the content folder", in the run's language. */
  name: string;
  /** The project folder holds the default outputs (dist/): only being it or containing it is refused. */
  mayHoldOutput?: boolean;
}

/** The project's own sources, guarded from every output whatever the command's options. */
export function projectGuards(): Guard[] {
  return [
    { path: PROJECT_DIR, name: say("guardProject"), mayHoldOutput: true },
    { path: path.join(PROJECT_DIR, DEFAULT_CONTENT_DIR), name: say("guardSampleContent") },
    { path: STATIC_DIR, name: say("guardStatic") },
    { path: LAYOUTS_DIR, name: say("guardLayouts") },
    { path: path.join(PROJECT_DIR, "src"), name: say("guardSrc") },
  ];
}

/** A path with its links resolved, as far as it exists: a link to the output folder is the folder. */
export function realPath(target: string): string {
  const absolute = path.resolve(target);
  const parent = path.dirname(absolute);
  if (fs.existsSync(absolute)) return fs.realpathSync(absolute);
  return parent === absolute ? absolute : path.join(realPath(parent), path.basename(absolute));
}

const isInside = (inner: string, outer: string) => inner.startsWith(outer.endsWith(path.sep) ? outer : `${outer}${path.sep}`);

/**
 * Refuses, in one line, an output `what` (an output folder, a zip file) at `target` that is, lies
 * inside or contains a guarded folder, or whose path runs through a file.
 */
export function checkPlacement(target: string, guards: readonly Guard[], what: "outputFolder" | "zipFile" | "zimFile", example: string): void {
  const output = say(what);
  for (const guard of guards) {
    const guarded = realPath(guard.path);
    const relation = target === guarded ? "placedAtGuard" : isInside(guarded, target) ? "placedAroundGuard" : !guard.mayHoldOutput && isInside(target, guarded) ? "placedInGuard" : undefined;
    if (relation) throw new UserError(say(relation, { what: output, target, guard: guard.name, guarded, example }), 2);
  }
  for (let ancestor = path.dirname(target); ancestor !== path.dirname(ancestor); ancestor = path.dirname(ancestor)) {
    const stat = fs.statSync(ancestor, { throwIfNoEntry: false });
    if (stat && !stat.isDirectory()) throw new UserError(say("pathThroughFile", { what: output, target, ancestor }), 2);
    if (stat) break;
  }
}

export interface OutputSpec {
  kind: OutputKind;
  /** Folders to keep clear of besides the project's own: the content folder, the site a copy is made of. */
  guards: readonly Guard[];
  /** What writes, for anyone who finds the folder locked: "npm run build". */
  command: string;
  /** A folder name to suggest instead of a refused one. */
  example: string;
}

export interface OutputFolder {
  /** The folder, links resolved. */
  path: string;
  kind: OutputKind;
  /** Its manifest as bantin left it; undefined for a new or empty folder. */
  previous: Manifest | undefined;
}

const KINDS = { site: "kindSite", offline: "kindOffline" } as const satisfies Record<OutputKind, MessageKey>;

/**
 * Refuses, in one line, an output folder that is misplaced (checkPlacement), a file, a non-empty
 * folder without a bantin manifest, or a folder of the other kind. Returns the folder, links
 * resolved, and its manifest. Commands call it first, to refuse before they build anything.
 */
export function checkOutputFolder(target: string, spec: OutputSpec): OutputFolder {
  const folder = realPath(target);
  try {
    return checkFolder(folder, spec);
  } catch (error) {
    throw writeFailure(error, folder) ?? error;
  }
}

function checkFolder(folder: string, spec: OutputSpec): OutputFolder {
  checkPlacement(folder, [...projectGuards(), ...spec.guards], "outputFolder", spec.example);
  const stat = fs.statSync(folder, { throwIfNoEntry: false });
  const { example } = spec;
  if (stat && !stat.isDirectory()) throw new UserError(say("outputIsFile", { folder, example }), 2);
  const previous = readManifest(folder);
  if (previous && previous.kind !== spec.kind) throw new UserError(say("outputOtherKind", { folder, found: say(KINDS[previous.kind]), wanted: say(KINDS[spec.kind]), example }), 2);
  if (!previous && stat && fs.readdirSync(folder).length > 0) throw new UserError(say("outputForeign", { folder, manifest: MANIFEST_FILE, example }), 2);
  return { path: folder, kind: spec.kind, previous };
}

/**
 * Checks an output folder (checkOutputFolder) and takes it: refuses a folder another command holds,
 * finishes what a killed command left beside it, and checks again, under the lock. The caller
 * releases the lock (npm start holds it while it runs).
 */
export function holdOutputFolder(target: string, spec: OutputSpec): { folder: OutputFolder; lock: FolderLock } {
  const { path: folder } = checkOutputFolder(target, spec);
  const lock = takeLock(folder, spec.command);
  try {
    recoverLeftovers(folder);
    return { folder: checkOutputFolder(folder, spec), lock };
  } catch (error) {
    lock.release();
    throw writeFailure(error, folder) ?? error;
  }
}

/** Holds an output folder (holdOutputFolder) for `work`, and lets it go when `work` is done or fails. */
export async function withOutputFolder<T>(target: string, spec: OutputSpec, work: (folder: OutputFolder) => Promise<T>): Promise<T> {
  const { folder, lock } = holdOutputFolder(target, spec);
  try {
    return await work(folder);
  } catch (error) {
    throw writeFailure(error, folder.path) ?? error;
  } finally {
    lock.release();
  }
}

/**
 * The lock beside `folder`, its parent made first; a folder nobody may write there is one line.
 * Releasing it also removes the parent folders it made when nothing came into them (a command that failed).
 */
function takeLock(folder: string, command: string): FolderLock {
  let made: string[] = [];
  try {
    made = makeFolders(path.dirname(folder));
    const lock = lockFolder(folder, command);
    return {
      release() {
        lock.release();
        removeEmptyFolders(made);
      },
    };
  } catch (error) {
    removeEmptyFolders(made);
    throw writeFailure(error, folder) ?? error;
  }
}

/**
 * Writes a complete new output for a held folder (withOutputFolder) and swaps it in: `write` fills
 * a fresh folder beside it, whose manifest says "incomplete" until every file is there; `beforeSwap`
 * may read the complete folder (the zip of an offline copy). A failure anywhere leaves the folder as
 * it was. Returns the files written, as site paths.
 */
export async function replaceOutput(folder: OutputFolder, sources: string, write: (dir: string) => Promise<void>, beforeSwap?: (dir: string) => Promise<void>): Promise<string[]> {
  const next = siblingOf(folder.path, "tmp");
  fs.mkdirSync(next);
  try {
    const manifest = (complete: boolean, files: string[]): Manifest => ({ tool: "bantin", kind: folder.kind, complete, sources, files });
    writeManifest(next, manifest(false, []));
    await write(next);
    const files = siteFiles(next).filter((file) => file !== `/${MANIFEST_FILE}`);
    if (fs.existsSync(folder.path)) {
      const clashing = clashes(userEntries(folder.path, new Set(folder.previous?.files ?? [])), files);
      if (clashing.length > 0) throw new UserError(say("outputClash", { file: path.join(folder.path, clashing[0]!), folder: folder.path }));
    }
    writeManifest(next, manifest(true, files));
    await beforeSwap?.(next);
    swapIn(next, folder.path);
    return files;
  } catch (error) {
    // Judged before the new folder goes: its files may be what filled the disk.
    throw writeFailure(error, folder.path, { from: next, to: folder.path }) ?? error;
  } finally {
    fs.rmSync(next, { recursive: true, force: true });
  }
}
