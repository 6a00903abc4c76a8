// An HTML table as a full grid: rowspan and colspan expanded so that a spanned value repeats where a
// reader would read it; the header from <thead>, else the leading rows of <th>, else the first row.
// A table nested in a cell becomes a table block of its own, after the table that holds it.
import type { Cell, TableBlock } from "../blocks.js";
import { cellOf, type ItemHooks } from "./cells.js";
import { type DomElement, childElements, type LineOf } from "./dom.js";

const MAX_COLSPAN = 1000; // the HTML limit; also bounds the grid a hostile page can ask for

interface SourceRow {
  tr: DomElement;
  cells: DomElement[];
}

/** `depth`: how many tables and lists enclose this one (bounds the recursion on hostile markup). */
export function tableBlocks(table: DomElement, section: string[], lineOf: LineOf, depth = 0): TableBlock[] {
  const nested: { el: DomElement; depth: number }[] = [];
  const onTable = (el: DomElement, d: number) => nested.push({ el, depth: d + 1 });
  const groups = rowGroups(table);
  const head = groups.find((g) => g.kind === "thead" && g.rows.length);
  const grids = groups.map((g) => ({ kind: g.kind, rows: expand(g.rows, lineOf, onTable, depth + 1) }));
  const inner = () => nested.flatMap((n) => tableBlocks(n.el, section, lineOf, n.depth));
  const source = groups.flatMap((g) => g.rows);
  if (!source.length) return inner();

  let headerCount: number;
  if (head) headerCount = head.rows.length;
  else {
    headerCount = 1;
    while (headerCount < source.length && isHeaderRow(source[headerCount]!) && isHeaderRow(source[headerCount - 1]!)) headerCount++;
  }
  // rows in rendered order (thead, bodies, tfoot), so the header rows come first
  const rank = (kind: string) => (kind === "thead" ? 0 : kind === "tfoot" ? 2 : 1);
  const ordered = [...grids].sort((a, b) => rank(a.kind) - rank(b.kind)).flatMap((g) => g.rows);
  const width = ordered.reduce((w, r) => Math.max(w, r.cells.length), 0);
  const padded = ordered.map((r) => ({ line: r.line, cells: pad(r.cells, width, r.line) }));
  const block: TableBlock = {
    kind: "table",
    section,
    line: lineOf(table),
    header: mergeHeaderRows(padded.slice(0, headerCount).map((r) => r.cells), width),
    rows: padded.slice(headerCount),
  };
  return [block, ...inner()];
}

function rowGroups(table: DomElement): { kind: string; rows: SourceRow[] }[] {
  const groups: { kind: string; rows: SourceRow[] }[] = [];
  let loose: SourceRow[] | null = null; // <tr> directly under <table> (fragments, XHTML)
  for (const child of childElements(table)) {
    if (child.name === "tr") {
      if (!loose) groups.push({ kind: "tbody", rows: (loose = []) });
      loose.push(sourceRow(child));
    } else if (child.name === "thead" || child.name === "tbody" || child.name === "tfoot") {
      loose = null;
      groups.push({ kind: child.name, rows: childElements(child).filter((tr) => tr.name === "tr").map(sourceRow) });
    }
  }
  return groups;
}

function sourceRow(tr: DomElement): SourceRow {
  return { tr, cells: childElements(tr).filter((c) => c.name === "td" || c.name === "th") };
}

function isHeaderRow(row: SourceRow): boolean {
  return row.cells.length > 0 && row.cells.every((c) => c.name === "th");
}

/** The HTML table algorithm within one row group: spans never cross into the next group. */
function expand(rows: SourceRow[], lineOf: LineOf, onTable: ItemHooks["onTable"], depth: number): { line: number; cells: Cell[] }[] {
  const grid: Cell[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let col = 0;
    for (const td of row.cells) {
      while (grid[r]![col] !== undefined) col++;
      const cell = cellOf(td, lineOf(td), { onTable }, depth);
      const colspan = Math.min(Math.max(span(td.attribs.colspan), 1), MAX_COLSPAN);
      const rowspanAttr = span(td.attribs.rowspan);
      // rowspan="0" spans to the end of the group
      const rowspan = rowspanAttr === 0 ? rows.length - r : Math.min(Math.max(rowspanAttr, 1), rows.length - r);
      for (let dr = 0; dr < rowspan; dr++) {
        for (let dc = 0; dc < colspan; dc++) grid[r + dr]![col + dc] = { text: cell.text, items: [...cell.items], line: cell.line };
      }
      col += colspan;
    }
  });
  return rows.map((row, r) => ({ line: lineOf(row.tr), cells: grid[r]! }));
}

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? "", 10);
  return Number.isFinite(n) ? n : 1;
}

/** Fills the holes a ragged row or a span leaves, so every row has the table's width. */
function pad(cells: Cell[], width: number, line: number): Cell[] {
  const out: Cell[] = [];
  for (let i = 0; i < width; i++) out.push(cells[i] ?? { text: "", items: [], line });
  return out;
}

/** Two header rows ("Ports" over "TCP | UDP") read as one: each column's distinct texts, top down. */
function mergeHeaderRows(rows: Cell[][], width: number): Cell[] {
  if (rows.length === 1) return rows[0]!;
  const header: Cell[] = [];
  for (let col = 0; col < width; col++) {
    const items: string[] = [];
    const seen = new Set<string>();
    for (const row of rows) {
      const cell = row[col]!;
      if (!cell.text || seen.has(cell.text)) continue;
      seen.add(cell.text);
      items.push(...cell.items);
    }
    header.push({ text: items.join(" "), items, line: rows[0]![col]!.line });
  }
  return header;
}
