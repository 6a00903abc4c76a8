// Tables whose header is their first column: "Port | 443", "Protocol | TCP" rows (one record per
// table, as Confluence and knowledge-base editors write settings), or a matrix whose top row names
// one record per column ("| | Primary | Standby"). Turned so that the header is a row and each
// column of values is a row, the way every other table reads.
import type { Cell } from "../blocks.js";
import { type DomElement, isElement, isText, textNodesOf } from "./dom.js";

interface Row {
  source: { cells: DomElement[] };
  line: number;
  cells: Cell[];
}

export interface Turned {
  header: Cell[];
  rows: { line: number; cells: Cell[] }[];
}

/** The table turned, or null when its header is not its first column. */
export function turnHeaderColumn(rows: readonly Row[], isHeaderCell: (el: DomElement) => boolean): Turned | null {
  if (rows.length < 2) return null;
  const keyRow = (r: Row) => {
    const [first, ...values] = r.source.cells;
    return first !== undefined && values.length > 0 && isHeaderCell(first) && !values.some(isHeaderCell);
  };
  // no <th> at all: two columns, the first of field names in bold or ending with ':'
  const fieldRow = (r: Row) => r.source.cells.length === 2 && !r.source.cells.some(isHeaderCell) && isKeyCell(r.source.cells[0]!);
  const first = rows[0]!;
  if (rows.every(keyRow) || rows.every(fieldRow)) return turn(null, rows);
  const corner = first.cells[0]?.text === "" && first.source.cells.every(isHeaderCell);
  if (corner && rows.length >= 3 && rows.slice(1).every(keyRow)) return turn(first, rows.slice(1));
  return null;
}

/** Header: the first column (under the corner cell when there is a top row); rows: the other columns. */
function turn(top: Row | null, keyRows: readonly Row[]): Turned {
  const width = Math.max(...keyRows.map((r) => r.cells.length), top?.cells.length ?? 0);
  const header = [...(top ? [top.cells[0]!] : []), ...keyRows.map((r) => r.cells[0]!)];
  const rows: Turned["rows"] = [];
  for (let col = 1; col < width; col++) {
    const values = keyRows.map((r) => r.cells[col] ?? { text: "", items: [], line: r.line });
    if (values.every((c) => !c.text)) continue;
    const cells = [...(top ? [top.cells[col] ?? { text: "", items: [], line: top.line }] : []), ...values];
    rows.push({ line: values[0]!.line, cells });
  }
  return { header, rows };
}

// A field name: a few words, no digits ("Port", "Server port", "Direction:"); the value column never
// passes this, since it holds numbers.
const KEY = /^[\p{L}][\p{L} ()/&'-]{0,40}:?$/u;

/** A first-column cell that names a field without <th>: a short name set in bold or ending with ':'. */
function isKeyCell(td: DomElement): boolean {
  const text = textNodesOf(td).map((t) => t.data).join("").replace(/[\s\u00a0]+/g, " ").trim();
  if (!KEY.test(text) || text.split(" ").length > 4) return false;
  return text.endsWith(":") || isEmphasised(td);
}

/** Every word of the element sits in <strong> or <b>. */
export function isEmphasised(el: DomElement, inBold = false): boolean {
  for (const child of el.children) {
    if (isText(child)) {
      if (!inBold && /\S/.test(child.data.replace(/\u00a0/g, " "))) return false;
    } else if (isElement(child) && !isEmphasised(child, inBold || child.name === "strong" || child.name === "b")) return false;
  }
  return true;
}
