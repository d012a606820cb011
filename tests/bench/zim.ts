// Benchmark of the ZIM edition: `npm run zim` on a built site, its wall time, CPU and peak memory
// (the whole process tree: Node and zimwriterfs) and the ZIM's size, beside `npm run offline --zip`
// on the same site in the same run, the nearest thing bantin wrote before (compare ratios, not
// seconds). Then the query table of the search tests (search-latency.ts) through kiwix-serve's
// full-text search: how many results, the first, and, on the sample archive, whether the search
// page's first result (the ranking golden) is Kiwix's first or among its first ten.
//   npm run bench:zim -- [--articles 10000] [--content DIR] [--keep]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { fullTextSearch, serveZim } from "../helpers/kiwix.ts";
import { GOLDEN_FILE } from "../helpers/search-ranking.ts";
import { generateArchive } from "./generated-archive.ts";
import { type ChildRun, runChild } from "./process-tree.ts";
import { QUERY_TABLE } from "./search-latency.ts";

const PROJECT = fileURLToPath(new URL("../../", import.meta.url));
const CLI = path.join(PROJECT, "src", "cli", "main.ts");
/** The Node options the npm scripts give (their heap's sizes), so that the commands run as they do. */
const nodeOptions = ((JSON.parse(fs.readFileSync(path.join(PROJECT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts.zim!.match(/--max-(old|semi)-space-size=\d+/g) ?? []) as string[];

const bantin = (label: string, ...args: string[]) => runChild(label, process.execPath, [...nodeOptions, "--import", "tsx", CLI, ...args, "--lang", "en"]);
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const line = (name: string, run: ChildRun, bytes: number) =>
  `${name.padEnd(26)} ${seconds(run.wallMs).padStart(8)} wall, ${seconds(run.usage.cpuMs).padStart(8)} CPU, peak ${mib(run.usage.peakBytes).padStart(11)}, ${mib(bytes).padStart(10)} on disk`;

/** The search page's first result for a bare query on the sample archive, from the ranking golden, as a path inside the ZIM. */
function goldenFirst(): Map<string, string> {
  const golden = JSON.parse(fs.readFileSync(GOLDEN_FILE, "utf8")) as { archives: { sample: { rows: { params: Record<string, string>; hrefs: string[] }[] } } };
  const first = new Map<string, string>();
  for (const row of golden.archives.sample.rows) {
    const keys = Object.keys(row.params);
    if (keys.length === 1 && row.params.q && row.hrefs[0]) first.set(row.params.q, `${row.hrefs[0].slice(1)}index.html`);
  }
  return first;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { articles: { type: "string", default: "10000" }, content: { type: "string" }, keep: { type: "boolean", default: false } } });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "bantin-bench-zim-"));
  try {
    let content = values.content ? path.resolve(values.content) : path.join(work, "content");
    if (!values.content) {
      const stats = generateArchive(content, Number(values.articles));
      console.log(`generated ${stats.articles} articles into ${content}`);
    }
    content = fs.realpathSync(content);
    const site = path.join(work, "dist");
    const build = await bantin("build", "build", "--content", content, "--out", site);
    console.log(line("build (not compared)", build, 0));
    // Both reuse the site just built: what is timed is the copy and its packing.
    const zipFile = path.join(work, "ban-tin.zip");
    const offline = await bantin("offline --zip", "offline", "--content", content, "--site", site, "--out", path.join(work, "offline"), "--zip", zipFile);
    const zimFile = path.join(work, "ban-tin.zim");
    const zim = await bantin("zim", "zim", "--content", content, "--site", site, "--out", zimFile);
    console.log(line("offline copy and its zip", offline, fs.statSync(zipFile).size));
    console.log(line("ZIM", zim, fs.statSync(zimFile).size));
    console.log(`ZIM / zip: wall ${(zim.wallMs / offline.wallMs).toFixed(2)}×, size ${(fs.statSync(zimFile).size / fs.statSync(zipFile).size).toFixed(2)}×`);
    for (const process of zim.usage.processes.filter((each) => each.peakBytes > 0)) console.log(`  ${process.name}: peak ${mib(process.peakBytes)}, ${seconds(process.cpuMs)} CPU`);

    const served = await serveZim(zimFile);
    const golden = values.content && path.resolve(values.content) === path.join(PROJECT, "content") ? goldenFirst() : new Map<string, string>();
    try {
      console.log("\nkiwix-serve full-text search (first page of up to 50):");
      console.log(`${"query".padEnd(52)} ${"results".padStart(7)}  first${golden.size ? "  (search page's first: Kiwix's place)" : ""}`);
      for (const query of QUERY_TABLE) {
        if (!query.q) continue;
        const started = performance.now();
        const found = await fullTextSearch(served, query.q);
        const ms = performance.now() - started;
        const filtered = Boolean(query.category || query.year || query.sort);
        const expected = filtered ? undefined : golden.get(query.q);
        const place = expected === undefined ? "" : found.indexOf(expected) < 0 ? "  (not found)" : `  (${found.indexOf(expected) + 1})`;
        const filters = filtered ? " [its filters are the search page's: left out]" : "";
        console.log(`${`${query.kind}: ${query.q}`.padEnd(52)} ${String(found.length).padStart(7)}  ${found[0] ?? "–"} ${Math.round(ms)} ms${place}${filters}`);
      }
    } finally {
      await served.close();
    }
  } finally {
    if (values.keep) console.log(`kept ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
}

await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
