// The layout of src/ is part of the design: each folder's README says what it may import, and
// this test holds the code to it.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT } from "../helpers/paths.ts";

const SRC = path.join(PROJECT, "src");
const folders = fs.readdirSync(SRC, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);

/** What a folder's README allows: the folder names on its "Imports:" line. */
function allowedImports(folder: string): Set<string> {
  const readme = fs.readFileSync(path.join(SRC, folder, "README.md"), "utf8");
  const line = /^Imports: (.*)$/m.exec(readme)?.[1];
  if (line === undefined) throw new Error(`src/${folder}/README.md has no "Imports:" line`);
  return new Set(line.split(/[^a-z]+/).filter((word) => folders.includes(word)));
}

interface Module {
  file: string;
  /** Resolved paths of the project's modules it imports, and the packages it names. */
  modules: string[];
  packages: { name: string; typeOnly: boolean }[];
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^"';]*?\sfrom\s+)?"([^"]+)"/gm;

function readModule(file: string): Module {
  const source = fs.readFileSync(file, "utf8");
  const modules: string[] = [];
  const packages: Module["packages"] = [];
  for (const [, , typeOnly, specifier] of source.matchAll(IMPORT)) {
    if (specifier!.startsWith(".")) modules.push(path.resolve(path.dirname(file), specifier!));
    else packages.push({ name: specifier!, typeOnly: typeOnly !== undefined });
  }
  return { file, modules, packages };
}

const modules = new Map(
  fs
    .readdirSync(SRC, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .map((file) => path.join(SRC, file))
    .map((file) => [file, readModule(file)]),
);
const folderOf = (file: string) => path.relative(SRC, file).split(path.sep)[0]!;

describe("the layout of src/", () => {
  it("has only folders, each saying in its README what it holds and may import", () => {
    expect(fs.readdirSync(SRC).filter((name) => !fs.statSync(path.join(SRC, name)).isDirectory())).toEqual([]);
    expect(folders.sort()).toEqual(["cli", "client", "cms", "content", "core", "importer", "offline", "search", "site"]);
    for (const folder of folders) expect(allowedImports(folder).has(folder), folder).toBe(false);
    expect([...allowedImports("core")]).toEqual([]);
  });

  it("imports across folders only as the READMEs allow, and never from outside src/", () => {
    const wrong: string[] = [];
    for (const { file, modules: imported } of modules.values()) {
      const allowed = allowedImports(folderOf(file));
      for (const target of imported) {
        const where = `${path.relative(PROJECT, file)} → ${path.relative(PROJECT, target)}`;
        if (!target.startsWith(`${SRC}${path.sep}`)) wrong.push(`${where} (outside src/)`);
        else if (!modules.has(target)) wrong.push(`${where} (no such module)`);
        else if (folderOf(target) !== folderOf(file) && !allowed.has(folderOf(target))) wrong.push(where);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("has no import cycle", () => {
    const state = new Map<string, "visiting" | "done">();
    const cycles: string[] = [];
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "visiting") {
        cycles.push([...trail.slice(trail.indexOf(file)), file].map((step) => path.relative(SRC, step)).join(" → "));
        return;
      }
      state.set(file, "visiting");
      for (const target of modules.get(file)?.modules ?? []) visit(target, [...trail, file]);
      state.set(file, "done");
    };
    for (const file of modules.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it("keeps the browser code free of Node: everything it reaches is bundled for the browser", () => {
    const reached = new Set<string>();
    const walk = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const target of modules.get(file)?.modules ?? []) walk(target);
    };
    for (const file of modules.keys()) if (folderOf(file) === "client") walk(file);
    expect(reached.size).toBeGreaterThan(0);
    const runtimePackages = [...reached].flatMap((file) => modules.get(file)!.packages.filter((pkg) => !pkg.typeOnly).map((pkg) => `${path.relative(SRC, file)}: ${pkg.name}`));
    expect(runtimePackages).toEqual([]);
  });
});
