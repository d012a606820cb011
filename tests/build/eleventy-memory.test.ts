// Eleventy keeps each page it wrote in memory until its build ends; src/site/eleventy-memory.ts lets
// each go once written. Checked through what Eleventy's write() returns, which held every page too.
import fs from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { describe, expect, it } from "vitest";
import { LAYOUTS_DIR } from "../../src/core/project.ts";
import { bantinPlugin } from "../../src/site/plugin.ts";
import { FIXTURES, tempDir } from "../helpers/site.ts";

describe("pages Eleventy wrote", () => {
  it("are let go once written, and written whole", async () => {
    const outDir = tempDir("memory");
    const eleventy = new Eleventy(LAYOUTS_DIR, outDir, {
      quietMode: true,
      config: (config: UserConfig) => config.addPlugin(bantinPlugin, { contentDir: path.join(FIXTURES, "site") }),
    });
    const results = (await eleventy.write()) as unknown as [{ outputPath?: string; content?: unknown; rawInput?: unknown }[]];
    const written = results.flat().filter((entry) => typeof entry?.outputPath === "string");
    expect(written.length).toBeGreaterThan(20);
    for (const entry of written) {
      expect(entry.content, entry.outputPath).toBeUndefined();
      expect(entry.rawInput, entry.outputPath).toBeUndefined();
      expect(fs.statSync(entry.outputPath!).size, entry.outputPath).toBeGreaterThan(0);
    }
    expect(fs.readFileSync(path.join(outDir, "index.html"), "utf8")).toMatch(/<\/html>\s*$/);
  });
});
