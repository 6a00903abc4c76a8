// Worker thread body: processes batches of documents with the same pure function the main thread
// uses, so a result does not depend on where it was computed.
import { parentPort } from "node:worker_threads";
import { processDocument, type DocumentResult, type ProcessOptions } from "../pipeline/document.js";
import type { SourceDocument } from "../read/documents.js";

export interface WorkerJob {
  index: number;
  source: SourceDocument;
  options: ProcessOptions;
}

export interface WorkerDone {
  index: number;
  result: DocumentResult;
}

parentPort?.on("message", (batch: WorkerJob[]) => {
  const done: WorkerDone[] = batch.map((job) => ({ index: job.index, result: processDocument(job.source, job.options) }));
  parentPort!.postMessage(done);
});
