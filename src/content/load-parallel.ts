// Reading a large content folder on two cores: a worker thread reads and checks part of the
// articles while this thread reads the rest. Markdown, front matter and their checks are most of a
// build's first seconds (6 s of 10,000 articles on one core), and the other core has nothing else to
// do until the pages render.
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { startWorker } from "../core/ts-worker.ts";
import { type ArticleBatch, beginLoading, type Content, finishLoading, readArticles } from "./load.ts";
import type { Settings } from "./schema.ts";

/** Below this many articles, starting a worker (about half a second) costs more than it saves. */
export const PARALLEL_FROM = 2_000;

/** The worker's share of the articles: less than half, as it starts later. */
const WORKER_SHARE = 0.45;

interface Job {
  bantinReadArticles: { contentDir: string; files: string[]; settings: Settings | undefined };
}

/**
 * loadContent (load.ts), with the articles read on two cores when there are at least `parallelFrom`:
 * the same content, and the same problems in the same order.
 */
export async function loadContentInParallel(contentDir: string, { parallelFrom = PARALLEL_FROM }: { parallelFrom?: number } = {}): Promise<Content> {
  const begun = beginLoading(contentDir);
  const files = begun.files.articles;
  if (files.length < parallelFrom) return finishLoading(contentDir, begun, [readArticles(contentDir, files, begun.settings)]);
  const split = Math.ceil(files.length * (1 - WORKER_SHARE));
  const theirs = readInWorker({ bantinReadArticles: { contentDir, files: files.slice(split), settings: begun.settings } });
  // Read here meanwhile; a rejection of the worker's waits until this is done.
  theirs.catch(() => {});
  const mine = readArticles(contentDir, files.slice(0, split), begun.settings);
  return finishLoading(contentDir, begun, [mine, await theirs]);
}

function readInWorker(job: Job): Promise<ArticleBatch> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(import.meta.url, job);
    worker.once("message", (batch: ArticleBatch) => {
      resolve(batch);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the worker reading articles stopped (exit status ${code})`)));
  });
}

// In the worker: read the articles it was given and send them back.
const job = (workerData as Partial<Job> | null)?.bantinReadArticles;
if (!isMainThread && parentPort && job) parentPort.postMessage(readArticles(job.contentDir, job.files, job.settings) satisfies ArticleBatch);
