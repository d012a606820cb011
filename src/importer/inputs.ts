// Which files an import reads: the paths it was given, folders walked.
import fs from "node:fs";
import path from "node:path";
import { byCodeUnits } from "../core/text.ts";
import { failedResult, type ImportResult } from "./report.ts";

/** A file to import. */
export interface Input {
  /** Path as shown in the report: as given, or joined to the folder given. */
  display: string;
  absolute: string;
}

/**
 * Files named explicitly are taken whatever their name; folders give every regular file in them
 * and their subfolders except hidden ones (a name starting with "."), in a stable order. The
 * output folder is never read as input, and a file reached twice is imported once. A path that
 * cannot be read is a failed result in its place, so the report keeps the order of the inputs.
 */
export function collectInputs(paths: readonly string[], cwd: string, outDir: string): (Input | ImportResult)[] {
  const items: (Input | ImportResult)[] = [];
  const seenFiles = new Set<string>();
  const seenFolders = new Set<string>();
  const outReal = realpath(outDir);

  const addFile = (absolute: string, display: string) => {
    const real = realpath(absolute) ?? absolute;
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    items.push({ absolute, display });
  };
  const walk = (folder: string, display: string) => {
    const real = realpath(folder) ?? folder;
    // Symbolic links may loop back; the output folder holds articles, not captures.
    if (seenFolders.has(real) || real === outReal) return;
    seenFolders.add(real);
    const entries = fs
      .readdirSync(folder, { withFileTypes: true })
      .filter((entry) => !entry.name.startsWith("."))
      .sort((a, b) => byCodeUnits(a.name, b.name));
    for (const entry of entries) {
      const absolute = path.join(folder, entry.name);
      const shown = path.join(display, entry.name);
      const stats = entry.isSymbolicLink() ? statOrUndefined(absolute) : entry;
      if (!stats) items.push(failedResult(shown, "broken symbolic link"));
      else if (stats.isDirectory()) walk(absolute, shown);
      else if (stats.isFile()) addFile(absolute, shown);
    }
  };

  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    let stats: fs.Stats;
    try {
      stats = fs.statSync(absolute);
    } catch (error) {
      items.push(failedResult(given, (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or folder" : (error as Error).message));
      continue;
    }
    if (stats.isDirectory()) {
      try {
        walk(absolute, given);
      } catch (error) {
        items.push(failedResult(given, `could not read the folder: ${(error as Error).message}`));
      }
    } else if (stats.isFile()) addFile(absolute, given);
    else items.push(failedResult(given, "not a regular file or a folder"));
  }
  return items;
}

function realpath(file: string): string | undefined {
  try {
    return fs.realpathSync(file);
  } catch {
    return undefined;
  }
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}
