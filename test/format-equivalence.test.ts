// The same port table written in Markdown and in HTML must give the same flows: extraction and
// normalization are written once, over the shared block shape.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { extractText, type Flow } from "../src/index.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");

/** What a flow says, without where it was found (id, document, line) or its verbatim cells. */
const meaning = ({ id: _id, document: _doc, location: _loc, raw: _raw, ...rest }: Flow) => rest;

describe("Markdown and HTML", () => {
  const md = extractText(readFileSync(join(FIXTURES, "markdown/markdown-equivalent/input.md"), "utf8"), { id: "page.md" });
  const html = extractText(readFileSync(join(FIXTURES, "html/markdown-equivalent/input.html"), "utf8"), { id: "page.html" });

  test("the same table gives the same flows", () => {
    expect(md.flows.length).toBeGreaterThanOrEqual(8);
    expect(html.flows.map(meaning)).toEqual(md.flows.map(meaning));
  });

  test("and the same raw cells, apart from how line breaks were written", () => {
    const fold = (f: Flow) => Object.fromEntries(Object.entries(f.raw).map(([k, v]) => [k, v.replace(/\s+/g, " ")]));
    expect(html.flows.map(fold)).toEqual(md.flows.map(fold));
  });

  test("and the same diagnostics and mentions", () => {
    const strip = <T extends { document: string; line?: number | null }>({ document: _d, line: _l, ...rest }: T) => rest;
    expect(html.diagnostics.map(strip)).toEqual(md.diagnostics.map(strip));
    expect(html.mentions.map(strip)).toEqual(md.mentions.map(strip));
  });
});
