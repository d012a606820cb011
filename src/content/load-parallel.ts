// Reading a large content folder on two cores: a worker thread reads and checks part of the
// articles while this thread reads the rest. Markdown, front matter and their checks are most of a
// build's first seconds (6 s of 10,000 articles on one core), and the other core has nothing else to
// do until the pages render.
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { startWorker } from "../core/ts-worker.ts";
import { type ArticleBatch, beginLoading, collectContent, type Content, finishLoading, type LoadStart, type ReadOptions, readArticles, type ReviewedContent } from "./load.ts";
import type { Settings } from "./schema.ts";

/** Below this many articles, starting a worker (about half a second) costs more than it saves. */
export const PARALLEL_FROM = 2_000;

/** The worker's share of the articles: less than half, as it starts later. */
const WORKER_SHARE = 0.45;

interface Job {
  bantinReadArticles: { contentDir: string; files: string[]; settings: Settings | undefined; options: ReadOptions };
}

interface Parallel {
  /** Below this many articles, one thread reads them all. */
  parallelFrom?: number;
}

/**
 * loadContent (load.ts), with the articles read on two cores when there are at least `parallelFrom`:
 * the same content, and the same problems in the same order.
 */
export async function loadContentInParallel(contentDir: string, { parallelFrom = PARALLEL_FROM }: Parallel = {}): Promise<Content> {
  const begun = beginLoading(contentDir);
  return finishLoading(contentDir, begun, await readBatches(contentDir, begun, parallelFrom, {}));
}

/**
 * The folder read for `npm run check` (ReadOptions.review in load.ts): everything, and every
 * problem, returned rather than thrown; on two cores as loadContentInParallel reads.
 */
export async function reviewContentInParallel(contentDir: string, { parallelFrom = PARALLEL_FROM }: Parallel = {}): Promise<ReviewedContent> {
  const options = { review: true };
  const begun = beginLoading(contentDir, options);
  return collectContent(contentDir, begun, await readBatches(contentDir, begun, parallelFrom, options), options);
}

/** The articles of the folder, in order: in one batch, or in two, the second read by a worker. */
async function readBatches(contentDir: string, { files: { articles: files }, settings }: LoadStart, parallelFrom: number, options: ReadOptions): Promise<ArticleBatch[]> {
  if (files.length < parallelFrom) return [readArticles(contentDir, files, settings, options)];
  const split = Math.ceil(files.length * (1 - WORKER_SHARE));
  const theirs = readInWorker({ bantinReadArticles: { contentDir, files: files.slice(split), settings, options } });
  // Read here meanwhile; a rejection of the worker's waits until this is done.
  theirs.catch(() => {});
  const mine = readArticles(contentDir, files.slice(0, split), settings, options);
  return [mine, await theirs];
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
if (!isMainThread && parentPort && job) parentPort.postMessage(readArticles(job.contentDir, job.files, job.settings, job.options) satisfies ArticleBatch);
