// The five real documents in ../shared/seeds, scored by ../shared/eval/score.mjs against the gold
// flows. Skipped when ../shared is not beside the checkout.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { extractPaths } from "../src/index.js";
import { stableJson } from "../src/io/json.js";

const SHARED = join(import.meta.dirname, "..", "..", "shared");
const SEEDS = join(SHARED, "seeds");
const SCORE = join(SHARED, "eval", "score.mjs");
const GOLD = join(SHARED, "eval", "seeds.gold.json");
const present = existsSync(SEEDS) && existsSync(SCORE) && existsSync(GOLD);

describe.skipIf(!present)("seed documents", () => {
  test("every gold flow is found, nothing extra, every check holds", async () => {
    const doc = await extractPaths([SEEDS]);
    const out = join(mkdtempSync(join(tmpdir(), "portflow-seeds-")), "flows.json");
    writeFileSync(out, stableJson(doc));
    const report = execFileSync(process.execPath, [SCORE, out, GOLD, "--verbose"], { encoding: "utf8" });
    const perDocument = report.split("\n").filter((l) => / flows, atoms matched /.test(l));
    expect(perDocument).toHaveLength(5);
    for (const line of perDocument) expect(line).toMatch(/missed 0, extra 0, checks failed 0$/);
    expect(report).toMatch(/F1=1\.000 checks=1\.000/);
  });

  test("no flow comes from site chrome and no error diagnostic is raised", async () => {
    const doc = await extractPaths([SEEDS]);
    const chrome = /skip to main content|submit search|you are here|logout/i;
    expect(doc.flows.filter((f) => Object.values(f.raw).some((v) => chrome.test(v)))).toEqual([]);
    expect(doc.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});
