// What a run tells its observer while it goes: progress for a terminal, JSON lines for machines.
import type { ImpactCounts } from "./changelogs.js";

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export interface VersionSummary {
  version: string;
  documents: number;
  /** documents parsed in this run (the rest came from the cache) */
  parsed: number;
  flows: number;
  mentions: number;
  diagnostics: SeverityCounts;
  /** changes from the previous version of the source; null for the first version */
  changesFromPreviousVersion: { from: string; counts: ImpactCounts } | null;
  /** changes since the previous run's output of this version; null when there was none */
  changesSinceLastRun: ImpactCounts | null;
}

export interface RunTotals {
  sources: number;
  failedSources: number;
  versions: number;
  documents: number;
  parsed: number;
  cached: number;
  flows: number;
  errors: number;
  threads: number;
}

export type RunEvent =
  | { event: "source-start"; source: string; versions: string[]; documents: number }
  | { event: "progress"; source: string; done: number; total: number }
  | { event: "version-done"; source: string; summary: VersionSummary }
  | { event: "source-failed"; source: string; file: string; message: string }
  | { event: "run-done"; totals: RunTotals; exitCode: number; elapsedMs: number };
