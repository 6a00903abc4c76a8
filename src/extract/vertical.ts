// A table that is one rule written down its rows ("| Name | … |", "| Protocol | UDP |", "| Port | 123 |"),
// its header row empty ("<!-- -->") or itself the first pair: one candidate row, read as key/values are.
import type { TableBlock } from "../parse/blocks.js";
import { isPortless, readProtocolCell } from "../normalize/protocol.js";
import { cleanText } from "../normalize/text.js";
import type { CandidateRow } from "./candidates.js";
import { joinRangeEnds } from "./range-columns.js";
import { roleOf } from "./roles.js";

const MIN_ROLES = 2; // "Port" and one more: "Protocol", "Description"

export function verticalRow(table: TableBlock): CandidateRow | null {
  if (table.header.length !== 2 || table.rows.some((r) => r.cells.filter((c) => cleanText(c.text)).length > 2)) return null;
  const pairs = table.rows.map((r) => ({ key: cleanText(r.cells[0]?.text ?? ""), value: r.cells[1]?.text ?? "", line: r.line }));
  const [hk, hv] = table.header.map((h) => cleanText(h.text));
  if (hk && hv) pairs.unshift({ key: hk, value: hv, line: table.line });
  else if (hk || hv) return null;
  if (pairs.some((p) => !p.key || p.key.length > 40)) return null;
  const row: CandidateRow = { origin: "keyValue", section: table.section, line: table.line, cells: {}, raw: {}, footnotes: [] };
  for (const { key, value, line } of pairs) {
    const role = roleOf(key);
    row.raw[role ?? key] = value;
    if (role === null || row.cells[role]) continue;
    row.cells[role] = { text: value, items: [value] };
    if (role === "port") row.line = line;
  }
  joinRangeEnds(row);
  if (new Set(Object.keys(row.cells)).size < MIN_ROLES) return null;
  // an ICMP rule has no port: its protocol is enough
  const portless = readProtocolCell(cleanText(row.cells.protocol?.text ?? "")).transports.some(isPortless);
  if (!row.cells.port && !portless) return null;
  if (!row.cells.port) row.line = pairs.find((p) => roleOf(p.key) === "protocol")?.line ?? row.line;
  return row;
}
