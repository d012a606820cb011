// Worker threads that run bantin's TypeScript modules.
import { Worker } from "node:worker_threads";

/**
 * A worker thread running the module `moduleUrl` (its import.meta.url) with `workerData`. bantin's
 * modules are TypeScript, run through tsx; a worker does not take the loader from this thread's
 * options, so it registers it before it loads the module.
 */
export function startWorker(moduleUrl: string, workerData?: unknown): Worker {
  const start = `import { register } from ${JSON.stringify(import.meta.resolve("tsx/esm/api"))}; register(); await import(${JSON.stringify(moduleUrl)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(start)}`), { workerData });
}
