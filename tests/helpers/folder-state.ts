// What every hostile test checks last: that nothing changed on disk but what bantin says it wrote.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Every file and folder under `dirs` (hidden ones included), by absolute path: a hash of a file's bytes, "folder" for a folder. */
export function snapshot(...dirs: string[]): Map<string, string> {
  const state = new Map<string, string>();
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir, { recursive: true, encoding: "utf8" })) {
      const file = path.join(dir, name);
      const stats = fs.lstatSync(file);
      state.set(file, stats.isDirectory() ? "folder" : crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex"));
    }
  }
  return state;
}

/** What differs between two snapshots, each list sorted. */
export function changes(before: Map<string, string>, after: Map<string, string>): { added: string[]; removed: string[]; changed: string[] } {
  return {
    added: [...after.keys()].filter((file) => !before.has(file)).sort(),
    removed: [...before.keys()].filter((file) => !after.has(file)).sort(),
    changed: [...after.keys()].filter((file) => before.has(file) && before.get(file) !== after.get(file)).sort(),
  };
}

export const NO_CHANGE = { added: [], removed: [], changed: [] };

/** An error as Node's fs throws it, e.g. ENOSPC from write(). */
export function systemError(code: string, description: string, syscall: string, ...paths: string[]): NodeJS.ErrnoException {
  const where = paths.length > 0 ? ` ${paths.map((file) => `'${file}'`).join(" -> ")}` : "";
  return Object.assign(new Error(`${code}: ${description}, ${syscall}${where}`), { code, syscall });
}
