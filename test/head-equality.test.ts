// Pages the prefilter skips get only their head (title and meta), read cheaply (src/parse/head.ts)
// when the page is plainly written. The cheap head must be the one the full parse gives: proven
// here on every fixture, the sample corpus, the seed documents and a synthetic docs tree.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import type { Format } from "../src/model/flows.js";
import { cheapHead } from "../src/parse/head.js";
import { parseDocument, parseDocumentHead, parsedHead } from "../src/parse/index.js";
import { decodeBytes } from "../src/read/decode.js";
import { detectFormat } from "../src/read/detect.js";
import { generateDocs } from "../scripts/synthetic-docs.mjs";

const ROOT = join(import.meta.dirname, "..");

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(md|html?|txt)$/.test(name) ? [path] : [];
  });
}

function page(path: string): { text: string; format: Format } {
  const text = decodeBytes(new Uint8Array(readFileSync(path))).text;
  return { text, format: detectFormat(path, text) };
}

function fullHead(text: string, format: Format) {
  const { title, meta } = parseDocument(text, format);
  return { title, meta };
}

const real = [...filesUnder(join(ROOT, "fixtures")), ...filesUnder(join(ROOT, "sources")), ...filesUnder(join(ROOT, "..", "shared", "seeds"))];

describe("head of every real page", () => {
  test.each(real.map((p) => [relative(ROOT, p), p]))("%s: cheap head and parsed head equal the full parse's", (_rel, path) => {
    const { text, format } = page(path);
    const full = fullHead(text, format);
    expect(parseDocumentHead(text, format)).toEqual(full);
    expect(parsedHead(text, format)).toEqual(full);
    const cheap = cheapHead(text, format);
    if (cheap) expect(cheap).toEqual(full);
  });

  test("the sample corpus is read cheaply (so the prefilter saves the parse)", () => {
    const sample = filesUnder(join(ROOT, "sources"));
    expect(sample.length).toBeGreaterThan(0);
    for (const path of sample) {
      const { text, format } = page(path);
      expect(cheapHead(text, format), path).not.toBeNull();
    }
  });
});

describe("head of synthetic pages", () => {
  const dir = mkdtempSync(join(tmpdir(), "portflow-head-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const { files } = generateDocs(dir, { pages: 400, seed: 11 });

  test("every page, every format: read cheaply, and equal to the full parse's", () => {
    const formats = new Set<string>();
    for (const rel of files) {
      const { text, format } = page(join(dir, rel));
      formats.add(format);
      const cheap = cheapHead(text, format);
      expect(cheap, rel).not.toBeNull();
      expect(cheap, rel).toEqual(fullHead(text, format));
    }
    expect([...formats].sort()).toEqual(["html", "markdown", "text"]);
  });
});

describe("cheap heads give up where the page is not plain", () => {
  test.each<[string, Format, string]>([
    ["setext h1", "markdown", "Agent Guide\n===========\n\ntext\n"],
    ["h1 with emphasis", "markdown", "# The *Agent* Guide\n"],
    ["h1 further down", "markdown", "Intro\n\n# Agent Guide\n"],
    ["front matter with a pipe line", "markdown", "---\nx: |\n  | a | b |\n---\n# T\n"],
    ["misnested HTML", "html", "<html><body><h1>A<b>B</h1>C</b></body></html>"],
    ["text directly inside a table", "html", "<table>stray<tr><td>x</td></tr></table><h1>T</h1>"],
    ["a block inside a paragraph", "html", "<p><div><h1>T</h1></div></p>"],
    ["an unknown entity", "html", "<title>A &frac18; B</title>"],
    ["a legacy entity without ;", "html", "<title>A &amp B</title>"],
    ["MathML", "html", "<h1>T<math><mi>x</mi></math></h1>"],
  ])("%s", (_name, format, text) => {
    expect(cheapHead(text, format)).toBeNull();
    expect(parseDocumentHead(text, format)).toEqual(fullHead(text, format));
  });

  test.each<[string, Format, string]>([
    ["front matter title", "markdown", '---\ntitle: "Agent Guide"\nsidebar_position: 3\n---\n\n# Other\n'],
    ["plain ATX h1 after front matter without title", "markdown", "---\nslug: agent\n---\n\n#   Agent Guide   \n"],
    ["entities, SVG icons, implied colgroup", "html",
      '<!DOCTYPE html><html><head><title>Ports &amp; Protocols &#8212; Docs</title></head><body><nav class="sidebar"><h1>Site</h1></nav>' +
      '<main><h1 id="t">Agent ports<a class="anchor" href="#t"><svg viewBox="0 0 1 1"><path d="M0"/></svg>&para;</a></h1>' +
      '<table><col class="c1"><col><tr><td>x</td></tr></table></main></body></html>'],
    ["KB header fields", "text", "Title: Agent ports\nArticle ID: 42\n\nBody.\n"],
  ])("read cheaply: %s", (_name, format, text) => {
    const cheap = cheapHead(text, format);
    expect(cheap).not.toBeNull();
    expect(cheap).toEqual(fullHead(text, format));
  });
});
