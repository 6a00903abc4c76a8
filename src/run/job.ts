// One unit of pool work: a document given by its bytes, or by the file to read them from. A run that
// parses every file of a source lets the thread that parses a file also read and hash it, so the
// reading is shared by the cores and no bytes are copied between threads.
import { readFileSync } from "node:fs";
import { sha256Hex } from "../model/ids.js";
import { processDocument, type DocumentResult, type ProcessOptions } from "../pipeline/document.js";
import type { ReadFailure, SourceDocument } from "../read/documents.js";

/** A document still on disk. */
export interface FileSource {
  id: string;
  path: string;
  /** absolute path to read */
  file: string;
}

export interface DocumentJob {
  source: SourceDocument;
  options: ProcessOptions;
}

export interface FileJob {
  file: FileSource;
  options: ProcessOptions;
}

export type PoolJob = DocumentJob | FileJob;

/** The document's result, or why its file could not be read (the same failure a read before would give). */
export function processJob(job: PoolJob): DocumentResult | ReadFailure {
  if ("source" in job) return processDocument(job.source, job.options);
  const { id, path, file } = job.file;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    return { id, path, message: (err as Error).message };
  }
  return processDocument({ id, path, bytes, sha256: sha256Hex(bytes) }, job.options);
}

export function isReadFailure(outcome: DocumentResult | ReadFailure): outcome is ReadFailure {
  return !("document" in outcome);
}
