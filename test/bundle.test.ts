// The package's bin is the bundled CLI (scripts/bundle-cli.mjs, built by `npm ci`/`npm run build`).
// It must say exactly what the unbundled modules say.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { run } from "../src/cli/index.js";

const ROOT = join(import.meta.dirname, "..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { bin: Record<string, string> };
const BIN = join(ROOT, pkg.bin.portflow!);

describe.skipIf(!existsSync(BIN))("the bundled bin", () => {
  test("extracts Markdown, HTML and text exactly as the sources do", async () => {
    const out = mkdtempSync(join(tmpdir(), "portflow-bundle-"));
    const inputs = ["fixtures/markdown/port-table-messy-cells", "fixtures/html/confluence-rowspan-colspan", "fixtures/text/kb-key-value-blocks-with-summary", "fixtures/markdown/raw-html-table"];
    const bundled = spawnSync(process.execPath, [BIN, "extract", ...inputs, "-o", join(out, "bundled.json")], { cwd: ROOT, encoding: "utf8" });
    expect(bundled.stderr).toBe("");
    expect(bundled.status).toBe(0);
    const sink = { write: () => true };
    const code = await run(["extract", ...inputs, "-o", join(out, "sources.json")], { stdout: sink, stderr: sink, cwd: ROOT, env: {} });
    expect(code).toBe(0);
    expect(readFileSync(join(out, "bundled.json"), "utf8")).toBe(readFileSync(join(out, "sources.json"), "utf8"));
  });
});
