// Port tables to candidate rows: cells sorted by column role, footnote markers bound to the
// footnote texts under the table, unknown columns kept in raw, label rows carried to the rows
// under them. Every row yields a candidate or a diagnostic.
import { diagnostic } from "../model/codes.js";
import type { Diagnostic } from "../model/flows.js";
import type { Block, Cell, TableBlock } from "../parse/blocks.js";
import { directionWord } from "../normalize/endpoints.js";
import { splitInlineList } from "../normalize/purpose.js";
import { cleanText } from "../normalize/text.js";
import type { CandidateRow, Role, RoleCell } from "./candidates.js";
import { readFootnote, splitMarker } from "./footnotes.js";
import { tableLead } from "./intro.js";
import { givesPorts, labelOf } from "./label-rows.js";
import { joinRangeEnds } from "./range-columns.js";
import { alignRow } from "./short-rows.js";
import { columnRoles, isPortTable, transportOfHeader } from "./roles.js";
import { headerlessHeader, headerlessRoles } from "./headerless.js";

const FOOTNOTE_LOOKAHEAD = 4; // blocks after a table that may hold its footnotes

export interface PortTable {
  header: Cell[];
  rows: TableBlock["rows"];
  roles: (Role | null)[];
  /** a label that groups every row, from a header that names no column ("Inbound:") */
  label?: string;
}

/** The table read as a port table, or null. A table exported with an empty header row and its
 * headings in the first row ("| **Port** | **Protocol** |") is read with that row as the header. */
export function asPortTable(table: TableBlock): PortTable | null {
  const roles = columnRoles(table.header.map((h) => h.text));
  if (isPortTable(roles)) return { header: table.header, rows: table.rows, roles: withDirectionColumn(roles, table.rows) };
  const [first, ...rest] = table.rows;
  if (first && !table.header.some((h) => cleanText(h.text))) {
    const promoted = columnRoles(first.cells.map((c) => c.text));
    if (isPortTable(promoted)) return { header: first.cells, rows: rest, roles: withDirectionColumn(promoted, rest) };
  }
  // "| Inbound: | | |" over "| TCP | 22 | SSH |": the body says what each column holds
  const inferred = headerlessRoles(table);
  if (!inferred) return null;
  const read: PortTable = { header: headerlessHeader(table, inferred.roles.length), rows: table.rows, roles: inferred.roles };
  if (inferred.label !== undefined) read.label = inferred.label;
  return read;
}

/** A column whose every filled cell is Inbound, Outbound or Both is the direction column, whatever
 * its header ("Type", "Rule Type"): a "Type" column is the transport only when it holds transports. */
function withDirectionColumn(roles: (Role | null)[], rows: TableBlock["rows"]): (Role | null)[] {
  if (roles.includes("direction")) return roles;
  const column = roles.findIndex((role, i) => {
    if (role !== null && role !== "protocol" && role !== "ruleType") return false;
    const values = rows.map((r) => cleanText(r.cells[i]?.text ?? "")).filter(Boolean);
    return values.length > 0 && values.every((v) => directionWord(v) !== null);
  });
  if (column < 0) return roles;
  const out = [...roles];
  out[column] = "direction";
  return out;
}

const ENDPOINT_ROLES: ReadonlySet<Role | null> = new Set(["source", "target", "direction", "peer"]);
const PORTLESS = /^(?:icmp|icmpv6|gre|esp|ah|igmp)$/i;

/** A table whose headers say "Port" but name no endpoint, and whose port cells never read as a port
 * number ("MGMT", "eth0", "Gi1/0/1": a device's front panel or a switch's interfaces), is not a
 * port table. Endpoint columns are evidence enough: such a table keeps even a lone "Predefined". */
export function holdsPorts(table: PortTable): boolean {
  if (table.roles.some((r) => ENDPOINT_ROLES.has(r))) return true;
  const portColumns = table.roles.flatMap((r, i) => (r === "port" ? [i] : []));
  const protocolColumn = table.roles.indexOf("protocol");
  return table.rows.some(
    (row) =>
      portColumns.some((i) => givesPorts(cleanText(splitMarker(row.cells[i]?.text ?? "").text))) ||
      PORTLESS.test(cleanText(row.cells[protocolColumn]?.text ?? "")),
  );
}

export function tableRows(
  blocks: readonly Block[],
  index: number,
  portTable: PortTable,
  documentId: string,
  diagnostics: Diagnostic[],
): CandidateRow[] {
  const table = blocks[index] as TableBlock;
  const { roles } = portTable;
  const footnotes = footnotesAfter(blocks, index);
  const { intro, conditions } = tableLead(blocks, index);
  const rows: CandidateRow[] = [];
  const headers = portTable.header.map((h, i) => cleanText(h.text) || `column ${i + 1}`);
  const headingTransport = roles.includes("protocol") ? null : transportOfHeading(table.section);
  let group: string | undefined = portTable.label;
  let previous: Cell[] | null = null; // the row above, as aligned, for rows that lost spanned cells
  for (const written of portTable.rows) {
    if (written.cells.every((c) => !c.text.trim())) {
      diagnostics.push(diagnostic("row-empty", documentId, written.line, "a port table row with no text"));
      continue;
    }
    const label = labelOf(written.cells);
    if (label !== null) {
      group = label;
      previous = null;
      diagnostics.push(diagnostic("row-group-label", documentId, written.line, `a label row: "${label}" groups the rows below it and names no port`, label));
      continue;
    }
    const aligned = alignRow(written.cells, portTable.header.length, roles, previous);
    const row = { line: written.line, cells: aligned.cells };
    previous = aligned.cells;
    if (aligned.shifted > 0) {
      const filled = aligned.cells.slice(0, aligned.shifted).map((c) => cleanText(c.text)).join(" | ");
      diagnostics.push(
        diagnostic("row-realigned", documentId, row.line, `the row has ${written.cells.length} of ${portTable.header.length} cells: moved ${aligned.shifted} to the right, "${filled}" taken from the row above`),
      );
    } else if (aligned.short) {
      diagnostics.push(diagnostic("row-short", documentId, row.line, `the row has ${written.cells.length} of ${portTable.header.length} cells and no column holds its port: read as written`));
    }
    const candidate: CandidateRow = { origin: "table", section: table.section, line: row.line, cells: {}, raw: {}, footnotes: [] };
    if (group !== undefined) candidate.group = group;
    if (headingTransport) candidate.headingTransport = headingTransport;
    if (intro !== undefined) candidate.intro = intro;
    if (conditions.length) candidate.conditions = [...conditions];
    row.cells.forEach((cell, i) => {
      const role = roles[i] ?? null;
      candidate.raw[role ?? headers[i] ?? `column ${i + 1}`] = cell.text;
      if (role === null) return;
      const unmarked = bindMarker(cell, role, footnotes, candidate, documentId, diagnostics);
      const existing = candidate.cells[role];
      candidate.cells[role] = existing && role !== "port"
        ? { text: `${existing.text} ${unmarked.text}`.trim(), items: [...existing.items, ...unmarked.items] }
        : unmarked;
    });
    if (group !== undefined) candidate.raw.group = group;
    joinRangeEnds(candidate);
    rows.push(...splitByPortColumn(candidate, row.cells, roles, headers));
  }
  return rows;
}

/** The one transport the table's own heading names ("Protocol TCP port mappings"), for a table with
 * no protocol column; a heading that names both, or none, gives none. */
function transportOfHeading(section: readonly string[]): string | null {
  const heading = section[section.length - 1] ?? "";
  const named = new Set([...heading.matchAll(/\b(tcp|udp)\b/gi)].map((m) => m[1]!.toLowerCase()));
  return named.size === 1 ? [...named][0]! : null;
}

/** Rows of a table that looked like a port table but holds no port: each is reported, none is a flow. */
export function notPortTableRows(portTable: PortTable, documentId: string, diagnostics: Diagnostic[]): void {
  const portColumn = portTable.roles.indexOf("port");
  for (const row of portTable.rows) {
    const text = cleanText(row.cells[portColumn]?.text ?? "");
    if (!row.cells.some((c) => c.text.trim())) continue;
    const code = /\d/.test(text) ? "port-unparsed" : "port-unspecified";
    diagnostics.push(
      diagnostic(code, documentId, row.line, `"${text}" is not a port number, and no row of this table gives one: not read as a port table`, text),
    );
  }
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

/** The cell without its footnote markers, binding each marker's footnote to the row. A marker may
 * close any item ("- Read settings\* - Run refresh\*"), not only the cell. */
function bindMarker(
  cell: Cell,
  role: Role,
  footnotes: ReadonlyMap<string, string>,
  row: CandidateRow,
  documentId: string,
  diagnostics: Diagnostic[],
): RoleCell {
  const inline = role === "purpose" && cell.items.length <= 1 ? splitInlineList(cell.text) : null;
  const items: string[] = [];
  const markers: string[] = [];
  for (const item of inline ?? cell.items) {
    const { text, marker } = splitMarker(item);
    items.push(text);
    if (marker !== null && !markers.includes(marker)) markers.push(marker);
  }
  const whole = splitMarker(cell.text);
  if (whole.marker !== null && !markers.includes(whole.marker)) markers.push(whole.marker);
  for (const marker of markers) {
    const note = footnotes.get(marker);
    if (note === undefined) {
      diagnostics.push(diagnostic("footnote-unbound", documentId, row.line, `no footnote under the table explains "${marker}"`, cell.text));
    } else if (!row.footnotes.includes(note)) {
      row.footnotes.push(note);
    }
  }
  return { text: whole.text, items };
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
