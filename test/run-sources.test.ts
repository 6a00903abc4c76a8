// `portflow run` end to end on a copy of the bundled sample corpus: output layout, index.json,
// the cache (nothing changed → nothing parsed; one page changed → one parse), determinism,
// a broken source beside a good one, nothing written outside --out, and the CLI's logs.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { run } from "../src/cli/index.js";
import { FlowsDocumentSchema } from "../src/model/flows.js";
import { runSources, type RunEvent, type RunIndex } from "../src/run/index.js";
import { tree } from "./tree-helper.js";

const ROOT = join(import.meta.dirname, "..");
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "portflow-run-"));
  cpSync(join(ROOT, "sources"), join(dir, "sources"), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));


const runIn = (out = "output", extra: Partial<Parameters<typeof runSources>[0]> = {}) =>
  runSources({ sourcesDir: "sources", outDir: out, cwd: dir, workers: 0, ...extra });

const SAMPLE = "sources/sample/docs/sentinel";

describe("runSources on the sample corpus", () => {
  test("writes flows.json per version and an index.json that sums them up", async () => {
    const result = await runIn();
    expect(result.exitCode).toBe(0);
    const files = Object.keys(tree(join(dir, "output")));
    expect(files).toEqual(expect.arrayContaining(["index.json", "sample/4.1/flows.json", "sample/4.2/flows.json"]));
    const index = JSON.parse(readFileSync(join(dir, "output/index.json"), "utf8")) as RunIndex;
    expect(index).toEqual(result.index);
    const [source] = index.sources;
    expect(source).toMatchObject({ name: "sample", product: "Northwind Sentinel", manifest: "sources/sample.json", status: "ok", error: null });
    expect(source!.versions.map((v) => v.version)).toEqual(["4.1", "4.2"]);
    for (const v of source!.versions) {
      const doc = FlowsDocumentSchema.parse(JSON.parse(readFileSync(join(dir, "output", v.files.flows), "utf8")));
      // the drafts folder is excluded by the manifest; every page keeps its id across versions
      expect(doc.documents.map((d) => d.id)).toEqual([
        "docs/sentinel/console/web-console.html",
        "docs/sentinel/install/collector-ports.md",
        "docs/sentinel/kb/collector-firewall-kb.txt",
        "docs/sentinel/overview.md",
      ]);
      expect(doc.documents.every((d) => d.version === v.version && d.path.startsWith(`docs/sentinel/${v.version}/`))).toBe(true);
      expect(v).toMatchObject({ documents: 4, flows: doc.flows.length, mentions: doc.mentions.length, errors: [] });
      const bySeverity = { error: 0, warning: 0, info: 0 };
      for (const d of doc.diagnostics) bySeverity[d.severity]++;
      expect(v.diagnostics).toEqual(bySeverity);
      expect(doc.flows.length).toBeGreaterThan(0);
    }
    expect(index.totals).toMatchObject({ sources: 1, failedSources: 0, versions: 2, documents: 8 });
    expect(index.totals.flows).toBe(source!.versions[0]!.flows + source!.versions[1]!.flows);
    // no absolute paths, no timestamps
    const text = Object.values(tree(join(dir, "output"))).join("\n");
    expect(text).not.toContain(dir);
    expect(text).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
  });

  test("a second run with nothing changed parses nothing and writes the same bytes", async () => {
    const first = await runIn();
    const before = tree(join(dir, "output"));
    const second = await runIn();
    expect(first.parsedDocuments).toHaveLength(8);
    expect(second.parsedDocuments).toEqual([]);
    expect(second.totals).toMatchObject({ parsed: 0, cached: 8 });
    const after = tree(join(dir, "output"));
    for (const file of Object.keys(before).filter((f) => f.endsWith("flows.json"))) expect(after[file]).toBe(before[file]);
  });

  test("one page changed: one parse", async () => {
    await runIn();
    appendFileSync(join(dir, SAMPLE, "4.2/install/collector-ports.md"), "| 5432 | TCP | Sentinel Server | Database | Event store |\n");
    const second = await runIn();
    expect(second.parsedDocuments).toEqual(["sample/4.2/docs/sentinel/install/collector-ports.md"]);
  });

  test("a change in portflow's code or a corrupt cache means a fresh parse, never a stale result", async () => {
    await runIn();
    const cacheDir = join(dir, "output/.cache/sample");
    for (const name of readdirSync(cacheDir)) writeFileSync(join(cacheDir, name), "{ damaged");
    const second = await runIn();
    expect(second.parsedDocuments).toHaveLength(8);
    expect(tree(join(dir, "output"))["sample/4.1/flows.json"]).toBeDefined();
  });

  test("same input, same bytes: two fresh runs into two folders", async () => {
    await runIn("out-a");
    await runIn("out-b", { noCache: true });
    expect(tree(join(dir, "out-b"))).toEqual(tree(join(dir, "out-a")));
  });

  test("a missing root fails that source (exit 3); the others run; nothing is written outside --out", async () => {
    writeFileSync(join(dir, "sources/broken.json"), JSON.stringify({ name: "broken", product: "Gone", root: "not-there", version: "1.0" }));
    writeFileSync(join(dir, "sources/invalid.json"), JSON.stringify({ name: "invalid", product: "P" }));
    const before = tree(dir);
    const events: RunEvent[] = [];
    const result = await runIn("output", { onEvent: (e) => events.push(e) });
    expect(result.exitCode).toBe(3);
    expect(result.index.sources.map((s) => [s.manifest, s.status, s.error])).toEqual([
      ["sources/broken.json", "failed", 'root "not-there" is not a folder (resolved from the manifest\'s folder)'],
      ["sources/invalid.json", "failed", "sources/invalid.json: root: expected a directory relative to the manifest file (e.g. \"sample\") or { \"git\": \"repo\", \"ref\": \"main\" } (the field is required), found nothing"],
      ["sources/sample.json", "ok", null],
    ]);
    expect(result.index.sources[2]!.versions).toHaveLength(2);
    expect(events.filter((e) => e.event === "source-failed").map((e) => (e as { file: string }).file)).toEqual(["sources/invalid.json", "sources/broken.json"]);
    const after = tree(dir);
    const added = Object.keys(after).filter((f) => !(f in before));
    expect(added.every((f) => f.startsWith("output/"))).toBe(true);
    expect(Object.keys(before).every((f) => after[f] === before[f])).toBe(true);
  });
});

describe("changelogs", () => {
  test("between consecutive versions and since the last run", async () => {
    const first = await runIn();
    const v42 = first.index.sources[0]!.versions[1]!;
    expect(v42.files.changelogFromPreviousVersion).toEqual({ json: "sample/4.2/changelog-from-4.1.json", markdown: "sample/4.2/changelog-from-4.1.md" });
    expect(v42.changesFromPreviousVersion).toMatchObject({ from: "4.1" });
    expect(v42.changesFromPreviousVersion!.opens).toBeGreaterThan(0); // 139 added, 7002 added, 8443 added
    expect(v42.changesFromPreviousVersion!.closes).toBeGreaterThan(0); // range narrowed, relay removed
    expect(v42.changesSinceLastRun).toBeNull();
    const second = await runIn();
    expect(second.index.sources[0]!.versions[1]!.changesSinceLastRun).toEqual({ opens: 0, closes: 0, modifies: 0, cosmetic: 0 });
    appendFileSync(join(dir, SAMPLE, "4.2/install/collector-ports.md"), "| 5432 | TCP | Sentinel Server | Database | Event store |\n");
    const third = await runIn();
    expect(third.index.sources[0]!.versions[1]!.changesSinceLastRun!.opens).toBe(1);
    expect(existsSync(join(dir, "output/sample/4.2/changelog-since-last-run.md"))).toBe(true);
  });
});

describe("portflow run (CLI)", () => {
  const sink = (isTTY = false) => {
    const chunks: string[] = [];
    return { chunks, out: { write: (s: string) => chunks.push(s), isTTY } };
  };
  const cli = async (args: string[], tty = false) => {
    const stdout = sink();
    const stderr = sink(tty);
    const code = await run(["run", ...args], { stdout: stdout.out, stderr: stderr.out, cwd: dir, env: {} });
    return { code, stdout: stdout.chunks.join(""), stderr: stderr.chunks.join("") };
  };

  test("not a TTY: no progress line, a one-line summary", async () => {
    const { code, stdout, stderr } = await cli([]);
    expect(code).toBe(0);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^portflow run: 1 source, 2 versions, 8 documents \(8 parsed, 0 cached\), \d+ flows, 0 error diagnostics in \d+\.\d s\n$/);
    expect(existsSync(join(dir, "output/sample/4.2/flows.json"))).toBe(true);
  });

  test("a TTY gets a progress line; --quiet silences everything", async () => {
    const tty = await cli(["--out", "o1"], true);
    expect(tty.stderr).toMatch(/\r\x1b\[2Ksample: 8\/8 documents/);
    const quiet = await cli(["--out", "o2", "--quiet"], true);
    expect(quiet).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  test("--json: one JSON object per line", async () => {
    const { stdout, stderr } = await cli(["--json", "--out", "o3"]);
    expect(stderr).toBe("");
    const events = stdout.trim().split("\n").map((l) => JSON.parse(l) as RunEvent);
    expect(events.map((e) => e.event)).toEqual(["source-start", "version-done", "version-done", "run-done"]);
    expect(events[0]).toEqual({ event: "source-start", source: "sample", versions: ["4.1", "4.2"], documents: 8 });
    expect(events[3]).toMatchObject({ event: "run-done", exitCode: 0, totals: { documents: 8, parsed: 8 } });
  });

  test("usage errors exit 2", async () => {
    expect((await cli(["--sources", "nope"])).code).toBe(2);
    expect((await cli(["extra"])).code).toBe(2);
    expect((await cli(["--bogus"])).code).toBe(2);
  });
});
