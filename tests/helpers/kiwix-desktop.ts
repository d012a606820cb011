// Kiwix Desktop (Debian's `kiwix`), a Kiwix reader as people install it, with a ZIM open. It shows
// pages in Qt WebEngine, which answers the Chrome DevTools protocol when asked; Playwright and
// Puppeteer expect more of that protocol than Qt gives, so the tests speak it over a WebSocket.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import WebSocket from "ws";
import { freePort } from "./serve.ts";
import { tempDir } from "./paths.ts";

export interface KiwixDesktop {
  /** The address of the ZIM's root in the reader ("zim://<uuid>.zim/"). */
  root: string;
  /** Opens an address in the reader's tab and waits for the page's load event. */
  open(url: string): Promise<void>;
  /** Evaluates an expression that makes the page go elsewhere (a click, a form sent) and waits for the next page's load event. */
  follow(expression: string): Promise<void>;
  /** Evaluates an expression in the page (awaiting a promise) and returns its value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Uncaught exceptions and console errors of the page so far. */
  problems: string[];
  close(): Promise<void>;
}

interface Target {
  url: string;
  type: string;
  webSocketDebuggerUrl: string;
}

/** kiwix-desktop with `zimFile` open, off screen, in a home folder of its own; a missing reader fails, never skips. */
export async function openInKiwixDesktop(zimFile: string): Promise<KiwixDesktop> {
  const port = await freePort();
  const home = tempDir("kiwix-desktop");
  const runtime = path.join(home, "run");
  fs.mkdirSync(runtime, { mode: 0o700 });
  const reader: ChildProcess = spawn("kiwix-desktop", [zimFile], {
    stdio: "ignore",
    env: {
      ...process.env,
      HOME: home,
      XDG_RUNTIME_DIR: runtime,
      QT_QPA_PLATFORM: "offscreen",
      QT_OPENGL: "software",
      QT_QUICK_BACKEND: "software",
      LIBGL_ALWAYS_SOFTWARE: "1",
      QTWEBENGINE_REMOTE_DEBUGGING: `127.0.0.1:${port}`,
      QTWEBENGINE_CHROMIUM_FLAGS: "--no-sandbox --disable-gpu",
    },
  });
  let failure: Error | undefined;
  reader.once("error", (error) => (failure = new Error(`kiwix-desktop did not start (apt-get install -y kiwix): ${error.message}`)));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (reader.exitCode !== null || reader.signalCode !== null) return resolve();
      reader.once("exit", () => resolve());
      reader.kill();
    });
  try {
    const target = await zimPage(port, () => failure);
    return await connect(target, stop);
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Waits for the reader's tab showing the ZIM. */
async function zimPage(port: number, failed: () => Error | undefined): Promise<Target> {
  const started = Date.now();
  for (;;) {
    const failure = failed();
    if (failure) throw failure;
    const targets = await fetch(`http://127.0.0.1:${port}/json`).then((response) => response.json() as Promise<Target[]>, () => []);
    const page = targets.find((target) => target.type === "page" && target.url.startsWith("zim://"));
    if (page) return page;
    if (Date.now() - started > 60_000) throw new Error(`kiwix-desktop showed no ZIM page on port ${port} within a minute`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function connect(target: Target, stop: () => Promise<void>): Promise<KiwixDesktop> {
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
  const problems: string[] = [];
  const answers = new Map<number, (message: { result?: unknown; error?: { message: string } }) => void>();
  const events = new Map<string, () => void>();
  let last = 0;
  socket.on("message", (data) => {
    const message = JSON.parse(String(data));
    if (message.id !== undefined) answers.get(message.id)?.(message);
    else if (message.method === "Runtime.exceptionThrown") problems.push(`error: ${message.params.exceptionDetails.exception?.description ?? message.params.exceptionDetails.text}`);
    else if (message.method === "Runtime.consoleAPICalled" && message.params.type === "error") problems.push(`console: ${message.params.args.map((arg: { value?: unknown; description?: string }) => arg.value ?? arg.description).join(" ")}`);
    else events.get(message.method)?.();
  });
  const send = (method: string, params: object = {}) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const id = ++last;
      answers.set(id, (message) => {
        answers.delete(id);
        if (message.error) reject(new Error(`${method}: ${message.error.message}`));
        else resolve(message.result as Record<string, unknown>);
      });
      socket.send(JSON.stringify({ id, method, params }));
    });
  await send("Runtime.enable");
  await send("Page.enable");
  const evaluate = async <T>(expression: string) => {
    const { result, exceptionDetails } = (await send("Runtime.evaluate", { expression, awaitPromise: true, returnByValue: true })) as { result: { value: T }; exceptionDetails?: { text: string } };
    if (exceptionDetails) throw new Error(`in Kiwix Desktop: ${exceptionDetails.text} (${expression})`);
    return result.value;
  };
  const loadAfter = async (go: () => Promise<unknown>) => {
    const loaded = new Promise<void>((resolve) => events.set("Page.loadEventFired", resolve));
    await go();
    await loaded;
  };
  return {
    root: target.url.replace(/[^/]*$/, ""),
    problems,
    open: (url) => loadAfter(() => send("Page.navigate", { url })),
    follow: (expression) => loadAfter(() => evaluate(expression)),
    evaluate,
    async close() {
      socket.close();
      await stop();
    },
  };
}
