// Tables in plain text, as KB exports and console output write them:
//   pipe rows without a Markdown separator ("| Port | Protocol |"), ASCII grids ("+------+-----+"),
//   AsciiDoc "|===" blocks (asciidoc-tables.ts), tab-separated rows, and columns aligned with spaces
//   under a header, with or without a dashed underline ("----  --------"). An aligned row whose first column is empty continues the row above
//   (a cell wrapped onto the next line). Found on the lines before any other reading, so a header
//   line is never taken for a heading.
import type { Cell, TableBlock } from "../blocks.js";
import type { TextLine } from "./lines.js";
import { asciidocTable } from "./asciidoc-tables.js";

export type TextTable = Omit<TableBlock, "section">;

/** Tables by the index of their first line, with the index of their last line. */
export function findTables(lines: readonly TextLine[]): Map<number, { end: number; table: TextTable }> {
  const out = new Map<number, { end: number; table: TextTable }>();
  for (let i = 0; i < lines.length; i++) {
    const found = asciidocTable(lines, i) ?? pipeTable(lines, i) ?? tabTable(lines, i) ?? alignedTable(lines, i);
    if (!found) continue;
    out.set(i, found);
    i = found.end;
  }
  return out;
}

// --- pipes and grids --------------------------------------------------------------------------

/** "+-----+-----+", "|=====|=====|", "| :--- | ---: |": rule characters only, with a column mark. */
function isBorderText(t: string): boolean {
  let rules = 0;
  let marks = 0;
  for (const ch of t) {
    if (ch === "-" || ch === "=") rules++;
    else if (ch === "+" || ch === "|") marks++;
    else if (ch !== ":" && ch !== " " && ch !== "\t") return false; // most lines stop at their first letter
  }
  return rules >= 3 && marks >= 1;
}

function pipeCells(l: TextLine): string[] | null {
  const t = l.trimmed;
  if (!t.includes("|") || isBorderText(t)) return null;
  const cells = t.replace(/^\|/, "").replace(/\|$/, "").split("|").map((c) => c.trim());
  return cells.length >= 2 ? cells : null;
}

function isBorder(l: TextLine | undefined): boolean {
  const first = l?.trimmed[0];
  return (first === "+" || first === "|") && isBorderText(l!.trimmed);
}

interface Part {
  line: number;
  cells: string[];
}

function pipeTable(lines: readonly TextLine[], start: number): { end: number; table: TextTable } | null {
  const grid = isBorder(lines[start]);
  const first = lines[grid ? start + 1 : start];
  const header = first ? pipeCells(first) : null;
  if (!header) return null;
  // "Port | Protocol | Purpose" without outer pipes: a header of short names
  if (!grid && !first!.trimmed.startsWith("|") && header.some((c) => !c || c.length > MAX_HEADER_CHARS || c.split(/\s+/).length > MAX_HEADER_WORDS)) return null;
  const width = header.length;
  // lines between borders, in blocks; a grid's header is its first block
  const blocks: Part[][] = [[{ line: first!.line, cells: header }]];
  let end = start + (grid ? 1 : 0);
  for (let j = end + 1; j < lines.length; j++) {
    const l = lines[j]!;
    if (isBorder(l)) {
      if (blocks[blocks.length - 1]!.length) blocks.push([]);
      end = j;
      continue;
    }
    const cells = pipeCells(l);
    if (!cells || cells.length !== width) break;
    if (!grid && blocks.length === 1) blocks.push([]); // a pipe table's header is its first line only
    blocks[blocks.length - 1]!.push({ line: l.line, cells });
    end = j;
  }
  const [head, ...body] = blocks.filter((b) => b.length);
  if (!head || body.length === 0) return null;
  // borders between the rows: each block is a row (its lines are wrapped cells); else each line is
  const rows = body.length > 1 ? body : body[0]!.map((part) => [part]);
  return {
    end,
    table: {
      kind: "table",
      line: lines[start]!.line,
      header: mergeParts(head, width),
      rows: rows.map((parts) => ({ line: parts[0]!.line, cells: mergeParts(parts, width) })),
    },
  };
}

// --- tabs -------------------------------------------------------------------------------------

function tabTable(lines: readonly TextLine[], start: number): { end: number; table: TextTable } | null {
  const split = (l: TextLine) => l.trimmed.split("\t").map((c) => c.trim());
  const first = lines[start];
  if (!first || first.kind === "blank" || first.keyValue || !first.trimmed.includes("\t")) return null;
  const width = split(first).length;
  if (width < 2) return null;
  let end = start;
  while (lines[end + 1]?.trimmed.includes("\t") && split(lines[end + 1]!).length === width) end++;
  if (end === start) return null;
  const rows = lines.slice(start + 1, end + 1);
  return {
    end,
    table: {
      kind: "table",
      line: first.line,
      header: split(first).map((text) => cellOf(text, first.line)),
      rows: rows.map((l) => ({ line: l.line, cells: split(l).map((text) => cellOf(text, l.line)) })),
    },
  };
}

// --- columns aligned with spaces --------------------------------------------------------------

const COLUMN_RULE = /^[-=]{2,}(?:[ \t]+[-=]{2,})+$/; // "-------  --------  ----"
const MIN_GAP = 2;
const MAX_HEADER_WORDS = 5;
const MAX_HEADER_CHARS = 40;

function alignedTable(lines: readonly TextLine[], start: number): { end: number; table: TextTable } | null {
  const header = lines[start];
  if (!header || header.kind !== "text" || header.keyValue || /[.!?:]$/.test(header.trimmed)) return null;
  const rule = lines[start + 1];
  const underlined = rule !== undefined && COLUMN_RULE.test(rule.trimmed);
  if (!underlined && !header.trimmed.includes("  ")) return null; // columns need a gap of two spaces
  const first = start + (underlined ? 2 : 1);
  let starts: number[];
  let end = first - 1;
  if (underlined) {
    starts = runStarts(rule!.raw);
    while (lines[end + 1] && lines[end + 1]!.kind !== "blank" && !COLUMN_RULE.test(lines[end + 1]!.trimmed)) end++;
  } else {
    // grow the table line by line while every line keeps the same column gaps
    const gaps = new Gaps(header.raw);
    starts = [];
    for (let j = first; lines[j]?.kind === "text" && !lines[j]!.keyValue; j++) {
      const next = gaps.with(lines[j]!.raw);
      if (next.length < 2 || (starts.length && next.length !== starts.length)) break;
      const cells = cut(lines[j]!.raw, next);
      const filled = cells.filter(Boolean).length;
      const wrapped = cells[0] === "" && filled >= 1 && end >= first; // continues the row above
      if (filled < 2 && !wrapped) break;
      gaps.add(lines[j]!.raw);
      starts = next;
      end = j;
    }
  }
  if (end < first || starts.length < 2) return null;
  const headerCells = cut(header.raw, starts);
  if (headerCells.filter(Boolean).length < 2) return null;
  // without an underline, a header names its columns in a few words each; prose does not fit that
  if (!underlined && headerCells.some((c) => !c || c.length > MAX_HEADER_CHARS || c.split(/\s+/).length > MAX_HEADER_WORDS)) return null;
  const rows: Part[][] = [];
  for (const l of lines.slice(first, end + 1)) {
    const part = { line: l.line, cells: cut(l.raw, starts) };
    const last = rows[rows.length - 1];
    if (!part.cells[0] && last) last.push(part); // a wrapped cell: continues the row above
    else rows.push([part]);
  }
  const closing = underlined && lines[end + 1] && COLUMN_RULE.test(lines[end + 1]!.trimmed) ? end + 1 : end;
  return {
    end: closing,
    table: {
      kind: "table",
      line: header.line,
      header: headerCells.map((text) => cellOf(text, header.line)),
      rows: rows.map((parts) => ({ line: parts[0]!.line, cells: mergeParts(parts, starts.length) })),
    },
  };
}

/** Positions that every line so far leaves blank, and the column starts they give. */
class Gaps {
  private blank: boolean[];

  constructor(first: string) {
    this.blank = [...first].map((ch) => ch === " ");
  }

  add(raw: string): void {
    this.blank = this.merged(raw);
  }

  /** Column starts if `raw` joined the lines: after each gap of MIN_GAP or more. */
  with(raw: string): number[] {
    const blank = this.merged(raw);
    const starts: number[] = [];
    let gap = 0;
    let seenText = false;
    for (let p = 0; p < blank.length; p++) {
      if (blank[p]) {
        gap++;
        continue;
      }
      if (!seenText || gap >= MIN_GAP) starts.push(p);
      seenText = true;
      gap = 0;
    }
    return starts;
  }

  private merged(raw: string): boolean[] {
    const width = Math.max(this.blank.length, raw.length);
    const out: boolean[] = [];
    for (let p = 0; p < width; p++) out.push((this.blank[p] ?? true) && (p >= raw.length || raw[p] === " "));
    return out;
  }
}

/** Where each run of dashes starts in an underline. */
function runStarts(rule: string): number[] {
  return [...rule.matchAll(/[-=]+/g)].map((m) => m.index ?? 0);
}

/** A line cut at the column starts; a word that runs across a start is cut at the space before it. */
function cut(raw: string, starts: readonly number[]): string[] {
  const bounds = starts.map((s, i) => {
    if (i === 0) return 0;
    let b = s;
    while (b > starts[i - 1]! && raw[b - 1] !== undefined && raw[b - 1] !== " " && raw[b] !== undefined && raw[b] !== " ") b--;
    return b;
  });
  return bounds.map((b, i) => raw.slice(b, bounds[i + 1] ?? raw.length).trim());
}

// --- cells ------------------------------------------------------------------------------------

function cellOf(text: string, line: number): Cell {
  return { text, items: text ? [text] : [], line };
}

/** Lines of one row joined cell by cell ("Console access and" + "agent registration"). */
function mergeParts(parts: readonly Part[], width: number): Cell[] {
  const cells: Cell[] = [];
  for (let c = 0; c < width; c++) {
    const text = parts
      .map((p) => p.cells[c] ?? "")
      .filter(Boolean)
      .join(" ");
    cells.push(cellOf(text, parts[0]!.line));
  }
  return cells;
}
