// Tables whose header names no column: the header row holds one label ("Inbound:", "Inbound and
// Outbound") or nothing, and the body says what each column holds: "| TCP | 22 | SSH |". A column
// whose every filled cell names transports only is the protocol, one whose every filled cell reads
// as ports is the port; the first other column is the service when its cells are one short name
// each, else the purpose; the rest are purpose. Both a protocol and a port column are needed: a
// label over ordinary text stays an unknown table.
import type { Cell, TableBlock } from "../parse/blocks.js";
import { readProtocolCell } from "../normalize/protocol.js";
import { cleanText } from "../normalize/text.js";
import type { Role } from "./candidates.js";
import { readsAsPorts } from "./label-rows.js";
import { roleOf } from "./roles.js";

const SHORT_NAME = /^[A-Za-z][\w.+-]*(?:\s*\/\s*[A-Za-z][\w.+-]*)?$/; // "SSH", "NLOCKMGR", "HTTP/HTTPS"

export interface HeaderlessRoles {
  roles: (Role | null)[];
  /** the header's one label, which groups every row ("Inbound:"), when it names no column */
  label?: string;
}

export function headerlessRoles(table: TableBlock): HeaderlessRoles | null {
  const headers = table.header.map((h) => cleanText(h.text));
  const filled = headers.filter(Boolean);
  if (filled.length > 1 || (filled.length === 1 && !headers[0]) || table.rows.length === 0) return null;
  const label = filled[0]?.replace(/:$/, "").trim();
  if (label && roleOf(label) !== null) return null; // "Port" over a blank header is a header, not a label
  const width = Math.max(headers.length, ...table.rows.map((r) => r.cells.length));
  const columns = Array.from({ length: width }, (_, i) => table.rows.map((r) => cleanText(r.cells[i]?.text ?? "")).filter(Boolean));
  const roles: (Role | null)[] = columns.map((values) => {
    if (values.length === 0) return null;
    if (values.every(namesTransportsOnly)) return "protocol";
    if (values.every(readsAsPorts)) return "port";
    return null;
  });
  if (roles.filter((r) => r === "protocol").length !== 1 || roles.filter((r) => r === "port").length !== 1) return null;
  let described = false;
  columns.forEach((values, i) => {
    if (roles[i] !== null || values.length === 0) return;
    roles[i] = !described && values.every((v) => SHORT_NAME.test(v)) ? "service" : "purpose";
    described = true;
  });
  return label ? { roles, label } : { roles };
}

function namesTransportsOnly(text: string): boolean {
  const reading = readProtocolCell(text);
  return reading.transports.length > 0 && reading.service === null && reading.unknown.length === 0;
}

/** The header cells a headerless table is read with: its blank ones named by column. */
export function headerlessHeader(table: TableBlock, width: number): Cell[] {
  return Array.from({ length: width }, (_, i) => table.header[i] ?? { text: "", items: [], line: table.line });
}
