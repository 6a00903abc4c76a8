// The library API. The CLI uses nothing else; downstream tools import from here.
import type { RunOptions, RunResult } from "./run/index.js";

export { extractPaths, extractText, type ExtractOptions } from "./pipeline/extract.js";
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
