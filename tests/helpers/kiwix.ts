// Debian's Kiwix tools, as an office would run them: kiwix-serve over a ZIM, zimcheck on it.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { parseHTML } from "linkedom";
import { readSettings } from "../../src/content/load.ts";
import { ONLINE_ONLY_FOLDERS } from "../../src/content/urls.ts";
import { writeZim } from "../../src/offline/zim.ts";
import { freePort } from "./serve.ts";
import { buildFixture, PROJECT, tempDir } from "./site.ts";

/** The sample archive (content/) built and packed as `npm run zim` packs it; the ZIM's path. */
export async function writeSampleZim(): Promise<string> {
  const content = path.join(PROJECT, "content");
  const site = await buildFixture(content);
  const zimFile = path.join(tempDir("zim"), "ban-tin.zim");
  await writeZim(site.outDir, zimFile, readSettings(content), { leaveOut: ONLINE_ONLY_FOLDERS });
  return zimFile;
}

export interface ServedZim {
  /** The server's root, ending in "/". */
  url: string;
  /** The archive's own root inside the server ("http://127.0.0.1:N/ban-tin/"). */
  book: string;
  close(): Promise<void>;
}

/** kiwix-serve on loopback over one ZIM; a missing kiwix-serve fails, never skips. */
export async function serveZim(zimFile: string): Promise<ServedZim> {
  const port = await freePort();
  const server: ChildProcess = spawn("kiwix-serve", ["--address=127.0.0.1", `--port=${port}`, zimFile], { stdio: "ignore" });
  const failed = new Promise<never>((_, reject) => server.once("error", (error) => reject(new Error(`kiwix-serve did not start (apt-get install -y kiwix-tools): ${error.message}`))));
  const url = `http://127.0.0.1:${port}/`;
  const started = Date.now();
  for (;;) {
    const answered = await Promise.race([fetch(url).then((response) => response.ok, () => false), failed]);
    if (answered) break;
    if (Date.now() - started > 20_000) throw new Error(`kiwix-serve did not answer on ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    // kiwix-serve names a book after its file.
    book: `${url}${path.basename(zimFile, ".zim")}/`,
    close: () =>
      new Promise((resolve) => {
        if (server.exitCode !== null) return resolve();
        server.once("exit", () => resolve());
        server.kill();
      }),
  };
}

/** zimcheck's whole check, its report and status. */
export async function zimcheck(zimFile: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)("zimcheck", ["-A", "-D", zimFile]);
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number | string; stdout?: string; stderr?: string };
    if (failed.code === "ENOENT") throw new Error("no zimcheck: apt-get install -y zim-tools");
    return { code: Number(failed.code), output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

/** Every entry's path in a ZIM, as zimdump lists them. */
export async function zimPaths(zimFile: string): Promise<Set<string>> {
  const { stdout } = await promisify(execFile)("zimdump", ["list", "--", zimFile], { maxBuffer: 64 * 2 ** 20 });
  return new Set(stdout.split("\n").filter(Boolean));
}

/** One entry of a ZIM as it is stored, without what kiwix-serve adds to a page. */
export async function zimEntry(zimFile: string, entryPath: string): Promise<string> {
  const { stdout } = await promisify(execFile)("zimdump", ["show", `--url=${entryPath}`, "--", zimFile], { maxBuffer: 64 * 2 ** 20 });
  return stdout;
}

/** The paths, inside the book, of the results kiwix-serve's full-text search gives for `pattern`, best first. */
export async function fullTextSearch(served: ServedZim, pattern: string): Promise<string[]> {
  const book = new URL(served.book).pathname;
  const url = new URL("search", served.url);
  url.search = new URLSearchParams({ content: book.slice(1, -1), pattern, pageLength: "50" }).toString();
  const { document } = parseHTML(await (await fetch(url)).text());
  return [...document.querySelectorAll(".results a")].map((link) => decodeURIComponent(link.getAttribute("href") ?? "").slice(book.length));
}
