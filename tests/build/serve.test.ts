import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFixture, PROJECT, tempDir } from "../helpers/site.ts";

// `npm start` as a reader runs it: the CLI in a process of its own, serving with live reload.
let server: ChildProcess;
let address: string;
let contentDir: string;
let output = "";

/** A port nothing listens on, so that the dev server does not move to another one. */
async function freePort(): Promise<number> {
  const probe = net.createServer().listen(0);
  await new Promise((resolve) => probe.once("listening", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

beforeAll(async () => {
  contentDir = copyFixture("site");
  const port = await freePort();
  server = spawn("npx", ["tsx", "src/cli/main.ts", "serve", "--content", contentDir, "--out", tempDir("serve-out"), "--port", String(port)], { cwd: PROJECT, detached: true });
  server.stdout!.on("data", (chunk: Buffer) => (output += chunk));
  server.stderr!.on("data", (chunk: Buffer) => (output += chunk));
  address = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /Server at (http:\/\/\S+\/)/.exec(output);
      if (match) {
        clearInterval(timer);
        resolve(match[1]!);
      }
    }, 100);
    server.once("exit", (code) => {
      clearInterval(timer);
      reject(new Error(`npm start exited with ${code}:\n${output}`));
    });
  });
}, 60_000);

afterAll(() => {
  // The CLI starts Eleventy's watcher and server: stop the whole process group.
  if (server?.pid) process.kill(-server.pid);
});

const fetchText = async (url: string) => {
  const response = await fetch(new URL(url, address));
  return { status: response.status, text: await response.text() };
};

describe("npm start", () => {
  it("serves the built site and its search index at the address it prints", async () => {
    const home = await fetchText("/");
    expect(home.status).toBe(200);
    expect(home.text).toContain("<title>Bản tin thử nghiệm</title>");
    expect((await fetchText("/pagefind/pagefind-entry.json")).status).toBe(200);
    expect(output).toMatch(/\[bantin\] search index: \d+ articles/);
  });

  it("rebuilds when an article changes, and drops the page of its old title", async () => {
    const file = path.join(contentDir, "2011/09/nua-dem.md");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/^title: .*$/m, 'title: "Tin lúc nửa đêm, đã sửa"'));
    await expect
      .poll(async () => (await fetchText("/2011/09/20/tin-luc-nua-dem-da-sua/")).text, { timeout: 30_000, interval: 500 })
      .toContain("Tin lúc nửa đêm, đã sửa");
    expect((await fetchText("/2011/09/20/tin-luc-nua-dem/")).status).toBe(404);
  }, 40_000);
});
