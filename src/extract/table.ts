// Port tables to candidate rows: cells sorted by column role, footnote markers bound to the
// footnote texts under the table, unknown columns kept in raw. Every row yields a candidate or a
// diagnostic.
import { diagnostic } from "../model/codes.js";
import type { Diagnostic } from "../model/flows.js";
import type { Block, Cell, TableBlock } from "../parse/blocks.js";
import type { CandidateRow, Role, RoleCell } from "./candidates.js";
import { readFootnote, splitMarker } from "./footnotes.js";
import { transportOfHeader } from "./roles.js";

const FOOTNOTE_LOOKAHEAD = 4; // blocks after a table that may hold its footnotes

export function tableRows(
  table: TableBlock,
  roles: readonly (Role | null)[],
  footnotes: ReadonlyMap<string, string>,
  documentId: string,
  diagnostics: Diagnostic[],
): CandidateRow[] {
  const rows: CandidateRow[] = [];
  const headers = table.header.map((h, i) => h.text.trim() || `column ${i + 1}`);
  for (const row of table.rows) {
    if (row.cells.every((c) => !c.text.trim())) {
      diagnostics.push(diagnostic("row-empty", documentId, row.line, "a port table row with no text"));
      continue;
    }
    const candidate: CandidateRow = { origin: "table", section: table.section, line: row.line, cells: {}, raw: {}, footnotes: [] };
    row.cells.forEach((cell, i) => {
      const role = roles[i] ?? null;
      candidate.raw[role ?? headers[i] ?? `column ${i + 1}`] = cell.text;
      if (role === null) return;
      const unmarked = bindMarker(cell, footnotes, candidate, documentId, diagnostics);
      const existing = candidate.cells[role];
      candidate.cells[role] = existing && role !== "port"
        ? { text: `${existing.text} ${unmarked.text}`.trim(), items: [...existing.items, ...unmarked.items] }
        : unmarked;
    });
    rows.push(...splitByPortColumn(candidate, row.cells, roles, headers));
  }
  return rows;
}

/** A table with a port column per transport ("TCP Ports" | "UDP Ports") gives a candidate per
 * column that holds something; a row where all are empty keeps the first, to be reported. */
function splitByPortColumn(candidate: CandidateRow, cells: readonly Cell[], roles: readonly (Role | null)[], headers: readonly string[]): CandidateRow[] {
  const portColumns = roles.flatMap((r, i) => (r === "port" ? [i] : []));
  if (portColumns.length < 2) {
    const only = portColumns[0];
    const transport = only === undefined ? null : transportOfHeader(headers[only] ?? "");
    return [transport ? { ...candidate, transport } : candidate];
  }
  const filled = portColumns.filter((i) => cells[i]?.text.trim());
  return (filled.length ? filled : portColumns.slice(0, 1)).map((i) => {
    const cell = cells[i] ?? { text: "", items: [], line: candidate.line };
    const transport = transportOfHeader(headers[i] ?? "");
    const split: CandidateRow = { ...candidate, cells: { ...candidate.cells, port: { text: cell.text, items: cell.items } } };
    if (transport) split.transport = transport;
    return split;
  });
}

function bindMarker(
  cell: Cell,
  footnotes: ReadonlyMap<string, string>,
  row: CandidateRow,
  documentId: string,
  diagnostics: Diagnostic[],
): RoleCell {
  const { text, marker } = splitMarker(cell.text);
  if (marker === null) return { text: cell.text, items: cell.items };
  const note = footnotes.get(marker);
  if (note === undefined) {
    diagnostics.push(diagnostic("footnote-unbound", documentId, row.line, `no footnote under the table explains "${marker}"`, cell.text));
  } else if (!row.footnotes.includes(note)) {
    row.footnotes.push(note);
  }
  const items = cell.items.length ? [...cell.items.slice(0, -1), splitMarker(cell.items[cell.items.length - 1]!).text] : [];
  return { text, items };
}

/** Footnote texts in the few prose blocks after a table, in the same section, keyed by marker. */
export function footnotesAfter(blocks: readonly Block[], tableIndex: number): Map<string, string> {
  const notes = new Map<string, string>();
  const table = blocks[tableIndex]!;
  for (let j = tableIndex + 1; j < blocks.length && j <= tableIndex + FOOTNOTE_LOOKAHEAD; j++) {
    const block = blocks[j]!;
    if (block.kind === "table" || block.section.join("\u0000") !== table.section.join("\u0000")) break;
    if (block.kind !== "prose") continue;
    let current: string | null = null;
    for (const line of block.text.split("\n")) {
      const note = readFootnote(line);
      if (note) {
        current = note.marker;
        notes.set(current, note.text);
      } else if (current !== null && line.trim()) {
        notes.set(current, `${notes.get(current)} ${line.trim()}`);
      }
    }
  }
  return notes;
}
