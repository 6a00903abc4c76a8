// Preformatted text is a code sample and is skipped, except for the tables in it: knowledge-base
// editors paste console output and plain-text port tables into <pre> ("Port   Protocol   Purpose"
// over aligned rows), and those are data. The plain-text table reader finds them.
import type { TableBlock } from "../blocks.js";
import { classifyLine } from "../text/lines.js";
import { findTables } from "../text/tables.js";
import { type DomElement, type LineOf, textNodesOf } from "./dom.js";

export function preTables(pre: DomElement, lineOf: LineOf, section: string[]): TableBlock[] {
  const nodes = textNodesOf(pre);
  if (nodes.length === 0) return [];
  const first = lineOf(nodes[0]!);
  const lines = nodes
    .map((n) => n.data)
    .join("")
    .split(/\r\n|\r|\n/)
    .map((raw, i) => classifyLine(raw.replace(/\u00a0/g, " "), first + i));
  return [...findTables(lines).values()]
    .filter(({ table }) => table.header.every((h) => WORDS.test(h.text)))
    .map(({ table }) => ({ ...table, section }));
}

// A header of words ("Local Address", "Port(s)"): code has operators and punctuation in its columns.
const WORDS = /^(?:[\p{L}][\p{L}\p{N} ()/#&.'-]*)?$/u;
