// Worker threads that run bantin's TypeScript modules.
import { Worker } from "node:worker_threads";
import { currentLanguage } from "./messages.ts";

/**
 * A worker thread running the module `moduleUrl` (its import.meta.url) with `workerData`. bantin's
 * modules are TypeScript, run through tsx; a worker does not take the loader from this thread's
 * options, so it registers it before it loads the module. It speaks the language of this thread:
 * the problems it finds are said in it.
 */
export function startWorker(moduleUrl: string, workerData?: unknown): Worker {
  const start =
    `import { register } from ${JSON.stringify(import.meta.resolve("tsx/esm/api"))}; register();` +
    `const { setLanguage } = await import(${JSON.stringify(import.meta.resolve("./messages.ts"))}); setLanguage(${JSON.stringify(currentLanguage())});` +
    `await import(${JSON.stringify(moduleUrl)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(start)}`), { workerData });
}
