// The CLI returns exit codes and writes to the streams it is given; tests call run() directly.
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { run } from "../src/cli/index.js";
import type { CliIO } from "../src/cli/io.js";

function memoryIO(cwd: string): CliIO & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    cwd,
    env: {},
    out: () => out,
    err: () => err,
  };
}

const FIXTURE = join(import.meta.dirname, "..", "fixtures", "markdown", "port-table-messy-cells", "input.md");

describe("portflow extract", () => {
  test("writes the flows document to stdout and exits 0", async () => {
    const io = memoryIO(process.cwd());
    expect(await run(["extract", FIXTURE], io)).toBe(0);
    const doc = JSON.parse(io.out());
    expect(doc.schemaVersion).toBe(1);
    expect(doc.flows.length).toBeGreaterThan(10);
  });

  test("-o writes the file whole, and two runs give the same bytes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "portflow-cli-"));
    const io = memoryIO(dir);
    expect(await run(["extract", FIXTURE, "-o", "a.json"], io)).toBe(0);
    expect(await run(["extract", FIXTURE, "-o", "b.json"], io)).toBe(0);
    expect(readFileSync(join(dir, "a.json"), "utf8")).toBe(readFileSync(join(dir, "b.json"), "utf8"));
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(io.out()).toBe("");
  });

  test("a missing file is an error diagnostic naming it; the other documents are still extracted", async () => {
    const dir = mkdtempSync(join(tmpdir(), "portflow-cli-"));
    const io = memoryIO(dir);
    const code = await run(["extract", FIXTURE, join(dir, "missing.md")], io);
    expect(code).toBe(1);
    const doc = JSON.parse(io.out());
    expect(doc.flows.length).toBeGreaterThan(10);
    expect(doc.diagnostics).toContainEqual(expect.objectContaining({ severity: "error", code: "read-failed", document: "missing.md" }));
    expect(io.err()).toMatch(/missing\.md: error read-failed/);
  });

  test("a directory is walked and ids are relative to it with '/' separators", async () => {
    const dir = mkdtempSync(join(tmpdir(), "portflow-cli-"));
    mkdirSync(join(dir, "docs", "sub"), { recursive: true });
    writeFileSync(join(dir, "docs", "sub", "a.md"), "# A\n\n| Port | Protocol |\n| --- | --- |\n| 443 | TCP |\n");
    writeFileSync(join(dir, "docs", "image.png"), "not a document");
    const io = memoryIO(dir);
    expect(await run(["extract", "docs"], io)).toBe(0);
    const doc = JSON.parse(io.out());
    expect(doc.documents.map((d: { id: string; path: string }) => [d.id, d.path])).toEqual([["sub/a.md", "docs/sub/a.md"]]);
  });

  test("--format overrides detection", async () => {
    const dir = mkdtempSync(join(tmpdir(), "portflow-cli-"));
    writeFileSync(join(dir, "page.md"), "<html><body><p>x</p></body></html>");
    const io = memoryIO(dir);
    expect(await run(["extract", "page.md", "--format", "html"], io)).toBe(0);
    expect(JSON.parse(io.out()).documents[0].format).toBe("html");
  });

  test.each([
    [["extract"], /needs at least one file/],
    [["extract", "x", "--format", "pdf"], /--format must be one of markdown, html, text/],
    [["extract", "--bogus"], /Unknown option '--bogus'/],
    [["frobnicate"], /unknown command "frobnicate"/],
  ])("usage error %j exits 2", async (argv, message) => {
    const io = memoryIO(process.cwd());
    expect(await run(argv, io)).toBe(2);
    expect(io.err()).toMatch(message);
  });

  test("--help prints usage and exits 0", async () => {
    const io = memoryIO(process.cwd());
    expect(await run(["extract", "--help"], io)).toBe(0);
    expect(io.out()).toMatch(/Usage: portflow extract/);
    expect(existsSync(FIXTURE)).toBe(true);
  });
});

describe("portflow schema", () => {
  test("prints the JSON Schema generated from the zod schema", async () => {
    const io = memoryIO(process.cwd());
    expect(await run(["schema", "flows"], io)).toBe(0);
    const schema = JSON.parse(io.out());
    expect(schema.properties.flows.items.required).toEqual(
      expect.arrayContaining(["id", "document", "section", "source", "target", "direction", "protocol", "service", "ports", "purpose", "conditions", "optional", "location", "raw"]),
    );
  });
});
