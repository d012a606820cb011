// Pagefind's service reads one message at a time, on one core, and its Node API runs one service
// per JavaScript realm. Shards are therefore indexed in worker threads, each with a service of its
// own: two shards at once use both cores once the pages are rendered, and the worker's event loop,
// unlike the main thread's, is not held up while Eleventy renders.
import { isMainThread, parentPort, Worker } from "node:worker_threads";
import * as pagefind from "pagefind";
import { startWorker } from "../core/ts-worker.ts";
import { type IndexedPage, indexShard, type Shard, ShardError } from "./shards.ts";

type Request = { shard: Shard; language: string } | { close: true };
type Reply = { indexed: IndexedPage[] } | { step: string; problems: string[] };

/** A small pool of workers, started when the first shard comes, each indexing one shard at a time. */
export class ShardWorkers {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly waiting: ((worker: Worker) => void)[] = [];

  constructor(private readonly size: number) {}

  /** Whether a shard handed over now would wait for a worker. */
  get allBusy(): boolean {
    return this.idle.length === 0 && this.all.length >= this.size;
  }

  /** Indexes `shard` in a free worker (see shards.ts); rejects with a ShardError for Pagefind's problems. */
  async index(shard: Shard, language: string): Promise<IndexedPage[]> {
    const worker = await this.acquire();
    try {
      const reply = await ask(worker, { shard, language });
      if ("indexed" in reply) return reply.indexed;
      throw new ShardError(reply.step, reply.problems);
    } finally {
      const next = this.waiting.shift();
      if (next) next(worker);
      else this.idle.push(worker);
    }
  }

  /** Stops each worker's Pagefind service, then the worker. */
  async close(): Promise<void> {
    await Promise.all(
      this.all.splice(0).map(async (worker) => {
        const exited = new Promise((resolve) => worker.once("exit", resolve));
        worker.postMessage({ close: true } satisfies Request);
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 5000)))]);
        clearTimeout(timer);
        await worker.terminate();
      }),
    );
    this.idle.length = 0;
  }

  private acquire(): Promise<Worker> {
    const free = this.idle.pop();
    if (free) return Promise.resolve(free);
    if (this.all.length < this.size) {
      // Not unref()'d: a build waiting for a shard has nothing else keeping Node alive. close() ends them.
      const worker = startWorker(import.meta.url);
      this.all.push(worker);
      return Promise.resolve(worker);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}

function ask(worker: Worker, request: Request): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const stop = (error: unknown) => {
      worker.off("message", answer);
      reject(error instanceof Error ? error : new Error(`the search index's worker stopped (${String(error)})`));
    };
    const answer = (reply: Reply) => {
      worker.off("error", stop).off("exit", stop);
      resolve(reply);
    };
    worker.once("message", answer).once("error", stop).once("exit", stop);
    worker.postMessage(request);
  });
}

// In a worker: index the shards the main thread sends, one at a time.
if (!isMainThread && parentPort) {
  const port = parentPort;
  port.on("message", async (request: Request) => {
    if ("close" in request) {
      await pagefind.close();
      port.close();
      return;
    }
    try {
      const indexed = await indexShard(request.shard, request.language);
      port.postMessage({ indexed } satisfies Reply);
    } catch (error) {
      port.postMessage((error instanceof ShardError ? { step: error.step, problems: error.problems } : { step: "Pagefind", problems: [error instanceof Error ? error.message : String(error)] }) satisfies Reply);
    }
  });
}
