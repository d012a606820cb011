import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import { PROJECT } from "./paths.ts";

/** A port nothing listens on now, so that a server started on it does not move to another one. */
export async function freePort(): Promise<number> {
  const probe = net.createServer().listen(0);
  await new Promise((resolve) => probe.once("listening", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** `npm start` as a reader runs it: the CLI in a process of its own, serving with live reload. */
export interface Serving {
  address: string;
  /** All it printed so far, stdout and stderr. */
  output(): string;
  stop(): void;
}

export async function startServing(content: string, out: string): Promise<Serving> {
  const port = await freePort();
  const child: ChildProcess = spawn("npx", ["tsx", "src/cli/main.ts", "serve", "--lang", "vi", "--content", content, "--out", out, "--port", String(port)], { cwd: PROJECT, detached: true });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk));
  // The CLI starts Eleventy's watcher and server: stop the whole process group.
  const stop = () => {
    if (child.pid && child.exitCode === null) process.kill(-child.pid);
  };
  const address = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /Server at (http:\/\/\S+\/)/.exec(output);
      if (match) {
        clearInterval(timer);
        resolve(match[1]!);
      }
    }, 100);
    child.once("exit", (code) => {
      clearInterval(timer);
      reject(new Error(`npm start exited with ${code}:\n${output}`));
    });
  });
  return { address, output: () => output, stop };
}

/**
 * Saves `text` into `file` and waits until `done()` holds, saving again every few seconds: Eleventy's
 * watcher now and then misses a save made just after npm start began watching, as an editor would
 * find, and save again.
 */
export async function saveUntil(file: string, text: string, done: () => Promise<boolean>, timeoutMs = 45_000): Promise<void> {
  const started = Date.now();
  let saved = 0;
  while (Date.now() - started < timeoutMs) {
    if (Date.now() - saved > 5_000) {
      fs.writeFileSync(file, text);
      saved = Date.now();
    }
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${file}: not rebuilt within ${timeoutMs / 1000} s of saving it`);
}
