// The record bantin keeps inside each folder it writes (docs/design.md, "Output folders"): what the
// folder holds, whether it is complete, the sources it was made from, and every file bantin wrote
// there. A later command removes only files this record lists, and reuses a site only when it is
// complete and made from the current sources for the same site URL.
import fs from "node:fs";
import path from "node:path";
import { UserError } from "./errors.ts";
import { say } from "./messages.ts";

/** The manifest's name inside an output folder; a site path `/.bantin-manifest.json`. */
export const MANIFEST_FILE = ".bantin-manifest.json";

/** What an output folder holds: a site to host (build, start) or a copy to open from disk (offline). */
export type OutputKind = "site" | "offline";

export interface Manifest {
  tool: "bantin";
  kind: OutputKind;
  /** False while the folder is being written in place (npm start), or when a build stopped midway. */
  complete: boolean;
  /** Hash of the sources the output was made from, and of the options that change it (see source-hash.ts); "" when not known. */
  sources: string;
  /** Every file bantin wrote, as site paths (/a/b.html), sorted; the manifest itself not included. */
  files: string[];
}

const KINDS: readonly OutputKind[] = ["site", "offline"];

/**
 * True for a site path that stays inside its folder: "/a/b.html", never "/../x", "//x", "/a/./b" or
 * "/". A manifest is a file anyone can edit, and bantin deletes what it lists.
 */
export function isSitePath(value: unknown): value is string {
  return typeof value === "string" && value.length > 1 && !value.includes("\0") && !value.includes("\\") && path.posix.normalize(value) === value && value.startsWith("/") && !value.startsWith("/..") && !value.endsWith("/");
}

/** Reads a manifest's text; the reason it is not one bantin wrote, or the manifest. */
export function parseManifest(text: string): Manifest | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return "not JSON";
  }
  if (typeof data !== "object" || data === null) return "not a JSON object";
  const record = data as Record<string, unknown>;
  if (record.tool !== "bantin") return "its `tool` is not bantin";
  if (!KINDS.includes(record.kind as OutputKind)) return `its \`kind\` is not one of ${KINDS.join(", ")}`;
  if (typeof record.complete !== "boolean") return "its `complete` is not true or false";
  if (typeof record.sources !== "string") return "its `sources` is not text";
  if (!Array.isArray(record.files)) return "its `files` is not a list";
  const outside = record.files.find((file) => !isSitePath(file));
  if (outside !== undefined) return `it lists ${JSON.stringify(outside)}, not a path inside the folder`;
  return { tool: "bantin", kind: record.kind as OutputKind, complete: record.complete, sources: record.sources, files: record.files as string[] };
}

/** The manifest of `dir`, or undefined when it has none; a UserError when it has one bantin cannot trust. */
export function readManifest(dir: string): Manifest | undefined {
  const file = path.join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const manifest = parseManifest(text);
  if (typeof manifest === "string") throw new UserError(say("manifestUntrusted", { file, reason: manifest, dir }));
  return manifest;
}

/** Writes the manifest of `dir` whole or not at all: a new file renamed over the old one. */
export function writeManifest(dir: string, manifest: Manifest): void {
  const file = path.join(dir, MANIFEST_FILE);
  const partial = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(partial, `${JSON.stringify(manifest, null, 1)}\n`);
  fs.renameSync(partial, file);
}
