// The files of the decap-cms package the CMS page loads, copied by the build: the page is served
// with the site and fetches nothing from another host.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** decap-cms/dist: the bundled build, React and the Vietnamese interface inside. */
export const DECAP_DIST = path.join(path.dirname(createRequire(import.meta.url).resolve("decap-cms/package.json")), "dist");

/**
 * The script and what it loads at run time, relative to it: its chunks (`<n>.decap-cms.js`) and
 * WebAssembly, and its licence notice. The package also holds a second copy of the build (`cms.js`)
 * and source maps, which no page loads.
 */
export function decapFiles(): string[] {
  return fs
    .readdirSync(DECAP_DIST)
    .filter((name) => /^(?:\d+\.)?decap-cms\.js$|^decap-cms\.js\.LICENSE\.txt$|\.wasm$/.test(name))
    .sort();
}

/** Copies them into `dir` (the CMS folder of a site being built). */
export function copyDecapFiles(dir: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const files = decapFiles();
  for (const name of files) fs.copyFileSync(path.join(DECAP_DIST, name), path.join(dir, name));
  return files;
}
