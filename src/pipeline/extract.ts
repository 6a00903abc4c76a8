// Files or text to one flows document: read, process every document, assemble. The extract path
// alone, without the diff and report machinery the library index also exports, so that a one-file
// `portflow extract` loads only what it runs (start-up is most of its time).
import type { Format, FlowsDocument } from "../model/flows.js";
import { sha256Hex } from "../model/ids.js";
import { readDocuments } from "../read/documents.js";
import { assembleFlowsDocument } from "./assemble.js";
import { processDocument, type ProcessOptions } from "./document.js";

export interface ExtractOptions {
  format?: Format;
  version?: string | null;
  /** relative inputs are resolved, and output paths shown, relative to this folder (default: process.cwd()) */
  cwd?: string;
}

/** Extracts the flows of every document under the given files and directories. */
export async function extractPaths(inputs: readonly string[], options: ExtractOptions = {}): Promise<FlowsDocument> {
  const { documents, failures } = await readDocuments(inputs, options.cwd);
  const results = documents.map((d) => processDocument(d, processOptions(options)));
  return assembleFlowsDocument(results, failures);
}

/** Extracts the flows of one document given as text (`id` names it in the output). */
export function extractText(text: string, options: ExtractOptions & { id: string; path?: string }): FlowsDocument {
  const bytes = new TextEncoder().encode(text);
  const source = { id: options.id, path: options.path ?? options.id, bytes, sha256: sha256Hex(bytes) };
  return assembleFlowsDocument([processDocument(source, processOptions(options))]);
}

function processOptions(options: ExtractOptions): ProcessOptions {
  const out: ProcessOptions = {};
  if (options.format) out.format = options.format;
  if (options.version !== undefined) out.version = options.version;
  return out;
}

export { hasErrors } from "./assemble.js";
