// Making the folders a write needs, and taking them back when the write fails, so that a refused
// or failed command leaves no empty folder behind.
import fs from "node:fs";
import path from "node:path";

/**
 * Creates `folder` and its missing parents one at a time, and returns those it created, outermost
 * first. Node's own `mkdirSync(…, { recursive: true })` never returns where the system answers
 * ENOENT for a parent that exists (a folder under /proc): this fails instead.
 */
export function makeFolders(folder: string): string[] {
  const missing: string[] = [];
  for (let current = path.resolve(folder); !fs.existsSync(current); current = path.dirname(current)) {
    if (path.dirname(current) === current) break;
    missing.unshift(current);
  }
  const created: string[] = [];
  try {
    for (const dir of missing) {
      fs.mkdirSync(dir);
      created.push(dir);
    }
  } catch (error) {
    removeEmptyFolders(created);
    throw error;
  }
  return created;
}

/** Removes folders made by makeFolders, innermost first, as long as they are empty. */
export function removeEmptyFolders(created: readonly string[]): void {
  for (const dir of [...created].reverse()) {
    try {
      fs.rmdirSync(dir);
    } catch {
      return;
    }
  }
}
