// npm run bench: generates a synthetic docs tree (10,000 pages, ~5% with port tables, mixed
// Markdown / HTML / text) in a temporary folder and reports, in one run:
//   - extract: a cold `portflow run` over the tree (every page read, prefiltered, parsed on all
//     cores, cached, written), in pages/s and MB/s, and its ratio to a naive baseline (remark-parse +
//     remark-gfm of every page, measured in this run);
//   - the cached re-run (nothing changed) as a ratio to the same baseline;
//   - the cold start of `portflow extract` on one file (a spawned node process, median of 7);
//   - the diff of two 100,000-flow documents (when the diff module is built);
//   - peak memory (RSS of this process and its worker threads);
//   - the CPU time of the cold run (every thread) against the baseline's: other work on the machine
//     slows the wall-clock figures, the parallel one most, but hardly the CPU time.
// It prints a table and exits 0: it is a report, not a test. Run it from a built tree (npm run bench).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { generateDocs } from "./synthetic-docs.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(ROOT, "dist");
const PAGES = Number(process.env.BENCH_PAGES ?? 10000);
const gc = globalThis.gc ?? (() => {});
const cpuMs = (usage) => (usage.user + usage.system) / 1000;
const now = () => performance.now();

if (!existsSync(join(DIST, "index.js"))) {
  console.error("bench: dist/ is missing; run `npm run bench` (it builds first)");
  process.exit(0);
}
const { runSources } = await import(pathToFileURL(join(DIST, "index.js")).href);

const loadBefore = loadavg();
const work = mkdtempSync(join(tmpdir(), "portflow-bench-"));
try {
  const docs = join(work, "docs");
  process.stderr.write(`bench: generating ${PAGES} pages in ${work}\n`);
  const generated = generateDocs(docs, { pages: PAGES });
  const mb = generated.bytes / 1e6;
  mkdirSync(join(work, "sources"));
  writeFileSync(join(work, "sources/bench.json"), JSON.stringify({ name: "bench", product: "Synthetic", root: "../docs", version: "1.0" }));

  // extract: cold run (empty cache, workers on every core)
  gc();
  let t = now();
  let cpu = process.cpuUsage();
  const cold = await runSources({ sourcesDir: "sources", outDir: "out", cwd: work });
  const coldMs = now() - t;
  const coldCpuMs = cpuMs(process.cpuUsage(cpu));

  // cached re-run: nothing changed
  gc();
  t = now();
  const warm = await runSources({ sourcesDir: "sources", outDir: "out", cwd: work });
  const warmMs = now() - t;

  // one page changed
  const changed = join(docs, generated.files[0]);
  writeFileSync(changed, readFileSync(changed, "utf8") + "\nOne more sentence.\n");
  gc();
  t = now();
  const onePage = await runSources({ sourcesDir: "sources", outDir: "out", cwd: work });
  const onePageMs = now() - t;

  // naive baseline: read and remark-parse + remark-gfm every page, in this thread
  gc();
  const processor = unified().use(remarkParse).use(remarkGfm);
  t = now();
  cpu = process.cpuUsage();
  for (const rel of generated.files) processor.parse(readFileSync(join(docs, rel), "utf8"));
  const baselineMs = now() - t;
  const baselineCpuMs = cpuMs(process.cpuUsage(cpu));

  // cold start of `portflow extract` on one file
  const one = join(ROOT, "sources/sample/docs/sentinel/4.2/install/collector-ports.md");
  const spawnMs = (args) => {
    const s = now();
    spawnSync(process.execPath, args, { stdio: "ignore" });
    return now() - s;
  };
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const coldStartMs = median(Array.from({ length: 7 }, () => spawnMs([join(DIST, "cli/portflow.mjs"), "extract", one, "-o", join(work, "one.json")])));
  const bareNodeMs = median(Array.from({ length: 7 }, () => spawnMs(["-e", "0"])));

  // diff of two 100,000-flow documents
  let diffMs = null;
  let diffChanges = null;
  if (existsSync(join(DIST, "diff/index.js"))) {
    const { diffFlowsDocuments } = await import(pathToFileURL(join(DIST, "diff/index.js")).href);
    const [base, head] = flowPair(100_000);
    gc();
    t = now();
    const changelog = diffFlowsDocuments(base, head, { baseLabel: "base", headLabel: "head" });
    diffMs = now() - t;
    diffChanges = changelog.changes.length;
  }
  const peakMiB = (process.resourceUsage().maxRSS * 1024) / 2 ** 20;

  const ratio = (ms) => ms / baselineMs;
  const rows = [
    ["pages (port pages)", `${PAGES} (${generated.portPages})`, "", ""],
    ["corpus", `${mb.toFixed(1)} MB`, "", ""],
    ["naive baseline (remark+gfm, 1 thread)", `${(baselineMs / 1000).toFixed(2)} s`, "", ""],
    [`extract, cold run (${cold.totals.threads} threads of ${availableParallelism()} cores)`, `${(coldMs / 1000).toFixed(2)} s · ${Math.round(PAGES / (coldMs / 1000))} pages/s · ${(mb / (coldMs / 1000)).toFixed(1)} MB/s`, "", ""],
    ["extract / baseline", `${ratio(coldMs).toFixed(3)}×`, "≤ 0.15×", ratio(coldMs) <= 0.15],
    // CPU time of every thread: what the machine's other work does not change (wall time it does)
    ["extract CPU / baseline CPU (all threads)", `${(coldCpuMs / 1000).toFixed(2)} s / ${(baselineCpuMs / 1000).toFixed(2)} s · ${(coldCpuMs / baselineCpuMs).toFixed(3)}×`, "", ""],
    [`cached re-run (${warm.totals.parsed} parsed)`, `${(warmMs / 1000).toFixed(3)} s · ${ratio(warmMs).toFixed(3)}×`, "≤ 0.03×", ratio(warmMs) <= 0.03],
    [`one page changed (${onePage.totals.parsed} parsed)`, `${(onePageMs / 1000).toFixed(3)} s · ${ratio(onePageMs).toFixed(3)}×`, "", ""],
    ["cold start, extract one file", `${(coldStartMs / 1000).toFixed(3)} s (bare node ${(bareNodeMs / 1000).toFixed(3)} s)`, "≤ 0.3 s", coldStartMs <= 300],
    ["diff 100k vs 100k flows", diffMs === null ? "n/a (dist/diff not built)" : `${(diffMs / 1000).toFixed(2)} s (${diffChanges} changes)`, "≤ 2 s", diffMs === null ? "" : diffMs <= 2000],
    ["peak memory (RSS)", `${peakMiB.toFixed(0)} MiB`, "≤ 1024 MiB", peakMiB <= 1024],
  ];
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => String(r[i]).length), ["measure", "figure", "target"][i].length));
  const line = (r) => `| ${String(r[0]).padEnd(w[0])} | ${String(r[1]).padEnd(w[1])} | ${String(r[2]).padEnd(w[2])} | ${r[3] === "" ? "  " : r[3] ? "ok" : "!!"} |`;
  // other work on the machine slows the parallel part most: say how busy it was
  console.log(`portflow bench · node ${process.version} · ${availableParallelism()} cores · load average before ${loadBefore.map((l) => l.toFixed(2)).join(" ")}`);
  console.log(line(["measure", "figure", "target", ""]));
  console.log(`|${"-".repeat(w[0] + 2)}|${"-".repeat(w[1] + 2)}|${"-".repeat(w[2] + 2)}|----|`);
  for (const r of rows) console.log(line(r));
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Two flows documents of n flows each: the head moves ~1% of ports, drops and adds ~0.5% of flows. */
function flowPair(n) {
  const flow = (i, port) => ({
    id: `f${i.toString(16).padStart(11, "0")}`,
    document: `docs/page-${Math.floor(i / 20)}.md`,
    section: [`Page ${Math.floor(i / 20)}`, "Ports"],
    source: `Host ${i % 97}`,
    target: `Server ${i}`,
    direction: null,
    protocol: i % 5 === 0 ? "udp" : "tcp",
    service: null,
    ports: [{ from: port, to: port }],
    purpose: [`Purpose ${i}`],
    conditions: [],
    optional: false,
    location: { line: 10 + (i % 20) },
    raw: { port: String(port), protocol: "TCP", source: `Host ${i % 97}`, target: `Server ${i}`, purpose: `Purpose ${i}` },
  });
  const documents = Array.from({ length: Math.ceil(n / 20) }, (_, d) => ({ id: `docs/page-${d}.md`, path: `docs/page-${d}.md`, title: `Page ${d}`, format: "markdown", sha256: "0".repeat(64), version: null }));
  const baseFlows = Array.from({ length: n }, (_, i) => flow(i, 1024 + (i % 60000)));
  const headFlows = [];
  for (let i = 0; i < n; i++) {
    if (i % 200 === 7) continue; // removed
    headFlows.push(i % 100 === 3 ? flow(i, 2048 + (i % 50000)) : baseFlows[i]);
  }
  for (let i = n; headFlows.length < n; i++) headFlows.push(flow(i, 443)); // added
  const doc = (flows) => ({ schemaVersion: 1, documents, flows, mentions: [], diagnostics: [] });
  return [doc(baseFlows), doc(headFlows)];
}
