// Benchmark of search in the offline copy opened from disk (src/offline/search.ts): the wrapped index
// files against the index files they wrap, what a first query reads of pagefind/ from file:// in
// Chromium, and how long the copy's shim takes to hand over (decode) what it reads, the largest
// wrapped file alone too.
//   npx tsx tests/bench/offline-search.ts --content DIR [--query "ủy ban nhân dân" --query …] [--keep]
//   npx tsx tests/bench/offline-search.ts --copy DIR [--query …]
// --content builds the site and its offline copy in a temporary folder; --copy measures a copy
// written before (npm run offline), by whichever version of bantin, to compare two.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../helpers/browser.ts";
import { ONLINE_ONLY_FOLDERS } from "../../src/content/urls.ts";
import { writeOfflineCopy } from "../../src/offline/copy.ts";
import { buildSite } from "../../src/site/build.ts";

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const MiB = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MiB`;
const ms = (milliseconds: number) => `${milliseconds.toFixed(1)} ms`;

/** Times every call of the shim's callback (its decoding) in window.__decodeMs, from the moment the bundle sets it. */
const TIME_CALLBACK = `
  window.__decodeMs = 0;
  let callback;
  Object.defineProperty(window, "__bantinPagefindFile", {
    configurable: true,
    get: () => callback,
    set: (shims) => {
      callback = (name, text) => {
        const started = performance.now();
        shims(name, text);
        window.__decodeMs += performance.now() - started;
      };
    },
  });`;

/** A script tag added to the page, awaited; page.evaluate's text, as tsx would wrap a named function in a helper the page lacks. */
const loadScript = (src: string) =>
  `new Promise((resolve, reject) => { const tag = document.createElement("script"); tag.src = ${JSON.stringify(src)}; tag.onload = resolve; tag.onerror = reject; document.head.appendChild(tag); })`;

/** Each wrapped file of the copy's pagefind/offline/, with its size and that of the index file it wraps. */
function wrappedFiles(copyDir: string): { file: string; bytes: number; original: number }[] {
  const pagefindDir = path.join(copyDir, "pagefind");
  return fs
    .readdirSync(path.join(pagefindDir, "offline"), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".js"))
    .map((name) => ({
      file: path.join(pagefindDir, "offline", name),
      bytes: fs.statSync(path.join(pagefindDir, "offline", name)).size,
      original: fs.statSync(path.join(pagefindDir, name.replace(/\.js$/, ""))).size,
    }));
}

/** One query on the search page opened from disk in a fresh profile: the files of pagefind/ it read, once the list settled. */
async function firstQuery(browser: Browser, copyDir: string, query: string): Promise<void> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(TIME_CALLBACK);
    const files: string[] = [];
    page.on("request", (request) => {
      const url = request.url();
      if (url.startsWith("file:") && url.includes("/pagefind/")) files.push(fileURLToPath(url));
    });
    const started = performance.now();
    await page.goto(`${pathToFileURL(path.join(copyDir, "tim-kiem", "index.html")).href}?${new URLSearchParams({ q: query })}`);
    await page.waitForFunction(
      () => /^(Tìm thấy|Không tìm thấy)/.test(document.querySelector("[data-search-status]")?.textContent ?? "") && document.querySelector("[data-search-results]")?.getAttribute("aria-busy") !== "true",
      null,
      { timeout: 60_000 },
    );
    const milliseconds = performance.now() - started;
    const status = (await page.locator("[data-search-status]").textContent()) ?? "";
    const decodeMs = (await page.evaluate("window.__decodeMs")) as number;
    const wrapped = files.filter((file) => file.includes(`${path.sep}pagefind${path.sep}offline${path.sep}`));
    const size = (list: string[]) => list.reduce((total, file) => total + fs.statSync(file).size, 0);
    console.log(`first query "${query}" from file://: ${status.replace(/ cho “.*$/, "")} (settled in ${Math.round(milliseconds)} ms)`);
    console.log(
      `  read from disk: ${kB(size(files))} in ${files.length} files of pagefind/: ${kB(size(wrapped))} in ${wrapped.length} wrapped index files, ` +
        `${kB(size(files) - size(wrapped))} of scripts (the offline bundle, the d-words); decoding them ${ms(decodeMs)}`,
    );
  } finally {
    await context.close();
  }
}

/** The largest wrapped file loaded `runs` times into a fresh search page with only the offline bundle: its first load and decode (cold), then the fastest. */
async function largestFile(browser: Browser, copyDir: string, runs: number): Promise<void> {
  const largest = wrappedFiles(copyDir).sort((a, b) => b.bytes - a.bytes)[0]!;
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(TIME_CALLBACK);
    await page.goto(pathToFileURL(path.join(copyDir, "tim-kiem", "index.html")).href);
    await page.evaluate(loadScript(pathToFileURL(path.join(copyDir, "pagefind", "pagefind-offline.js")).href));
    const times: { load: number; decode: number }[] = [];
    for (let run = 0; run < runs; run++) {
      const decodedBefore = (await page.evaluate("window.__decodeMs")) as number;
      const load = (await page.evaluate(`(async () => { const started = performance.now(); await ${loadScript(pathToFileURL(largest.file).href)}; return performance.now() - started; })()`)) as number;
      times.push({ load, decode: ((await page.evaluate("window.__decodeMs")) as number) - decodedBefore });
    }
    const fastest = (key: "load" | "decode") => Math.min(...times.map((time) => time[key]));
    console.log(`largest wrapped file, ${path.relative(copyDir, largest.file)}: ${kB(largest.bytes)} for ${kB(largest.original)} of index`);
    console.log(`  in Chromium: decoded in ${ms(times[0]!.decode)} the first time, ${ms(fastest("decode"))} at best of ${runs}; script read, run and decoded in ${ms(times[0]!.load)}, ${ms(fastest("load"))} at best`);
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      content: { type: "string" },
      copy: { type: "string" },
      query: { type: "string", multiple: true, default: ["ủy ban nhân dân", "uy ban nhan dan phuong 5"] },
      runs: { type: "string", default: "5" },
      keep: { type: "boolean", default: false },
    },
  });
  if ((values.content === undefined) === (values.copy === undefined)) throw new Error("give --content DIR or --copy DIR");
  let root: string | undefined;
  let copyDir = values.copy === undefined ? "" : path.resolve(values.copy);
  if (values.content !== undefined) {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "bantin-bench-offline-search-"));
    await buildSite({ contentDir: path.resolve(values.content), outDir: path.join(root, "dist") });
    copyDir = path.join(root, "offline");
    await writeOfflineCopy(path.join(root, "dist"), copyDir, "/", { leaveOut: ONLINE_ONLY_FOLDERS });
  }

  const wrapped = wrappedFiles(copyDir);
  const bytes = wrapped.reduce((total, file) => total + file.bytes, 0);
  const original = wrapped.reduce((total, file) => total + file.original, 0);
  console.log(`wrapped index files: ${MiB(bytes)} in ${wrapped.length} files, for ${MiB(original)} of index (×${(bytes / original).toFixed(3)})`);

  const browser = await launchBrowser();
  try {
    for (const query of values.query) await firstQuery(browser, copyDir, query);
    await largestFile(browser, copyDir, Number(values.runs));
  } finally {
    await browser.close();
  }
  if (root === undefined) return;
  if (values.keep) console.log(`kept ${root}`);
  else fs.rmSync(root, { recursive: true, force: true });
}

await main();
