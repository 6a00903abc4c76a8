// AsciiDoc tables, which .adoc pages and their plain-text copies keep as written:
//   [cols="1,3", options="header"]
//   |===
//   |Port |Usage
//
//   |8993
//   |https access to the admin pages.
//   |===
// Each "|" opens a cell (a cell spec before it, "2+|", "a|", is dropped); a line without one goes
// on with the cell above. The row width is the "cols" count, else the first line's cell count. The
// first row is the header when the options say so, or when it sits alone on its line followed by a
// blank line (AsciiDoc's implicit header).
import type { Cell } from "../blocks.js";
import type { TextLine } from "./lines.js";
import type { TextTable } from "./tables.js";

const DELIMITER = /^\|={3,}$/;
const ATTRIBUTES = /^\[(.*)\]$/;
const CELL_SPEC = /^(?:\d+[*+])?(?:\d+(?:\.\d+)?\+)?[<^>]?(?:\.[<^>])?[adehlmsv]?$/;

interface Written {
  line: number;
  text: string;
  /** the source line this cell opened on */
  row: number;
}

export function asciidocTable(lines: readonly TextLine[], start: number): { end: number; table: TextTable } | null {
  const attrs = ATTRIBUTES.exec(lines[start]?.trimmed ?? "")?.[1];
  const open = attrs !== undefined ? start + 1 : start;
  if (!DELIMITER.test(lines[open]?.trimmed ?? "")) return null;
  const close = lines.findIndex((l, i) => i > open && DELIMITER.test(l.trimmed));
  if (close < 0) return null;
  const cells: Written[] = [];
  let firstLineCells = 0;
  let firstLine = -1;
  for (let i = open + 1; i < close; i++) {
    const l = lines[i]!;
    if (l.kind === "blank") continue;
    const parts = splitCells(l.trimmed);
    if (parts === null) {
      const last = cells[cells.length - 1];
      if (last) last.text = `${last.text} ${l.trimmed}`.trim();
      continue;
    }
    if (firstLine < 0) {
      firstLine = i;
      firstLineCells = parts.length;
    }
    for (const text of parts) cells.push({ line: l.line, text, row: i });
  }
  const width = columnCount(attrs) ?? firstLineCells;
  if (width < 2 || cells.length < width * 2) return null;
  const rows: { line: number; cells: Cell[] }[] = [];
  for (let i = 0; i + width <= cells.length; i += width) {
    const group = cells.slice(i, i + width);
    rows.push({ line: group[0]!.line, cells: group.map((c) => ({ text: c.text, items: c.text ? [c.text] : [], line: c.line })) });
  }
  const implicit = firstLineCells === width && lines[firstLine + 1]?.kind === "blank";
  const explicit = /\boptions\s*=\s*"?[^"\]]*\bheader\b/.test(attrs ?? "") || /%header\b/.test(attrs ?? "");
  const noHeader = /\bnoheader\b/.test(attrs ?? "");
  const hasHeader = !noHeader && (explicit || implicit);
  const header = hasHeader ? rows.shift()!.cells : rows[0]!.cells.map((c) => ({ ...c, text: "", items: [] }));
  return { end: close, table: { kind: "table", line: lines[open]!.line, header, rows } };
}

/** The cells a line opens, or null when it opens none (a cell's text going on). */
function splitCells(text: string): string[] | null {
  const parts = text.split(/(?<!\\)\|/);
  if (parts.length < 2) return null;
  const lead = parts.shift()!.trim();
  if (lead && !CELL_SPEC.test(lead)) return null; // text with a "|" in it, not a row
  return parts.map((p) => p.replace(/\\\|/g, "|").trim());
}

/** "1,3" → 2, "3*" → 3, "1a,7a" → 2. */
function columnCount(attrs: string | undefined): number | null {
  const cols = /\bcols\s*=\s*"([^"]*)"/.exec(attrs ?? "")?.[1];
  if (!cols) return null;
  const repeat = /^(\d+)\*/.exec(cols.trim());
  if (repeat) return Number(repeat[1]);
  return cols.split(/[,;]/).filter((c) => c.trim()).length || null;
}
