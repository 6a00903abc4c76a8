// The library API. The CLI uses nothing else; downstream tools import from here.
import type { Format, FlowsDocument } from "./model/flows.js";
import { sha256Hex } from "./model/ids.js";
import { readDocuments } from "./read/documents.js";
import { assembleFlowsDocument } from "./pipeline/assemble.js";
import { processDocument, type ProcessOptions } from "./pipeline/document.js";
import type { RunOptions, RunResult } from "./run/index.js";

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

export { assembleFlowsDocument, hasErrors } from "./pipeline/assemble.js";
export { processDocument, type DocumentResult } from "./pipeline/document.js";
export { readDocuments, type SourceDocument } from "./read/documents.js";
export * from "./model/flows.js";
export { DIAGNOSTIC_CODES } from "./model/codes.js";

/** Runs every source manifest into the output folder (`portflow run`). Loaded on first use, so
 * `portflow extract` does not pay for the run machinery at start-up. */
export async function runSources(options: RunOptions): Promise<RunResult> {
  return (await import("./run/index.js")).runSources(options);
}
export type { RunOptions, RunResult, RunEvent, RunIndex } from "./run/index.js";
export { createProgress } from "./run/progress.js";
export { ManifestSchema, ManifestError, parseManifest, type Manifest } from "./model/manifest.js";

// The changelog between two versions (`portflow diff`): load each side, diff, render.
export { diffFlowsDocuments, type DiffOptions } from "./diff/index.js";
export { parseIgnoreFile, ignoreMatcher, IgnoreFileError, type IgnoreRules } from "./diff/ignore.js";
export { loadDiffSide, loadDiffSides, parseFlowsJson, InputError, type LoadSideOptions } from "./diff/inputs.js";
export { renderChangelog, REPORT_FORMATS, MARKDOWN_LIMIT, type ReportFormat, type RenderOptions } from "./report/index.js";
export { ChangelogSchema, ChangeSchema, sortChanges, type Change, type Changelog, type Problem, type Summary } from "./model/changelog.js";
export { CHANGE_KINDS, CHANGE_KIND_IDS, IMPACTS, IMPACT_RANK, impactAtLeast, type ChangeKind, type Impact } from "./model/changes.js";
