// Eleventy renders every page before it writes the first and keeps each until its build ends;
// src/site/eleventy-memory.ts renders each page as it is written and lets it go once written.
// Checked through what Eleventy's write() returns, which held every page too.
import fs from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { describe, expect, it } from "vitest";
import { LAYOUTS_DIR } from "../../src/core/project.ts";
import { pagesInMemory, TEMPLATES_AT_ONCE } from "../../src/site/eleventy-memory.ts";
import { untilStill } from "../../src/site/build.ts";
import { bantinPlugin } from "../../src/site/plugin.ts";
import { FIXTURES, tempDir } from "../helpers/site.ts";

function fixtureSite(outDir: string, layoutsDir = LAYOUTS_DIR): Eleventy {
  return new Eleventy(layoutsDir, outDir, {
    quietMode: true,
    config: (config: UserConfig) => config.addPlugin(bantinPlugin, { contentDir: path.join(FIXTURES, "site") }),
  });
}

describe("pages Eleventy wrote", () => {
  it("are rendered a few at a time, let go once written, and written whole", async () => {
    const outDir = tempDir("memory");
    pagesInMemory.most = 0;
    const results = (await fixtureSite(outDir).write()) as unknown as [{ outputPath?: string; content?: unknown; rawInput?: unknown }[]];
    const written = results.flat().filter((entry) => typeof entry?.outputPath === "string");
    expect(written.length).toBeGreaterThan(20);
    for (const entry of written) {
      expect(entry.content, entry.outputPath).toBeUndefined();
      expect(entry.rawInput, entry.outputPath).toBeUndefined();
      expect(fs.statSync(entry.outputPath!).size, entry.outputPath).toBeGreaterThan(0);
    }
    expect(fs.readFileSync(path.join(outDir, "index.html"), "utf8")).toMatch(/<\/html>\s*$/);
    // A template renders its next page while its last one is being written: two each at most.
    expect(pagesInMemory.most).toBeGreaterThan(0);
    expect(pagesInMemory.most).toBeLessThanOrEqual(2 * TEMPLATES_AT_ONCE);
    expect(pagesInMemory.now).toBe(0);
  });

  it("fail with the template's name when a page uses another page's content", async () => {
    const layoutsDir = path.join(tempDir("memory-layouts"), "layouts");
    fs.cpSync(LAYOUTS_DIR, layoutsDir, { recursive: true });
    fs.writeFileSync(path.join(layoutsDir, "borrows.njk"), "---\npermalink: /borrows/\n---\n{{ collections.all[0].templateContent }}\n");
    const outDir = tempDir("memory-content");
    const written = fixtureSite(outDir, layoutsDir).write();
    await expect(written).rejects.toMatchObject({ originalError: { message: expect.stringMatching(/borrows\.njk uses another page's content/) } });
    // Eleventy rejects while its copies go on writing: they must end before the folder is removed.
    await untilStill(outDir);
  });
});
