// Cheap Markdown and plain-text heads (src/parse/head.ts) and the flat front-matter reader
// (src/parse/front-matter.ts) against the real thing, on generated inputs: every head read cheaply
// equals the full parse's, every flat front matter read equals yaml.parse's.
import { describe, expect, test } from "vitest";
import { parse as yamlParse } from "yaml";
import { parseFlatYaml } from "../src/parse/front-matter.js";
import { cheapHead, frontMatterOf } from "../src/parse/head.js";
import { parseMarkdown } from "../src/parse/markdown/index.js";
import { parseText } from "../src/parse/text/index.js";
import { rng } from "../scripts/synthetic-docs.mjs";

const picker = (r: () => number) => <T,>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;

const KEYS = ["title", "Title", "description", "sidebar_position", "slug", "tags", "true", "null", "x-y", "a_b", "__proto__", "date", "id", "title"];
const VALUES = ["", "Agent ports", '"Agent ports"', "'Agent ports'", "'it''s'", '"a \\" b"', "3", "-3", "0", "-0", "007", "1.5", "0x1F", "1e3",
  ".inf", "~", "null", "Null", "NULL", "true", "True", "TRUE", "yes", "no", "on", "off", "y", "n", "2024-01-01", "a: b", "a #b", "a#b",
  "C:\\dir", "[a, b]", "{a: 1}", "- x", "*ref", "|", ">", "%x", "@x", "`x`", "a:", "   ", "x ", "  spaced  ", "ü", '""', "''",
  '"# not comment"', "12345678901234567", "-", "?x", ":x", "title: x", '"x" y', "'a' #c", "x,y", "[x", "x]", "\u00a0x", "x\u00a0"];

function frontMatter(r: () => number): string {
  const pick = picker(r);
  const lines: string[] = [];
  for (let i = Math.floor(r() * 4); i > 0; i--) {
    const k = r();
    if (k < 0.05) lines.push("");
    else if (k < 0.08) lines.push("  - nested");
    else if (k < 0.1) lines.push("# comment");
    else if (k < 0.12) lines.push(`${pick(KEYS)}:${pick(VALUES)}`);
    else lines.push(`${pick(KEYS)}: ${pick(VALUES)}`);
  }
  return lines.join(r() < 0.1 ? "\r\n" : "\n");
}

describe("flat front matter", () => {
  test("equals yaml.parse wherever it is read", () => {
    let read = 0;
    for (let seed = 0; seed < 20000; seed++) {
      const source = frontMatter(rng(seed));
      const flat = parseFlatYaml(source);
      if (flat === undefined) continue;
      read++;
      expect(flat, JSON.stringify(source)).toEqual(yamlParse(source));
    }
    expect(read).toBeGreaterThan(5000);
  });

  test.each([["a: 1\na: 2"], ["title: x # note"], ["list:\n  - a"], ["when: 2024-01-01"], ["x: 1.5"], ["t: \"a\\tb\""]])(
    "leaves %j to yaml",
    (source) => expect(parseFlatYaml(source)).toBeUndefined(),
  );
});

describe("Markdown head", () => {
  const H1 = ["# Agent ports", "#  Agent ports  ", "# Agent *ports*", "#Agent", "# Agent ports #", "    # code", "   # three", "# ", "#",
    "## Two", "Agent\n=====", "# A & B", "# C# guide", "# [Link](x)", "# www.example.com", "# a@b.com", "# Ports: list", "# `code`",
    "# x\\", "# é ü", "\t# tab", "# a\tb", "<h1>x</h1>", "> # quoted", "- # item", "# Agent\u00a0", "---", "# https://x.y", "| a | b |"];

  test("equals parseMarkdown's wherever it is read cheaply", () => {
    let read = 0;
    for (let seed = 0; seed < 6000; seed++) {
      const r = rng(seed + 99);
      const pick = picker(r);
      const eol = r() < 0.1 ? "\r\n" : r() < 0.05 ? "\r" : "\n";
      let text = "";
      if (r() < 0.6) {
        const fm = frontMatter(r).replace(/\n/g, eol);
        text += `---${r() < 0.1 ? " " : ""}${eol}${fm}${eol}${r() < 0.1 ? "..." : "---"}${r() < 0.1 ? "\t" : ""}${eol}`;
      }
      if (r() < 0.3) text += eol;
      if (r() < 0.2) text += "  " + eol;
      text += pick(H1) + eol + (r() < 0.3 ? "=====" + eol : "") + "Body text." + eol + (r() < 0.5 ? "# Later" + eol : "");
      const cheap = cheapHead(text, "markdown");
      if (!cheap) continue;
      read++;
      const full = parseMarkdown(text);
      expect(cheap, JSON.stringify(text)).toEqual({ title: full.title, meta: full.meta });
    }
    expect(read).toBeGreaterThan(1000);
  });

  test.each<[string, string, string | null]>([
    ["open and close", "---\na: 1\n---\nrest", "a: 1"],
    ["empty", "---\n---\nrest", ""],
    ["blank line only", "---\n\n---\n", ""],
    ["CRLF", "---\r\na: 1\r\n---\r\n", "a: 1"],
    ["trailing spaces on fences", "--- \na: 1\n---\t\n", "a: 1"],
    ["closed at the end of the file", "---\na: 1\n---", "a: 1"],
    ["not closed", "---\na: 1\n", null],
    ["'...' does not close", "---\na: 1\n...\n", null],
    ["not on line 1", "\n---\na: 1\n---\n", null],
  ])("front matter: %s", (_name, text, value) => {
    expect(frontMatterOf(text)?.value ?? null).toBe(value);
  });
});

describe("plain-text head", () => {
  const LINES = ["", "   ", "Agent ports", "Title: Agent ports", "Subject: X", "Article ID: 42", "Port: 443", "- item", "1. step", "=====",
    "-----", "NOTE: x", "Some words here.", "Key Value: v", "\ufeffTitle: Y", "Applies to: all", "Product: Network Ports"];

  test("equals parseText's", () => {
    for (let seed = 0; seed < 5000; seed++) {
      const r = rng(seed + 5);
      const pick = picker(r);
      const eol = pick(["\n", "\r\n", "\r"]);
      const text = Array.from({ length: Math.floor(r() * 8) }, () => pick(LINES)).join(eol);
      const full = parseText(text);
      expect(cheapHead(text, "text"), JSON.stringify(text)).toEqual({ title: full.title, meta: full.meta });
    }
  });
});
