// Documents that miss the cache are processed on every core when there are enough of them to pay for
// starting workers (each loads the parsers, ~0.2-0.5 s). A pool can be started before the documents
// are read, so that the workers load while this thread reads and hashes files. Results are placed by
// index, so the output is the same as a single-threaded run (a test proves it).
//
// Workers run compiled JavaScript (dist/run/worker.js next to this module once built). Under vitest
// this module is TypeScript and has no worker.js beside it, so the pool falls back to this thread
// unless `workerUrl` names a compiled worker (the worker test compiles one first).
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { DocumentResult } from "../pipeline/document.js";
import type { ReadFailure } from "../read/documents.js";
import { processJob, type PoolJob } from "./job.js";
import type { WorkerDone, WorkerJob } from "./worker.js";

export type { DocumentJob, FileJob, PoolJob } from "./job.js";

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
  /** in job order; a job that names a file it cannot read gives the read failure */
  results: (DocumentResult | ReadFailure)[];
  threads: number;
  /** documents processed in worker threads */
  inWorkers: number;
}

// Documents per message. Most documents are skipped by the prefilter (~0.1 ms), a few take a full
// parse (~5-20 ms): batches this size keep the tail short and the messages few.
const BATCH = 24;
/** batches sent ahead to each worker */
const QUEUED = 2;

/** The worker module beside this one, or, from the bundled CLI (dist/cli/portflow.mjs), in dist/run/. */
export function defaultWorkerUrl(): URL {
  const beside = new URL("./worker.js", import.meta.url);
  const fromBundle = new URL("../run/worker.js", import.meta.url);
  return existsSync(fileURLToPath(beside)) || !existsSync(fileURLToPath(fromBundle)) ? beside : fromBundle;
}

/** Worker threads kept for the whole run; the jobs of each `run` are shared with this thread. */
export class WorkerPool {
  private readonly url: URL;
  private readonly size: number;
  private workers: Worker[] | null = null;

  constructor(private readonly options: Omit<PoolOptions, "onDone"> = {}) {
    this.url = options.workerUrl ?? defaultWorkerUrl();
    const threads = options.workers ?? availableParallelism();
    this.size = threads > 1 && existsSync(fileURLToPath(this.url)) ? threads - (options.inThisThread === false ? 0 : 1) : 0;
  }

  /** Starts the workers now: they load their modules while this thread goes on. */
  start(): this {
    this.workers ??= Array.from({ length: this.size }, () => {
      // a larger young generation: parsing makes many short-lived objects, and scavenges were ~10% of the time
      const worker = new Worker(this.url, { resourceLimits: { maxYoungGenerationSizeMb: 64 } });
      // a worker that fails between runs is dropped; in a run, the run's handler takes its batch back
      const drop = () => (this.workers = this.workers?.filter((w) => w !== worker) ?? null);
      return worker.on("error", drop).on("exit", drop);
    });
    return this;
  }

  /** Processes the jobs on this thread and the workers (started if need be); results in job order. */
  async run(jobs: readonly PoolJob[], onDone?: () => void): Promise<PoolResult> {
    const done = (result: DocumentResult | ReadFailure) => (onDone?.(), result);
    const wanted = Math.min(this.size, Math.ceil(jobs.length / BATCH) - (this.options.inThisThread === false ? 0 : 1));
    if (wanted < 1 || jobs.length < (this.options.minJobs ?? 100)) {
      return { results: jobs.map((j) => done(processJob(j))), threads: 1, inWorkers: 0 };
    }
    const workers = this.start().workers!.slice(0, wanted);
    const results = new Array<DocumentResult | ReadFailure>(jobs.length);
    const batches: WorkerJob[][] = [];
    for (let i = 0; i < jobs.length; i += BATCH) {
      batches.push(jobs.slice(i, i + BATCH).map((j, k) => ({ ...j, index: i + k })));
    }
    let next = 0;
    let inWorkers = 0;
    const runHere = (batch: WorkerJob[] | undefined) => {
      for (const job of batch ?? []) results[job.index] = done(processJob(job));
    };
    // Each worker keeps QUEUED batches in hand: it goes on with the next one while this thread, busy
    // with a batch of its own, has not yet read the worker's last result.
    const useWorker = (worker: Worker) =>
      new Promise<void>((resolve) => {
        const inHand: WorkerJob[][] = [];
        const feed = () => {
          // near the end one batch at a time, so that no thread is left holding the last ones
          while (inHand.length < (batches.length - next > 2 * QUEUED ? QUEUED : 1)) {
            const batch = batches[next++];
            if (!batch) break;
            inHand.push(batch);
            worker.postMessage(batch);
          }
          if (inHand.length === 0) finish();
        };
        const onMessage = (finished: WorkerDone[]) => {
          inHand.shift(); // a worker answers its batches in the order it got them
          for (const f of finished) results[f.index] = done(f.result);
          inWorkers += finished.length;
          feed();
        };
        // A worker that dies hands its batches back to this thread: slower, same output.
        const onError = () => {
          for (const batch of inHand.splice(0)) runHere(batch);
          finish();
        };
        const finish = () => {
          worker.off("message", onMessage).off("error", onError).off("exit", onError);
          resolve();
        };
        worker.on("message", onMessage).on("error", onError).on("exit", onError);
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
    const here = this.options.inThisThread ?? true;
    await Promise.all([...(here ? [runMain()] : []), ...workers.map(useWorker)]);
    // batches no one took (every worker failed, none in this thread) are done here
    for (let batch = batches[next++]; batch; batch = batches[next++]) runHere(batch);
    return { results, threads: workers.length + (here ? 1 : 0), inWorkers };
  }

  async close(): Promise<void> {
    const workers = this.workers ?? [];
    this.workers = null;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** One batch of jobs on a pool of its own. */
export async function processJobs(jobs: readonly PoolJob[], options: PoolOptions = {}): Promise<PoolResult> {
  const pool = new WorkerPool(options);
  try {
    return await pool.run(jobs, options.onDone);
  } finally {
    await pool.close();
  }
}
