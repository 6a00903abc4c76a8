// The worker pool of `portflow run` (src/run/workers.ts): started early and kept for the whole run,
// it must place every result at its job's index, serve several runs, hand a failed worker's batch
// back to this thread, and let the process exit once closed. Stub workers keep this test fast; the
// compiled pool's output equality is proven in run-workers.test.ts.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { sha256Hex } from "../src/model/ids.js";
import { processDocument } from "../src/pipeline/document.js";
import { WorkerPool, type DocumentJob } from "../src/run/workers.js";

const dir = mkdtempSync(join(tmpdir(), "portflow-pool-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function stub(name: string, body: string): URL {
  const path = join(dir, name);
  writeFileSync(path, `import { parentPort } from "node:worker_threads";\n${body}\n`);
  return pathToFileURL(path);
}
// answers each job with its id and the thread it ran in
const echo = stub("echo.mjs", `parentPort.on("message", (batch) => parentPort.postMessage(batch.map((j) => ({ index: j.index, result: { id: j.source.id, in: "worker" } }))));`);
const broken = stub("broken.mjs", `throw new Error("cannot start");`);
const dies = stub("dies.mjs", `parentPort.on("message", () => process.exit(3));`);

function jobs(n: number, prefix = "p"): DocumentJob[] {
  return Array.from({ length: n }, (_, i) => {
    const bytes = new TextEncoder().encode(`# Page ${i}\n\nOpen port ${1000 + i} (TCP) on the server.\n`);
    return { source: { id: `${prefix}${i}.md`, path: `${prefix}${i}.md`, bytes, sha256: sha256Hex(bytes) }, options: {} };
  });
}

describe("worker pool", () => {
  test("started before the jobs are known, it serves two runs and places every result at its index", async () => {
    const pool = new WorkerPool({ workers: 2, workerUrl: echo, minJobs: 0, inThisThread: false }).start();
    try {
      for (const prefix of ["a", "b"]) {
        const batch = jobs(100, prefix);
        let done = 0;
        const run = await pool.run(batch, () => done++);
        expect(run.threads).toBe(2);
        expect(run.inWorkers).toBe(100);
        expect(done).toBe(100);
        expect(run.results).toEqual(batch.map((j) => ({ id: j.source.id, in: "worker" })));
      }
    } finally {
      await pool.close();
    }
  });

  test("this thread takes batches too by default; few jobs stay here", async () => {
    const pool = new WorkerPool({ workers: 2, workerUrl: echo, minJobs: 0 });
    try {
      const batch = jobs(200);
      const run = await pool.run(batch);
      expect(run.threads).toBe(2);
      const here = run.results.filter((r) => !("in" in r));
      expect(here.length + run.inWorkers).toBe(200);
      for (const [i, r] of run.results.entries()) {
        if ("in" in r) expect(r).toEqual({ id: batch[i]!.source.id, in: "worker" });
        else expect(r).toEqual(processDocument(batch[i]!.source, batch[i]!.options));
      }
      const few = await new WorkerPool({ workers: 2, workerUrl: echo }).run(jobs(5));
      expect(few.threads).toBe(1);
    } finally {
      await pool.close();
    }
  });

  test.each([
    ["fails to start", broken],
    ["exits with a batch in hand", dies],
  ])("a worker that %s hands its batches back: every result computed here", async (_name, url) => {
    const pool = new WorkerPool({ workers: 2, workerUrl: url, minJobs: 0, inThisThread: false }).start();
    try {
      const batch = jobs(60);
      const run = await pool.run(batch);
      expect(run.inWorkers).toBe(0);
      expect(run.results).toEqual(batch.map((j) => processDocument(j.source, j.options)));
    } finally {
      await pool.close();
    }
  });
});
