// The prefilter (pages that cannot hold a port requirement are not parsed fully) must change nothing
// but the time taken: proven on the sample corpus and on a synthetic mix of ordinary pages, pages
// that mention a port in passing, and port pages in the messy shapes, in Markdown, HTML and text.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { processDocument } from "../src/pipeline/document.js";
import { mayHoldPorts } from "../src/pipeline/prefilter.js";
import { selectSource } from "../src/run/select.js";
import { parseManifest } from "../src/model/manifest.js";
import { sha256Hex } from "../src/model/ids.js";
import { generateDocs } from "../scripts/synthetic-docs.mjs";

const ROOT = join(import.meta.dirname, "..");
const synthetic = mkdtempSync(join(tmpdir(), "portflow-prefilter-"));
const { files } = generateDocs(synthetic, { pages: 300, portShare: 0.2, seed: 7 });
afterAll(() => rmSync(synthetic, { recursive: true, force: true }));

describe("prefilter on a synthetic mix", () => {
  const documents = files.map((rel) => {
    const bytes = new Uint8Array(readFileSync(join(synthetic, rel)));
    return { id: rel, path: rel, bytes, sha256: sha256Hex(bytes) };
  });

  test("the mix holds pages the prefilter skips and pages it keeps, in every format", () => {
    const kinds = new Set(documents.map((d) => `${d.id.split(".").pop()} ${mayHoldPorts(new TextDecoder().decode(d.bytes)) ? "kept" : "skipped"}`));
    expect([...kinds].sort()).toEqual(["html kept", "html skipped", "md kept", "md skipped", "txt kept", "txt skipped"]);
  });

  test("every page: the same result with and without it", () => {
    for (const d of documents) expect(processDocument(d, { version: "1.0" }), d.id).toEqual(processDocument(d, { version: "1.0", noPrefilter: true }));
  });
});

test("prefilter on the sample corpus: the same result with and without it", async () => {
  const manifest = parseManifest("sample.json", JSON.parse(readFileSync(join(ROOT, "sources/sample.json"), "utf8")));
  const versions = await selectSource(manifest, join(ROOT, "sources"));
  expect(versions.flatMap((v) => v.documents)).toHaveLength(8);
  for (const v of versions) {
    for (const d of v.documents) {
      const format = v.formats.get(d.id);
      const options = { version: v.version, ...(format && { format }) };
      expect(processDocument(d, options), d.path).toEqual(processDocument(d, { ...options, noPrefilter: true }));
    }
  }
});
