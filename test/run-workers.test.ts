// The worker pool gives the same output as a single-threaded, full (no prefilter) run.
// Workers run compiled JavaScript, so this test first compiles src/ with tsc into
// node_modules/.cache/portflow-run-workers (never dist/, which other work may be using; inside the
// project so that the compiled code finds node_modules), then runs the compiled pool against the
// TypeScript single-threaded path.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sha256Hex } from "../src/model/ids.js";
import { processDocument } from "../src/pipeline/document.js";
import { runSources } from "../src/run/index.js";
import { processJobs, type DocumentJob } from "../src/run/workers.js";
import { generateDocs } from "../scripts/synthetic-docs.mjs";
import { tree } from "./tree-helper.js";

const ROOT = join(import.meta.dirname, "..");
const BUILD = join(ROOT, "node_modules/.cache/portflow-run-workers");
const workerUrl = pathToFileURL(join(BUILD, "run/worker.js"));
let dir: string;

beforeAll(() => {
  rmSync(BUILD, { recursive: true, force: true });
  // tsc emits even when unrelated files in progress have type errors; the worker file is what counts
  spawnSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", join(ROOT, "tsconfig.build.json"), "--outDir", BUILD, "--declaration", "false"], { cwd: ROOT, stdio: "ignore" });
  dir = mkdtempSync(join(tmpdir(), "portflow-workers-"));
  cpSync(join(ROOT, "sources"), join(dir, "sources"), { recursive: true });
  generateDocs(join(dir, "synthetic"), { pages: 240, portShare: 0.2, seed: 11 });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));


describe("worker pool", () => {
  test("the compiled worker exists", () => {
    expect(existsSync(workerUrl)).toBe(true);
  });

  test("processJobs in two workers (nothing in this thread) equals processDocument in this thread without the prefilter", async () => {
    const files = readdirSync(join(dir, "synthetic"), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    const jobs: DocumentJob[] = files.map((e) => {
      const path = relative(dir, join(e.parentPath, e.name));
      const bytes = new Uint8Array(readFileSync(join(dir, path)));
      return { source: { id: path, path, bytes, sha256: sha256Hex(bytes) }, options: { version: "1.0" } };
    });
    let done = 0;
    const pooled = await processJobs(jobs, { workerUrl, workers: 2, minJobs: 0, inThisThread: false, onDone: () => done++ });
    expect(pooled.threads).toBe(2);
    expect(pooled.inWorkers).toBe(jobs.length);
    expect(done).toBe(jobs.length);
    expect(pooled.results).toEqual(jobs.map((j) => processDocument(j.source, { ...j.options, noPrefilter: true })));
  });

  test("below the threshold, or without a compiled worker, the pool stays in this thread", async () => {
    const bytes = new TextEncoder().encode("# A\n");
    const jobs = [{ source: { id: "a.md", path: "a.md", bytes, sha256: sha256Hex(bytes) }, options: {} }];
    expect((await processJobs(jobs, { workerUrl, workers: 2 })).threads).toBe(1);
    expect((await processJobs(jobs, { workerUrl: new URL("file:///nowhere/worker.js"), workers: 2, minJobs: 0 })).threads).toBe(1);
  });

  test("runSources with workers (compiled) writes the same bytes as a single-threaded full run", async () => {
    const compiled = (await import(pathToFileURL(join(BUILD, "run/index.js")).href)) as typeof import("../src/run/index.js");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(dir, "sources/synthetic.json"), JSON.stringify({ name: "synthetic", product: "Synthetic", root: "../synthetic", version: "1.0" }));
    const pooled = await compiled.runSources({ sourcesDir: "sources", outDir: "out-pool", cwd: dir, workers: 2, minJobsForWorkers: 0, workerUrl });
    const single = await runSources({ sourcesDir: "sources", outDir: "out-single", cwd: dir, workers: 0, noPrefilter: true, noCache: true });
    expect(pooled.totals.threads).toBe(2);
    expect(single.totals.threads).toBe(1);
    expect(tree(join(dir, "out-pool"))).toEqual(tree(join(dir, "out-single")));
  });
});
