// `portflow run`: every source manifest → per version flows.json, changelogs between consecutive
// versions and since the previous run, and index.json. Incremental through the content-hash cache;
// documents that miss it go through the worker pool. Everything is written under `outDir`.
//
// Exit codes: 0 ok; 1 an error diagnostic in some document; 3 a source could not be read (invalid
// manifest, missing root or git ref): the other sources are still processed and written.
import { readFile, readdir, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { writeFileAtomic } from "../io/atomic.js";
import { stableJson } from "../io/json.js";
import { FlowsDocumentSchema, type FlowsDocument } from "../model/flows.js";
import { assembleFlowsDocument } from "../pipeline/assemble.js";
import type { DocumentResult, ProcessOptions } from "../pipeline/document.js";
import { displayPath, type SourceDocument } from "../read/documents.js";
import { ResultCache } from "./cache.js";
import { changelogBetween, type ImpactCounts } from "./changelogs.js";
import type { RunEvent, RunTotals, VersionSummary } from "./events.js";
import { loadManifests, type LoadedManifest } from "./manifests.js";
import { listSource, readVersionFile, type VersionFiles } from "./select.js";
import { buildIndex, severityCounts, type RunIndex, type SourceEntry, type VersionEntry } from "./summary.js";
import { isReadFailure, type FileSource, type PoolJob } from "./job.js";
import { WorkerPool } from "./workers.js";

export interface RunOptions {
  /** folder of the *.json manifests */
  sourcesDir: string;
  /** every file of the run goes under this folder */
  outDir: string;
  /** relative folders are resolved, and manifests named, from here (default: process.cwd()) */
  cwd?: string;
  onEvent?: (event: RunEvent) => void;
  /** worker threads (default: one per core); 0 or 1 keeps everything in this thread */
  workers?: number;
  /** compiled worker module (see workers.ts) */
  workerUrl?: URL;
  /** fewer cache misses than this are processed in this thread */
  minJobsForWorkers?: number;
  /** parse every page fully (tests prove the prefilter changes nothing) */
  noPrefilter?: boolean;
  /** do not read or write the cache (tests, benchmarks of a cold run) */
  noCache?: boolean;
}

export interface RunResult {
  exitCode: 0 | 1 | 3;
  index: RunIndex;
  totals: RunTotals;
  /** ids ("source/version/document") of the documents parsed in this run, i.e. not from the cache */
  parsedDocuments: string[];
}

export const RUN_EXIT = { ok: 0, findings: 1, unreadable: 3 } as const;

export async function runSources(options: RunOptions): Promise<RunResult> {
  const started = Date.now();
  const cwd = options.cwd ?? process.cwd();
  const sourcesDir = resolve(cwd, options.sourcesDir);
  const outDir = resolve(cwd, options.outDir);
  const emit = options.onEvent ?? (() => {});
  const cache = new ResultCache(outDir, !options.noCache);
  const { manifests, failures } = await loadManifests(sourcesDir, displayPath(sourcesDir, cwd));
  const entries: SourceEntry[] = failures.map((f) => {
    emit({ event: "source-failed", source: "", file: f.file, message: f.message });
    return { name: null, product: null, manifest: f.file, status: "failed", error: f.message, versions: [] };
  });
  const parsedDocuments: string[] = [];
  let threads = 1;
  const pool = new WorkerPool({ workers: options.workers, workerUrl: options.workerUrl, minJobs: options.minJobsForWorkers });
  // A source the cache knows nothing of is parsed whole: the workers load their modules meanwhile.
  if (manifests.some((m) => !cache.knows(m.manifest.name))) pool.start();
  try {
    for (const loaded of manifests) {
      const entry = await runSource(loaded, outDir, cache, pool, options, emit, (id) => parsedDocuments.push(id), (t) => (threads = Math.max(threads, t)));
      entries.push(entry);
    }
  } finally {
    await pool.close();
  }
  const index = buildIndex(entries);
  await writeFileAtomic(join(outDir, "index.json"), stableJson(index));
  if (!options.noCache && index.totals.failedSources === 0) cache.prune();

  const exitCode = index.totals.failedSources > 0 ? RUN_EXIT.unreadable : index.totals.diagnostics.error > 0 ? RUN_EXIT.findings : RUN_EXIT.ok;
  const totals: RunTotals = {
    sources: index.totals.sources,
    failedSources: index.totals.failedSources,
    versions: index.totals.versions,
    documents: index.totals.documents,
    parsed: parsedDocuments.length,
    cached: index.totals.documents - parsedDocuments.length,
    flows: index.totals.flows,
    errors: index.totals.diagnostics.error,
    threads,
  };
  emit({ event: "run-done", totals, exitCode, elapsedMs: Date.now() - started });
  return { exitCode, index, totals, parsedDocuments: parsedDocuments.sort() };
}

async function runSource(
  loaded: LoadedManifest,
  outDir: string,
  cache: ResultCache,
  pool: WorkerPool,
  options: RunOptions,
  emit: (e: RunEvent) => void,
  parsed: (id: string) => void,
  usedThreads: (n: number) => void,
): Promise<SourceEntry> {
  const { manifest, file } = loaded;
  const entry: SourceEntry = { name: manifest.name, product: manifest.product, manifest: file, status: "ok", error: null, versions: [] };
  let versions: VersionFiles[];
  try {
    versions = await listSource(manifest, loaded.dir);
  } catch (err) {
    const message = (err as Error).message;
    emit({ event: "source-failed", source: manifest.name, file, message });
    return { ...entry, status: "failed", error: message };
  }
  const documents = await documentsOf(versions, !cache.knows(manifest.name));
  const total = documents.reduce((n, list) => n + list.length, 0);
  emit({ event: "source-start", source: manifest.name, versions: versions.map((v) => v.version), documents: total });

  // Cache first; what misses goes to the pool in one batch across versions, for the cores.
  const results: (DocumentResult | undefined)[][] = versions.map(() => []);
  const caches = versions.map((v) => cache.forVersion(manifest.name, v.version));
  const misses: { at: [number, number]; key: string | null; job: PoolJob }[] = [];
  let done = 0;
  const tick = () => emit({ event: "progress", source: manifest.name, done: ++done, total });
  versions.forEach((v, vi) => {
    documents[vi]!.forEach((source, di) => {
      const processOptions: ProcessOptions = { version: v.version };
      const format = v.formats.get(source.id);
      if (format) processOptions.format = format;
      if (options.noPrefilter) processOptions.noPrefilter = true;
      if ("file" in source) {
        misses.push({ at: [vi, di], key: null, job: { file: source, options: processOptions } });
        return;
      }
      const key = caches[vi]!.key(source, processOptions);
      const hit = caches[vi]!.get(key);
      if (hit) {
        results[vi]![di] = hit;
        tick();
      } else {
        misses.push({ at: [vi, di], key, job: { source, options: processOptions } });
      }
    });
  });
  const processed = await pool.run(misses.map((m) => m.job), tick);
  usedThreads(processed.threads);
  const parsedIn = versions.map(() => 0);
  misses.forEach((m, i) => {
    const [vi, di] = m.at;
    const outcome = processed.results[i]!;
    if (isReadFailure(outcome)) {
      versions[vi]!.failures.push(outcome);
      return;
    }
    results[vi]![di] = outcome;
    caches[vi]!.set(m.key ?? caches[vi]!.key(outcome.document, m.job.options), outcome);
    parsedIn[vi]!++;
    parsed(`${manifest.name}/${versions[vi]!.version}/${outcome.document.id}`);
  });
  for (const c of caches) await c.save();

  let previous: { version: string; doc: FlowsDocument } | null = null;
  for (const [vi, v] of versions.entries()) {
    const doc = assembleFlowsDocument(results[vi]!.filter((r) => r !== undefined), v.failures);
    const version = await writeVersion(manifest.name, v.version, doc, previous, outDir);
    entry.versions.push(version.entry);
    emit({ event: "version-done", source: manifest.name, summary: { ...version.summary, parsed: parsedIn[vi]! } });
    previous = { version: v.version, doc };
  }
  return entry;
}

/**
 * The documents of each version. A source the cache knows nothing of is parsed whole: each of its
 * files on disk is then read by the thread that parses it (reading and hashing shared by the cores;
 * a file that cannot be read becomes a read failure then). Otherwise files are read here first, so
 * that their hashes find the cache hits; read failures go to the version's failures.
 */
async function documentsOf(versions: VersionFiles[], parsedWhole: boolean): Promise<(SourceDocument | FileSource)[][]> {
  const readLater = parsedWhole && versions.every((v) => v.files.every((f) => f.absolute !== null));
  const documents: (SourceDocument | FileSource)[][] = [];
  for (const v of versions) {
    const list: (SourceDocument | FileSource)[] = [];
    for (const f of v.files) {
      if (readLater) list.push({ id: f.id, path: f.rel, file: f.absolute! });
      else {
        const read = await readVersionFile(f);
        if ("message" in read) v.failures.push(read);
        else list.push(read);
      }
    }
    documents.push(list);
  }
  return documents;
}

async function writeVersion(
  source: string,
  version: string,
  doc: FlowsDocument,
  previous: { version: string; doc: FlowsDocument } | null,
  outDir: string,
): Promise<{ entry: VersionEntry; summary: VersionSummary }> {
  const rel = `${source}/${version}`;
  const dir = join(outDir, source, version);
  const files: VersionEntry["files"] = { flows: `${rel}/flows.json` };
  // The previous run's output is read before it is overwritten; when it holds the same bytes there
  // is nothing to parse or write (the common nightly case).
  const json = stableJson(doc);
  const lastText = await readFile(join(dir, "flows.json"), "utf8").catch(() => null);
  const lastRun = lastText === null ? null : lastText === json ? doc : parseFlowsDocument(lastText);
  if (lastText !== json) await writeFileAtomic(join(dir, "flows.json"), json);
  await removeStaleChangelogs(dir, previous ? `changelog-from-${previous.version}` : null);

  let fromPrevious: ({ from: string } & ImpactCounts) | null = null;
  if (previous) {
    const changelog = changelogBetween(previous.doc, doc, previous.version, version);
    const name = `changelog-from-${previous.version}`;
    await writeFileAtomic(join(dir, `${name}.json`), changelog.json);
    await writeFileAtomic(join(dir, `${name}.md`), changelog.markdown);
    files.changelogFromPreviousVersion = { json: `${rel}/${name}.json`, markdown: `${rel}/${name}.md` };
    fromPrevious = { from: previous.version, ...changelog.counts };
  }
  let sinceLastRun: ImpactCounts | null = null;
  if (lastRun) {
    const changelog = changelogBetween(lastRun, doc, `${version} (previous run)`, version);
    await writeFileAtomic(join(dir, "changelog-since-last-run.json"), changelog.json);
    await writeFileAtomic(join(dir, "changelog-since-last-run.md"), changelog.markdown);
    files.changelogSinceLastRun = { json: `${rel}/changelog-since-last-run.json`, markdown: `${rel}/changelog-since-last-run.md` };
    sinceLastRun = changelog.counts;
  } else {
    await rm(join(dir, "changelog-since-last-run.json"), { force: true });
    await rm(join(dir, "changelog-since-last-run.md"), { force: true });
  }
  const diagnostics = severityCounts(doc);
  const entry: VersionEntry = {
    version,
    documents: doc.documents.length,
    flows: doc.flows.length,
    mentions: doc.mentions.length,
    diagnostics,
    files,
    changesFromPreviousVersion: fromPrevious,
    changesSinceLastRun: sinceLastRun,
    errors: doc.diagnostics.filter((d) => d.severity === "error"),
  };
  const summary: VersionSummary = {
    version,
    documents: entry.documents,
    parsed: 0,
    flows: entry.flows,
    mentions: entry.mentions,
    diagnostics,
    changesFromPreviousVersion: fromPrevious ? { from: fromPrevious.from, counts: impactCounts(fromPrevious) } : null,
    changesSinceLastRun: sinceLastRun,
  };
  return { entry, summary };
}

function impactCounts(c: ImpactCounts): ImpactCounts {
  return { opens: c.opens, closes: c.closes, modifies: c.modifies, cosmetic: c.cosmetic };
}

/** The previous run's flows document, or null when it is not one. */
function parseFlowsDocument(text: string): FlowsDocument | null {
  try {
    const parsed = FlowsDocumentSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A version folder keeps only the changelog from its current predecessor. */
async function removeStaleChangelogs(dir: string, keep: string | null): Promise<void> {
  for (const name of await readdir(dir)) {
    if (name.startsWith("changelog-from-") && !(keep && (name === `${keep}.json` || name === `${keep}.md`))) await rm(join(dir, name), { force: true });
  }
}

export type { RunEvent, RunTotals } from "./events.js";
export type { RunIndex } from "./summary.js";
export { createProgress } from "./progress.js";
