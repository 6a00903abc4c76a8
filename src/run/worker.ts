// Worker thread body: processes batches of documents with the same pure function the main thread
// uses, so a result does not depend on where it was computed.
import { parentPort } from "node:worker_threads";
import type { DocumentResult } from "../pipeline/document.js";
import type { ReadFailure } from "../read/documents.js";
import { processJob, type PoolJob } from "./job.js";

export type WorkerJob = PoolJob & { index: number };

export interface WorkerDone {
  index: number;
  result: DocumentResult | ReadFailure;
}

parentPort?.on("message", (batch: WorkerJob[]) => {
  const done: WorkerDone[] = batch.map((job) => ({ index: job.index, result: processJob(job) }));
  parentPort!.postMessage(done);
});
