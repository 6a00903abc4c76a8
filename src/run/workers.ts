// Documents that miss the cache are processed on every core when there are enough of them to pay for
// starting workers (each loads the parsers, ~0.1-0.2 s); below that, in this thread. Results are
// placed by index, so the output is the same as a single-threaded run (a test proves it).
//
// Workers run compiled JavaScript (dist/run/worker.js next to this module once built). Under vitest
// this module is TypeScript and has no worker.js beside it, so the pool falls back to this thread
// unless `workerUrl` names a compiled worker (the worker test compiles one first).
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { processDocument, type DocumentResult, type ProcessOptions } from "../pipeline/document.js";
import type { SourceDocument } from "../read/documents.js";
import type { WorkerDone, WorkerJob } from "./worker.js";

export interface DocumentJob {
  source: SourceDocument;
  options: ProcessOptions;
}

export interface PoolOptions {
  /** threads processing documents, this one included (threads - 1 workers); default: the number of
   * cores; 0 or 1: this thread only */
  workers?: number | undefined;
  /** fewer jobs than this are processed in this thread (default 100) */
  minJobs?: number | undefined;
  /** the compiled worker module; default: worker.js beside this module */
  workerUrl?: URL | undefined;
  /** whether this thread takes batches too (default true; tests turn it off to send every document
   * through the workers) */
  inThisThread?: boolean;
  /** called once per finished document */
  onDone?: () => void;
}

export interface PoolResult {
  results: DocumentResult[];
  threads: number;
  /** documents processed in worker threads */
  inWorkers: number;
}

const BATCH = 16;

export function defaultWorkerUrl(): URL {
  return new URL("./worker.js", import.meta.url);
}

export async function processJobs(jobs: readonly DocumentJob[], options: PoolOptions = {}): Promise<PoolResult> {
  const url = options.workerUrl ?? defaultWorkerUrl();
  const threads = Math.min(options.workers ?? availableParallelism(), Math.ceil(jobs.length / BATCH));
  if (threads <= 1 || jobs.length < (options.minJobs ?? 100) || !existsSync(fileURLToPath(url))) {
    return { results: jobs.map((j) => done(processDocument(j.source, j.options), options)), threads: 1, inWorkers: 0 };
  }
  const results = new Array<DocumentResult>(jobs.length);
  const batches: WorkerJob[][] = [];
  for (let i = 0; i < jobs.length; i += BATCH) {
    batches.push(jobs.slice(i, i + BATCH).map((j, k) => ({ index: i + k, source: j.source, options: j.options })));
  }
  let next = 0;
  let inWorkers = 0;
  const runHere = (batch: WorkerJob[] | undefined) => {
    for (const job of batch ?? []) results[job.index] = done(processDocument(job.source, job.options), options);
  };
  const runWorker = () =>
    new Promise<void>((resolve) => {
      const worker = new Worker(url);
      let current: WorkerJob[] | undefined;
      const feed = () => {
        current = batches[next++];
        if (current) worker.postMessage(current);
        else void worker.terminate().then(() => resolve());
      };
      worker.on("message", (finished: WorkerDone[]) => {
        for (const f of finished) results[f.index] = done(f.result, options);
        inWorkers += finished.length;
        feed();
      });
      // A worker that dies hands its batch back to this thread: slower, same output.
      worker.on("error", () => {
        runHere(current);
        resolve();
      });
      feed();
    });
  // This thread is one of the threads: it takes batches too (no idle core while workers load their
  // modules), yielding between batches so that the workers' messages are handled.
  const runMain = async () => {
    for (let batch = batches[next++]; batch; batch = batches[next++]) {
      runHere(batch);
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const here = options.inThisThread ?? true;
  await Promise.all([...(here ? [runMain()] : []), ...Array.from({ length: here ? threads - 1 : threads }, runWorker)]);
  return { results, threads, inWorkers };
}

function done(result: DocumentResult, options: PoolOptions): DocumentResult {
  options.onDone?.();
  return result;
}
