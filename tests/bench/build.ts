// Benchmark of a build, against a baseline: a generated archive of N articles (generated-archive.ts),
// built R times by bantin and by bare Eleventy with one layout plus the Pagefind CLI (baseline/),
// taking turns; then rebuilt by both after adding, editing and deleting one article. Prints wall
// time, bantin's stages, and the CPU time and peak memory of each process tree (process-tree.ts),
// median and range, the ratios bantin/baseline, and writes everything as JSON. Each command runs as
// node or Pagefind's binary itself, without npm, npx or tsx's launcher, whose own Node processes
// would count in the times and memory.
//   npm run bench -- [--articles 10000] [--runs 3] [--keep] [--json FILE]
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { folderSize } from "../../src/core/files.ts";
import type { BuildStages } from "../../src/site/build.ts";
import { generateArchive } from "./generated-archive.ts";
import { type ChildRun, type ProcessPeak, runChild } from "./process-tree.ts";

const PROJECT = fileURLToPath(new URL("../../", import.meta.url));
const BASELINE_CONFIG = fileURLToPath(new URL("baseline/eleventy.config.js", import.meta.url));
const ELEVENTY_CLI = path.join(PROJECT, "node_modules", "@11ty", "eleventy", "cmd.cjs");

/**
 * The binary `npx pagefind` runs, found as its npm wrapper finds it: running it directly keeps the
 * wrapper's own Node process out of the baseline's time and memory.
 */
function pagefindBinary(): string {
  const require = createRequire(import.meta.url);
  const platform = process.platform === "win32" ? "windows" : process.platform;
  for (const name of ["pagefind_extended", "pagefind"]) {
    try {
      return require.resolve(`@pagefind/${platform}-${os.arch()}/bin/${name}${platform === "windows" ? ".exe" : ""}`);
    } catch {
      // the next name
    }
  }
  throw new Error(`no Pagefind binary for ${platform}-${os.arch()} under node_modules/@pagefind/; run npm ci`);
}

// ---------------------------------------------------------------------------------------------
// Child processes

interface BantinRun {
  wallMs: number;
  cpuMs: number;
  peakBytes: number;
  processes: ProcessPeak[];
  /** From the build's BANTIN_TIMINGS line (src/site/build.ts). */
  stages: BuildStages;
  /** Wall time outside buildSite: starting Node, tsx compiling the TypeScript, imports, exit. */
  startupMs: number;
  /** Lock, manifest and swap: the total in process less its measured stages. */
  otherMs: number;
  /** "Built 1,234 pages". */
  pages: number;
}

/** The Node options `npm run build` gives (its heap's sizes), read from package.json so that the benchmark builds as it does. */
const buildNodeOptions = ((JSON.parse(fs.readFileSync(path.join(PROJECT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts.build!.match(/--max-(old|semi)-space-size=\d+/g) ?? []) as string[];
// In English: the page count is read from the result line.
const bantinArgs = (contentDir: string, outDir: string) => [...buildNodeOptions, "--import", "tsx", path.join(PROJECT, "src", "cli", "main.ts"), "build", "--lang", "en", "--content", contentDir, "--out", outDir];

/** `npm run build -- --content DIR --out DIR` without npm and tsx's launcher: node --import tsx, as tsx runs it. */
/** A build with the search shards cached in `cacheDir`: a cold build starts with it empty, a rebuild finds the shards the build before it made. */
async function runBantin(contentDir: string, outDir: string, cacheDir: string): Promise<BantinRun> {
  const run = await runChild("bantin build", process.execPath, bantinArgs(contentDir, outDir), { BANTIN_TIMINGS: "1", BANTIN_CACHE_DIR: cacheDir });
  const line = run.stderr.split("\n").find((text) => text.startsWith('{"bantinTimings"'));
  if (!line) throw new Error(`bantin build printed no BANTIN_TIMINGS line; its stderr:\n${run.stderr}`);
  const stages = (JSON.parse(line) as { bantinTimings: BuildStages }).bantinTimings;
  const pages = Number(/Built ([\d,]+) pages/.exec(run.stdout)?.[1]?.replaceAll(",", "") ?? NaN);
  const otherMs = stages.total - stages.hash - stages.content - stages.pages - stages.index;
  return { wallMs: run.wallMs, cpuMs: run.usage.cpuMs, peakBytes: run.usage.peakBytes, processes: run.usage.processes, stages, startupMs: run.wallMs - stages.total, otherMs, pages };
}

interface StepRun {
  wallMs: number;
  cpuMs: number;
  peakBytes: number;
  processes: ProcessPeak[];
}

interface BaselineRun {
  /** Eleventy's process, then Pagefind's, one after the other. */
  wallMs: number;
  cpuMs: number;
  /** The larger of the two trees' peaks: they never run at once. */
  peakBytes: number;
  eleventy: StepRun;
  pagefind: StepRun;
}

const eleventyArgs = (contentDir: string, outDir: string) => [ELEVENTY_CLI, `--config=${BASELINE_CONFIG}`, `--input=${contentDir}`, `--output=${outDir}`, "--quiet"];

async function runBaseline(contentDir: string, outDir: string, pagefind: string): Promise<BaselineRun> {
  const step = ({ wallMs, usage }: ChildRun): StepRun => ({ wallMs, cpuMs: usage.cpuMs, peakBytes: usage.peakBytes, processes: usage.processes });
  const eleventy = step(await runChild("baseline Eleventy", process.execPath, eleventyArgs(contentDir, outDir)));
  const index = step(await runChild("baseline Pagefind CLI", pagefind, ["--site", outDir]));
  return { wallMs: eleventy.wallMs + index.wallMs, cpuMs: eleventy.cpuMs + index.cpuMs, peakBytes: Math.max(eleventy.peakBytes, index.peakBytes), eleventy, pagefind: index };
}

// ---------------------------------------------------------------------------------------------
// Changes for the rebuilds

type Change = "add" | "edit" | "delete";
const CHANGES: readonly { change: Change; label: string }[] = [
  { change: "add", label: "add one article" },
  { change: "edit", label: "edit one article" },
  { change: "delete", label: "delete one article" },
];

/**
 * The three changes to a generated archive of `count` articles, and their undoing: a new article
 * (the first one's text under a new title and date), a paragraph added to the middle article, the
 * last article deleted. Undone after each run, so that every run starts from the same archive.
 */
function archiveChanges(contentDir: string, count: number) {
  const byName = new Map<string, string>();
  for (const file of fs.readdirSync(contentDir, { recursive: true, encoding: "utf8" })) byName.set(path.basename(file), path.join(contentDir, file));
  const article = (index: number) => {
    const file = byName.get(`bai-${index}.md`);
    if (!file) throw new Error(`bai-${index}.md is not in ${contentDir}`);
    return file;
  };
  const edited = article(Math.ceil(count / 2));
  const deleted = article(count);
  const [editedText, deletedText, firstText] = [edited, deleted, article(1)].map((file) => fs.readFileSync(file, "utf8"));
  const addedFolder = path.join(contentDir, "2023", "12");
  const added = path.join(addedFolder, "bai-them-de-do.md");
  let madeFolder = false;
  return {
    apply(change: Change): void {
      if (change === "add") {
        madeFolder = !fs.existsSync(addedFolder);
        fs.mkdirSync(addedFolder, { recursive: true });
        const text = firstText!.replace(/^title: .*$/m, 'title: "Bài viết thêm vào để đo bản dựng lại"').replace(/^date: .*$/m, 'date: "2023-12-31 10:00"');
        fs.writeFileSync(added, text);
      } else if (change === "edit") {
        fs.writeFileSync(edited, `${editedText!.trimEnd()}\n\nĐoạn văn này được thêm vào khi đo thời gian dựng lại trang sau một lần sửa bài.\n`);
      } else {
        fs.rmSync(deleted);
      }
    },
    undo(): void {
      fs.rmSync(added, { force: true });
      if (madeFolder) fs.rmSync(addedFolder, { recursive: true, force: true });
      madeFolder = false;
      fs.writeFileSync(edited, editedText!);
      fs.writeFileSync(deleted, deletedText!);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Statistics and printing

interface Stat {
  median: number;
  min: number;
  max: number;
}

function stat(values: number[]): Stat {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)! };
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const timeStat = (s: Stat) => `${seconds(s.median)} s (${seconds(s.min)}–${seconds(s.max)})`;
const memoryStat = (s: Stat) => `${mib(s.median)} MiB (${mib(s.min)}–${mib(s.max)})`;
const ratio = (a: Stat, b: Stat) => (b.median > 0 ? `${(a.median / b.median).toFixed(2)}×` : "–");

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => `  ${row.map((cell, column) => cell.padEnd(widths[column]!)).join("   ")}`.trimEnd()).join("\n");
}

/** Each kind of process (by name), medians over runs: its largest peak, and the CPU time of all of that name. */
function processPeaks(runs: ProcessPeak[][]): Record<string, { peak: Stat; cpu: Stat }> {
  const byName = new Map<string, { peak: number[]; cpu: number[] }>();
  for (const processes of runs) {
    const run = new Map<string, { peak: number; cpu: number }>();
    for (const { name, peakBytes, cpuMs } of processes) {
      const known = run.get(name) ?? { peak: 0, cpu: 0 };
      run.set(name, { peak: Math.max(known.peak, peakBytes), cpu: known.cpu + cpuMs });
    }
    for (const [name, { peak, cpu }] of run) {
      const lists = byName.get(name) ?? { peak: [], cpu: [] };
      lists.peak.push(peak);
      lists.cpu.push(cpu);
      byName.set(name, lists);
    }
  }
  return Object.fromEntries([...byName].map(([name, { peak, cpu }]) => [name, { peak: stat(peak), cpu: stat(cpu) }]));
}

const peaksLine = (peaks: Record<string, { peak: Stat; cpu: Stat }>) =>
  Object.entries(peaks)
    .map(([name, { peak, cpu }]) => `${name} ${mib(peak.median)} MiB ${seconds(cpu.median)} s`)
    .join(", ");

// ---------------------------------------------------------------------------------------------

interface Run {
  cold: { bantin: BantinRun; baseline: BaselineRun; output: { bantin: { files: number; bytes: number }; baseline: { files: number; bytes: number } } };
  rebuilds: Record<Change, { bantin: BantinRun; baseline: BaselineRun }>;
}

/** The commit and the files changed since, for the JSON: the numbers are those of the working tree. */
function gitState(): { commit: string; changed: string[] } | undefined {
  const git = (...args: string[]) => spawnSync("git", args, { cwd: PROJECT, encoding: "utf8" });
  const head = git("rev-parse", "HEAD");
  if (head.status !== 0) return undefined;
  const status = git("status", "--porcelain");
  return { commit: head.stdout.trim(), changed: status.stdout.split("\n").filter(Boolean) };
}

function usage(message: string): never {
  console.error(`${message}\nusage: npm run bench -- [--articles N] [--runs R] [--bantin-only] [--keep] [--json FILE]`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      articles: { type: "string", default: "10000" },
      runs: { type: "string", default: "3" },
      keep: { type: "boolean", default: false },
      json: { type: "string" },
      // For archives the baseline cannot index on this machine (one Pagefind index of 100,000 articles needs about 30 GiB).
      "bantin-only": { type: "boolean", default: false },
    },
  });
  const count = Number(values.articles);
  const runs = Number(values.runs);
  if (!Number.isInteger(count) || count < 2) usage(`--articles: expected a whole number of at least 2, got "${values.articles}"`);
  if (!Number.isInteger(runs) || runs < 1) usage(`--runs: expected a whole number of at least 1, got "${values.runs}"`);
  if (process.platform !== "linux") usage("the benchmark reads memory from /proc: it runs on Linux only");
  const jsonFile = path.resolve(values.json ?? path.join(os.tmpdir(), `bantin-bench-${count}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`));
  const pagefind = pagefindBinary();

  const root = fs.mkdtempSync(path.join(os.tmpdir(), "bantin-bench-"));
  const contentDir = path.join(root, "content");
  const bantinOut = path.join(root, "bantin-out");
  const baselineOut = path.join(root, "baseline-out");
  const cacheDir = path.join(root, "bantin-cache");
  const started = performance.now();
  const archive = generateArchive(contentDir, count);
  const generationMs = performance.now() - started;
  console.log(`generated ${count} articles (${archive.words} words, ${archive.distinctWords} distinct, ${archive.averageWords} an article) in ${seconds(generationMs)} s, in ${contentDir}`);
  console.log(`bantin:   node ${bantinArgs("CONTENT", "OUT").join(" ")}  (BANTIN_TIMINGS=1)`);
  console.log(`baseline: node ${eleventyArgs("CONTENT", "OUT").map((arg) => path.relative(PROJECT, arg) || arg).join(" ")}`);
  console.log(`          then ${path.relative(PROJECT, pagefind)} --site OUT`);
  console.log(`${runs} run${runs > 1 ? "s" : ""}, bantin and baseline taking turns; memory: VmRSS of each process tree every 50 ms, peak of the sum\n`);

  const changes = archiveChanges(contentDir, count);
  const results: Run[] = [];
  const bantinLine = (what: string, run: BantinRun) => {
    const s = run.stages;
    console.log(
      `  bantin   ${what.padEnd(18)} ${seconds(run.wallMs)} s, CPU ${seconds(run.cpuMs)} s, ${mib(run.peakBytes)} MiB  ` +
        `(start-up ${seconds(run.startupMs)}, hash ${seconds(s.hash)}, content ${seconds(s.content)}, pages ${seconds(s.pages)}, index ${seconds(s.index)}, other ${seconds(run.otherMs)}; ${run.pages} pages)`,
    );
  };
  const baselineLine = (what: string, run: BaselineRun) =>
    console.log(`  baseline ${what.padEnd(18)} ${seconds(run.wallMs)} s, CPU ${seconds(run.cpuMs)} s, ${mib(run.peakBytes)} MiB  (Eleventy ${seconds(run.eleventy.wallMs)} s ${mib(run.eleventy.peakBytes)} MiB, Pagefind ${seconds(run.pagefind.wallMs)} s ${mib(run.pagefind.peakBytes)} MiB)`);

  try {
    for (let number = 1; number <= runs; number++) {
      console.log(`run ${number} of ${runs}`);
      for (const out of [bantinOut, baselineOut, cacheDir]) fs.rmSync(out, { recursive: true, force: true });
      const bantin = await runBantin(contentDir, bantinOut, cacheDir);
      bantinLine("cold build", bantin);
      if (values["bantin-only"]) {
        const output = folderSize(bantinOut);
        console.log(`  bantin   output             ${output.files} files, ${mib(output.bytes)} MiB`);
        changes.apply("add");
        try {
          bantinLine("add one article", await runBantin(contentDir, bantinOut, cacheDir));
        } finally {
          changes.undo();
        }
        continue;
      }
      const baseline = await runBaseline(contentDir, baselineOut, pagefind);
      baselineLine("cold build", baseline);
      const output = { bantin: folderSize(bantinOut), baseline: folderSize(baselineOut) };
      const rebuilds = {} as Run["rebuilds"];
      try {
        for (const { change, label } of CHANGES) {
          changes.apply(change);
          const bantinRebuild = await runBantin(contentDir, bantinOut, cacheDir);
          bantinLine(label, bantinRebuild);
          const baselineRebuild = await runBaseline(contentDir, baselineOut, pagefind);
          baselineLine(label, baselineRebuild);
          rebuilds[change] = { bantin: bantinRebuild, baseline: baselineRebuild };
        }
      } finally {
        changes.undo();
      }
      results.push({ cold: { bantin, baseline, output }, rebuilds });
      for (const out of [bantinOut, baselineOut]) fs.rmSync(out, { recursive: true, force: true });
    }
  } finally {
    if (values.keep) console.log(`kept ${root}`);
    else fs.rmSync(root, { recursive: true, force: true });
  }

  if (values["bantin-only"]) return;
  // Summary
  const cold = {
    bantin: {
      wall: stat(results.map((run) => run.cold.bantin.wallMs)),
      cpu: stat(results.map((run) => run.cold.bantin.cpuMs)),
      site: stat(results.map((run) => run.cold.bantin.wallMs - run.cold.bantin.stages.index)),
      index: stat(results.map((run) => run.cold.bantin.stages.index)),
      memory: stat(results.map((run) => run.cold.bantin.peakBytes)),
      processes: processPeaks(results.map((run) => run.cold.bantin.processes)),
      stages: {
        startup: stat(results.map((run) => run.cold.bantin.startupMs)),
        hash: stat(results.map((run) => run.cold.bantin.stages.hash)),
        content: stat(results.map((run) => run.cold.bantin.stages.content)),
        pages: stat(results.map((run) => run.cold.bantin.stages.pages)),
        index: stat(results.map((run) => run.cold.bantin.stages.index)),
        other: stat(results.map((run) => run.cold.bantin.otherMs)),
        total: stat(results.map((run) => run.cold.bantin.stages.total)),
      },
    },
    baseline: {
      wall: stat(results.map((run) => run.cold.baseline.wallMs)),
      cpu: stat(results.map((run) => run.cold.baseline.cpuMs)),
      site: stat(results.map((run) => run.cold.baseline.eleventy.wallMs)),
      index: stat(results.map((run) => run.cold.baseline.pagefind.wallMs)),
      memory: stat(results.map((run) => run.cold.baseline.peakBytes)),
      eleventyMemory: stat(results.map((run) => run.cold.baseline.eleventy.peakBytes)),
      pagefindMemory: stat(results.map((run) => run.cold.baseline.pagefind.peakBytes)),
      processes: processPeaks(results.map((run) => [...run.cold.baseline.eleventy.processes, ...run.cold.baseline.pagefind.processes])),
    },
  };
  const output = results[0]!.cold.output;
  console.log(`\ncold build of ${count} articles, ${runs} run${runs > 1 ? "s" : ""} each: median (min–max)`);
  console.log(
    table([
      ["", "bantin", "baseline", "bantin/baseline"],
      ["wall time", timeStat(cold.bantin.wall), timeStat(cold.baseline.wall), ratio(cold.bantin.wall, cold.baseline.wall)],
      ["  until the pages are written", timeStat(cold.bantin.site), timeStat(cold.baseline.site), ratio(cold.bantin.site, cold.baseline.site)],
      ["  search index after that", timeStat(cold.bantin.index), timeStat(cold.baseline.index), ratio(cold.bantin.index, cold.baseline.index)],
      ["CPU time (user + system), process tree", timeStat(cold.bantin.cpu), timeStat(cold.baseline.cpu), ratio(cold.bantin.cpu, cold.baseline.cpu)],
      ["peak memory, process tree", memoryStat(cold.bantin.memory), memoryStat(cold.baseline.memory), ratio(cold.bantin.memory, cold.baseline.memory)],
      ["output", `${output.bantin.files} files, ${mib(output.bantin.bytes)} MiB`, `${output.baseline.files} files, ${mib(output.baseline.bytes)} MiB`, ""],
    ]),
  );
  console.log("  bantin: its wall time less its index stage, then that stage (what the index does once the pages are written; Pagefind may read pages while they render).");
  console.log("  baseline: the Eleventy process, then the Pagefind CLI process; its peak memory is the larger of the two.");
  console.log(`  each process, peak (VmHWM) and CPU, median: bantin ${peaksLine(cold.bantin.processes)}; baseline ${peaksLine(cold.baseline.processes)}`);

  const stages = cold.bantin.stages;
  console.log(`\nbantin's cold build by stage (BANTIN_TIMINGS=1), median (min–max)`);
  console.log(
    table([
      ["start-up: Node, tsx, imports, exit (wall − total)", timeStat(stages.startup)],
      ["hash of the sources (manifest)", timeStat(stages.hash)],
      ["content: read and check the Markdown", timeStat(stages.content)],
      ["pages: Eleventy up to eleventy.after", timeStat(stages.pages)],
      ["index: from eleventy.after to the end (Pagefind)", timeStat(stages.index)],
      ["other: lock, manifest, swap", timeStat(stages.other)],
      ["total in process", timeStat(stages.total)],
    ]),
  );

  const rebuilds = Object.fromEntries(
    CHANGES.map(({ change }) => [
      change,
      {
        bantin: { wall: stat(results.map((run) => run.rebuilds[change].bantin.wallMs)), cpu: stat(results.map((run) => run.rebuilds[change].bantin.cpuMs)), memory: stat(results.map((run) => run.rebuilds[change].bantin.peakBytes)) },
        baseline: { wall: stat(results.map((run) => run.rebuilds[change].baseline.wallMs)), cpu: stat(results.map((run) => run.rebuilds[change].baseline.cpuMs)), memory: stat(results.map((run) => run.rebuilds[change].baseline.peakBytes)) },
      },
    ]),
  ) as Record<Change, Record<"bantin" | "baseline", { wall: Stat; cpu: Stat; memory: Stat }>>;
  console.log(`\nrebuild into the built folder after one change (a full build each; Eleventy keeps a deleted article's page): median (min–max)`);
  console.log(
    table([
      ["", "bantin", "baseline", "bantin/baseline", "CPU bantin / baseline", "peak memory bantin / baseline"],
      ...CHANGES.map(({ change, label }) => {
        const { bantin, baseline } = rebuilds[change];
        return [label, timeStat(bantin.wall), timeStat(baseline.wall), ratio(bantin.wall, baseline.wall), `${seconds(bantin.cpu.median)} / ${seconds(baseline.cpu.median)} s (${ratio(bantin.cpu, baseline.cpu)})`, `${mib(bantin.memory.median)} / ${mib(baseline.memory.median)} MiB`];
      }),
    ]),
  );

  const report = {
    benchmark: "npm run bench",
    date: new Date().toISOString(),
    machine: { node: process.version, platform: `${process.platform}-${os.arch()}`, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryBytes: os.totalmem() },
    git: gitState(),
    articles: count,
    runs,
    archive: { ...archive, generationMs: Math.round(generationMs) },
    commands: {
      bantin: ["node", ...bantinArgs("CONTENT", "OUT")],
      baseline: [["node", ...eleventyArgs("CONTENT", "OUT")], [pagefind, "--site", "OUT"]],
    },
    cpu: "user + system CPU time of each process of the tree (/proc/<pid>/stat), as last sampled, summed",
    memorySampling: "sum of VmRSS of the process and its descendants, every 50 ms; peak of the sum",
    summary: { cold, rebuilds },
    results,
  };
  fs.writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nJSON: ${jsonFile}`);
}

await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
