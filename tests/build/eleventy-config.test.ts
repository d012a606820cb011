import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { siteFiles } from "../../src/core/files.ts";
import { buildFixture, PROJECT, tempDir } from "../helpers/site.ts";

describe("eleventy.config.ts", () => {
  it("lets Eleventy's own CLI build the sample archive exactly as `npm run build` does", async () => {
    const outDir = tempDir("eleventy-cli");
    const cli = path.join(PROJECT, "node_modules/@11ty/eleventy/cmd.cjs");
    await promisify(execFile)("npx", ["tsx", cli, "--config=eleventy.config.ts", `--output=${outDir}`, "--quiet"], { cwd: PROJECT });
    const built = await buildFixture(path.join(PROJECT, "content"));
    // bantin's own commands record what they wrote in a manifest; Eleventy's CLI writes none.
    const files = siteFiles(built.outDir).filter((file) => file !== "/.bantin-manifest.json");
    expect(siteFiles(outDir)).toEqual(files);
    expect(files.filter((file) => file.endsWith(".html")).length).toBeGreaterThan(100);
    const differing = files.filter((file) => !fs.readFileSync(path.join(outDir, file)).equals(fs.readFileSync(path.join(built.outDir, file))));
    expect(differing).toEqual([]);
  });
});
