// An HTML table as a full grid: rowspan and colspan expanded so that a spanned value repeats where a
// reader would read it; the header from <thead>, else the leading rows of <th>, else the first row.
// A title row over the header (one cell across the whole table) reads as a caption. A table whose
// header is its first column ("Port | 443" rows) is turned so that its header is a row. ARIA tables
// (role=table / grid, built of <div>s) are read the same way. A table nested in a cell becomes a
// table block of its own, after the table that holds it.
import type { Block, Cell, ProseBlock, TableBlock } from "../blocks.js";
import { cellOf, type ItemHooks } from "./cells.js";
import { type DomElement, childElements, isElement, type LineOf, textNodesOf } from "./dom.js";
import { ariaRows, isAriaHeaderCell } from "./aria-table.js";
import { turnHeaderColumn } from "./header-column.js";

const MAX_COLSPAN = 1000; // the HTML limit; also bounds the grid a hostile page can ask for

export interface SourceRow {
  tr: DomElement;
  cells: DomElement[];
}

interface GridRow {
  source: SourceRow;
  line: number;
  cells: Cell[];
}

/** `depth`: how many tables and lists enclose this one (bounds the recursion on hostile markup).
 * Gives the title rows as prose (before the table), the table, then the tables nested in it. */
export function tableBlocks(table: DomElement, section: string[], lineOf: LineOf, depth = 0): Block[] {
  const nested: { el: DomElement; depth: number }[] = [];
  const onTable = (el: DomElement, d: number) => nested.push({ el, depth: d + 1 });
  const groups = table.name === "table" ? rowGroups(table) : [{ kind: "tbody", rows: ariaRows(table) }];
  const grids = groups.map((g) => ({ kind: g.kind, rows: expand(g.rows, lineOf, onTable, depth + 1) }));
  const inner = () => nested.flatMap((n) => tableBlocks(n.el, section, lineOf, n.depth));
  // rows in rendered order (thead, bodies, tfoot), so the header rows come first
  const rank = (kind: string) => (kind === "thead" ? 0 : kind === "tfoot" ? 2 : 1);
  const ordered = [...grids].sort((a, b) => rank(a.kind) - rank(b.kind)).flatMap((g) => g.rows);
  if (!ordered.length) return inner();
  const width = ordered.reduce((w, r) => Math.max(w, r.cells.length), 0);
  const padded = ordered.map((r) => ({ ...r, cells: pad(r.cells, width, r.line) }));

  const titles: ProseBlock[] = [];
  let start = 0;
  while (padded.length - start > 2 && isTitleRow(padded[start]!, width)) {
    const row = padded[start++]!;
    titles.push({ kind: "prose", section, line: row.line, text: row.cells[0]!.text });
  }
  const rows = padded.slice(start);
  const theadRows = Math.max(0, (groups.find((g) => g.kind === "thead")?.rows.length ?? 0) - start);

  const block: TableBlock = { kind: "table", section, line: lineOf(table), header: [], rows: [] };
  const turned = theadRows === 0 ? turnHeaderColumn(rows, isHeaderCell) : null;
  if (turned) {
    block.header = turned.header;
    block.rows = turned.rows;
  } else {
    const headerCount = theadRows || leadingHeaderRows(rows);
    block.header = mergeHeaderRows(rows.slice(0, headerCount).map((r) => r.cells), width);
    block.rows = rows.slice(headerCount).map((r) => ({ line: r.line, cells: r.cells }));
  }
  return [...titles, block, ...inner()];
}

/** Code listings laid out as tables (line numbers | code, as Pygments and MkDocs write them): every
 * cell with text holds a <pre>. They are code samples, skipped as <pre> is. */
export function isCodeTable(table: DomElement): boolean {
  let cells = 0;
  for (const row of rowGroups(table).flatMap((g) => g.rows)) {
    for (const cell of row.cells) {
      if (!textNodesOf(cell).some((t) => /\S/.test(t.data))) continue;
      if (!hasDescendant(cell, "pre")) return false;
      cells++;
    }
  }
  return cells > 0;
}

function hasDescendant(el: DomElement, name: string): boolean {
  const stack = [...el.children];
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (n.name === name) return true;
    stack.push(...n.children);
  }
  return false;
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

function isHeaderCell(el: DomElement): boolean {
  return el.name === "th" || isAriaHeaderCell(el);
}

function isHeaderRow(row: SourceRow): boolean {
  return row.cells.length > 0 && row.cells.every(isHeaderCell);
}

/** Without <thead>: the leading rows of header cells (at least the first row) are the header. */
function leadingHeaderRows(rows: GridRow[]): number {
  let count = 1;
  while (count < rows.length && isHeaderRow(rows[count]!.source) && isHeaderRow(rows[count - 1]!.source)) count++;
  return count;
}

/** One cell across a table of two or more columns ("Capture Server firewall rules" over the header). */
function isTitleRow(row: GridRow, width: number): boolean {
  return width >= 2 && row.source.cells.length === 1 && row.cells.every((c) => c.text === row.cells[0]!.text) && row.cells[0]!.text !== "";
}

/** The HTML table algorithm within one row group: spans never cross into the next group. */
function expand(rows: SourceRow[], lineOf: LineOf, onTable: ItemHooks["onTable"], depth: number): GridRow[] {
  const grid: Cell[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let col = 0;
    for (const td of row.cells) {
      while (grid[r]![col] !== undefined) col++;
      const cell = cellOf(td, lineOf(td), { onTable }, depth);
      const colspan = Math.min(Math.max(span(td.attribs.colspan ?? td.attribs["aria-colspan"]), 1), MAX_COLSPAN);
      const rowspanAttr = span(td.attribs.rowspan ?? td.attribs["aria-rowspan"]);
      // rowspan="0" spans to the end of the group
      const rowspan = rowspanAttr === 0 ? rows.length - r : Math.min(Math.max(rowspanAttr, 1), rows.length - r);
      for (let dr = 0; dr < rowspan; dr++) {
        for (let dc = 0; dc < colspan; dc++) grid[r + dr]![col + dc] = { text: cell.text, items: [...cell.items], line: cell.line };
      }
      col += colspan;
    }
  });
  return rows.map((row, r) => ({ source: row, line: lineOf(row.tr), cells: grid[r]! }));
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
