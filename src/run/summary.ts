// output/index.json: what the last run produced, per source and version. Only facts that follow from
// the input (no timestamps, no absolute paths, no cache hit counts), so the same input gives the same
// bytes.
import type { Diagnostic, FlowsDocument } from "../model/flows.js";
import type { ImpactCounts } from "./changelogs.js";
import type { SeverityCounts } from "./events.js";

export interface VersionEntry {
  version: string;
  documents: number;
  flows: number;
  mentions: number;
  diagnostics: SeverityCounts;
  /** paths relative to the output folder */
  files: { flows: string; changelogFromPreviousVersion?: { json: string; markdown: string }; changelogSinceLastRun?: { json: string; markdown: string } };
  changesFromPreviousVersion: ({ from: string } & ImpactCounts) | null;
  changesSinceLastRun: ImpactCounts | null;
  /** error diagnostics of this version (warnings and info are counted above and listed in flows.json) */
  errors: Diagnostic[];
}

export interface SourceEntry {
  /** null when the manifest itself could not be read */
  name: string | null;
  product: string | null;
  manifest: string;
  status: "ok" | "failed";
  /** why the source could not be read; null when it was */
  error: string | null;
  versions: VersionEntry[];
}

export interface RunIndex {
  schemaVersion: 1;
  sources: SourceEntry[];
  totals: { sources: number; failedSources: number; versions: number; documents: number; flows: number; mentions: number; diagnostics: SeverityCounts; changesFromPreviousVersion: ImpactCounts };
}

export function severityCounts(doc: FlowsDocument): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const d of doc.diagnostics) counts[d.severity]++;
  return counts;
}

export function buildIndex(sources: SourceEntry[]): RunIndex {
  const versions = sources.flatMap((s) => s.versions);
  const sum = (f: (v: VersionEntry) => number) => versions.reduce((n, v) => n + f(v), 0);
  const changes = (k: keyof ImpactCounts) => sum((v) => v.changesFromPreviousVersion?.[k] ?? 0);
  return {
    schemaVersion: 1,
    sources: [...sources].sort((a, b) => (a.manifest < b.manifest ? -1 : a.manifest > b.manifest ? 1 : 0)),
    totals: {
      sources: sources.length,
      failedSources: sources.filter((s) => s.status === "failed").length,
      versions: versions.length,
      documents: sum((v) => v.documents),
      flows: sum((v) => v.flows),
      mentions: sum((v) => v.mentions),
      diagnostics: { error: sum((v) => v.diagnostics.error), warning: sum((v) => v.diagnostics.warning), info: sum((v) => v.diagnostics.info) },
      changesFromPreviousVersion: { opens: changes("opens"), closes: changes("closes"), modifies: changes("modifies"), cosmetic: changes("cosmetic") },
    },
  };
}
