// Benchmark: builds a generated archive of N articles and prints time, pages, size and memory.
//   npm run bench -- [--articles 10000] [--keep]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildSite } from "../../src/site/build.ts";
import { folderSize } from "../../src/core/files.ts";
import { generateArchive } from "./generated-archive.ts";

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { articles: { type: "string", default: "10000" }, keep: { type: "boolean", default: false } } });
  const count = Number(values.articles);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "bantin-bench-"));
  const contentDir = path.join(root, "content");
  const outDir = path.join(root, "dist");
  let started = performance.now();
  generateArchive(contentDir, count);
  console.log(`generated ${count} articles in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  started = performance.now();
  const result = await buildSite({ contentDir, outDir });
  const seconds = (performance.now() - started) / 1000;
  console.log(`build: ${result.pages} pages in ${seconds.toFixed(1)} s (${((count / seconds) | 0)} articles/s)`);
  console.log(`output: ${(folderSize(outDir).bytes / 2 ** 20).toFixed(1)} MiB in ${outDir}`);
  console.log(`peak memory (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  if (!values.keep) fs.rmSync(root, { recursive: true, force: true });
}

await main();
