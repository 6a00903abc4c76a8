// `portflow run` reads a source two ways: a source the cache knows nothing of is parsed whole, and
// each file is read by the thread that parses it; otherwise every file is read first so that its
// hash finds the cache hits. Both must write the same bytes, and a file that cannot be read must give
// the same failure either way.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { processJob } from "../src/run/job.js";
import { runSources } from "../src/run/index.js";
import { readVersionFile } from "../src/run/select.js";
import { generateDocs } from "../scripts/synthetic-docs.mjs";
import { tree } from "./tree-helper.js";

const ROOT = join(import.meta.dirname, "..");
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "portflow-modes-"));
  cpSync(join(ROOT, "sources"), join(dir, "sources"), { recursive: true });
  generateDocs(join(dir, "synthetic"), { pages: 120, portShare: 0.2, seed: 5 });
  writeFileSync(join(dir, "sources/synthetic.json"), JSON.stringify({ name: "synthetic", product: "Synthetic", root: "../synthetic", version: "1.0" }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));


describe("run read modes", () => {
  test("files read by the parsing thread, read first, or served from the cache: the same bytes", async () => {
    const later = await runSources({ sourcesDir: "sources", outDir: "out-later", cwd: dir });
    // a cache folder that holds nothing for these versions: every file is read first, and misses
    for (const source of ["sample", "synthetic"]) mkdirSync(join(dir, "out-first/.cache", source), { recursive: true });
    const first = await runSources({ sourcesDir: "sources", outDir: "out-first", cwd: dir });
    expect(later.parsedDocuments.length).toBeGreaterThan(100);
    expect(first.parsedDocuments).toEqual(later.parsedDocuments);
    expect(tree(join(dir, "out-first"))).toEqual(tree(join(dir, "out-later")));
    const cached = await runSources({ sourcesDir: "sources", outDir: "out-later", cwd: dir });
    expect(cached.parsedDocuments).toEqual([]);
    expect(cached.index.totals).toEqual(later.index.totals);
  });

  test("a file that vanishes before it is parsed is a read failure, as when read first", async () => {
    const root = join(dir, "vanish");
    mkdirSync(join(root, "docs"), { recursive: true });
    writeFileSync(join(root, "docs/keep.md"), "# Keep\n\nOpen port 443 (TCP).\n");
    writeFileSync(join(root, "docs/gone.md"), "# Gone\n");
    mkdirSync(join(root, "sources"));
    writeFileSync(join(root, "sources/v.json"), JSON.stringify({ name: "v", product: "V", root: "../docs", version: "1.0" }));
    const run = await runSources({
      sourcesDir: "sources",
      outDir: "out",
      cwd: root,
      // listed, then removed before any thread reads it
      onEvent: (e) => e.event === "source-start" && rmSync(join(root, "docs/gone.md")),
    });
    const flows = JSON.parse(readFileSync(join(root, "out/v/1.0/flows.json"), "utf8")) as { documents: { id: string }[]; diagnostics: { code: string; document: string; message: string }[] };
    expect(run.exitCode).toBe(1);
    expect(flows.documents.map((d) => d.id)).toEqual(["keep.md"]);
    expect(flows.diagnostics.filter((d) => d.code === "read-failed").map((d) => d.document)).toEqual(["gone.md"]);
    expect(run.parsedDocuments).toEqual(["v/1.0/keep.md"]);
  });

  test("the failure a parsing thread reports is the one a read first gives", async () => {
    const file = join(dir, "missing.md");
    const first = await readVersionFile({ id: "missing.md", rel: "missing.md", absolute: file, read: async () => new Uint8Array(readFileSync(file)) });
    expect(processJob({ file: { id: "missing.md", path: "missing.md", file }, options: {} })).toEqual(first);
    expect(first).toMatchObject({ id: "missing.md", path: "missing.md", message: expect.stringContaining("ENOENT") });
  });
});
