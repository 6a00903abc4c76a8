// Whole-document fixtures: fixtures/<format>/<case>/input.* must extract to expected.json, byte for
// byte. After a deliberate change, regenerate with `UPDATE_FIXTURES=1 npx vitest run test/fixtures.test.ts`
// and review the diff of the expected files.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { extractPaths } from "../src/index.js";
import { stableJson } from "../src/io/json.js";
import { columnRoles, isPortTable } from "../src/extract/roles.js";
import { parseDocument } from "../src/parse/index.js";
import { decodeBytes } from "../src/read/decode.js";
import { detectFormat } from "../src/read/detect.js";

const UPDATE = process.env.UPDATE_FIXTURES === "1";
const ROOT = join(import.meta.dirname, "..", "fixtures");
const FORMATS = ["markdown", "html", "text"];

const cases = FORMATS.flatMap((format) => {
  const dir = join(ROOT, format);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const caseDir = join(dir, d.name);
      const input = readdirSync(caseDir).find((f) => f.startsWith("input."));
      return { name: `${format}/${d.name}`, caseDir, input: input && join(caseDir, input) };
    })
    .filter((c): c is { name: string; caseDir: string; input: string } => c.input !== undefined);
});

describe("fixture documents extract to their expected flows", () => {
  test("there are fixtures for every format", () => {
    for (const format of ["markdown"]) expect(cases.some((c) => c.name.startsWith(format + "/"))).toBe(true);
  });

  test.each(cases)("$name", async ({ caseDir, input }) => {
    const actual = stableJson(await extractPaths([input]));
    const expectedPath = join(caseDir, "expected.json");
    if (UPDATE) writeFileSync(expectedPath, actual);
    expect(existsSync(expectedPath), `${expectedPath} is missing: run with UPDATE_FIXTURES=1 and review it`).toBe(true);
    expect(JSON.parse(actual)).toEqual(JSON.parse(readFileSync(expectedPath, "utf8")));
  });
});

describe("nothing is lost", () => {
  test.each(cases)("every port-table row of $name yields a flow or a diagnostic", async ({ input }) => {
    const text = decodeBytes(new Uint8Array(readFileSync(input))).text;
    const parsed = parseDocument(text, detectFormat(input, text));
    const rowLines = parsed.blocks.flatMap((b) =>
      b.kind === "table" && isPortTable(columnRoles(b.header.map((h) => h.text))) ? b.rows.map((r) => r.line) : [],
    );
    const doc = await extractPaths([input]);
    const covered = new Set([...doc.flows.map((f) => f.location.line), ...doc.diagnostics.map((d) => d.line)]);
    expect(rowLines.filter((line) => !covered.has(line))).toEqual([]);
  });
});
