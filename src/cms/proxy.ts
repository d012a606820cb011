// The local backend of the CMS: decap-server, a Node proxy that the CMS page, opened on localhost,
// asks to read and write the repository's files. It runs in a process of its own.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { UserError } from "../core/errors.ts";
import { say } from "../core/messages.ts";

/** decap-server's own default port, which a configuration without a port number would ask for. */
export const DEFAULT_PROXY_PORT = 8081;

/** The address the CMS page asks for the proxy on `port`: the loopback address it listens on, not a name that may resolve to ::1. */
export const localBackendUrl = (port: number) => `http://127.0.0.1:${port}/api/v1`;

const SERVER = path.join(path.dirname(createRequire(import.meta.url).resolve("decap-server/package.json")), "dist", "index.js");

export interface LocalBackend {
  url: string;
  /** Stops the proxy; resolves once its process has ended. */
  close(): Promise<void>;
}

/** How long the proxy may take to answer its first request. */
const START_MS = 30_000;

/**
 * Starts decap-server on `port` for the repository at `repoDir`, and resolves once it answers.
 * It listens on the loopback interface only (it writes files without asking who), writes files
 * straight into the working tree (`MODE=fs`: no branch is checked out, nothing committed; the
 * editor commits as before), and logs only warnings and errors.
 */
export async function startLocalBackend(repoDir: string, port: number, output: "inherit" | "ignore" = "inherit"): Promise<LocalBackend> {
  const url = localBackendUrl(port);
  // Another proxy answering there would be taken for this one.
  if (await answers(url)) throw new UserError(say("cmsProxyPortInUse", { port: String(port) }));
  const child = spawn(process.execPath, [SERVER], {
    cwd: repoDir,
    env: { ...process.env, PORT: String(port), BIND_HOST: "127.0.0.1", GIT_REPO_DIRECTORY: repoDir, MODE: "fs", LOG_LEVEL: "warn" },
    stdio: ["ignore", output, output],
  });
  const ended = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
    await ended;
  };
  const started = Date.now();
  for (;;) {
    if (await answers(url)) return { url, close };
    if (child.exitCode !== null) throw new UserError(say("cmsProxyStopped", { status: String(child.exitCode), port: String(port) }));
    if (Date.now() - started > START_MS) {
      await close();
      throw new UserError(say("cmsProxySilent", { port: String(port), seconds: START_MS / 1000 }));
    }
    await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 100))]);
  }
}

/** True when the proxy answers its "info" action. */
async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ action: "info" }) });
    return response.ok;
  } catch {
    return false;
  }
}
