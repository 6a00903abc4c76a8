// Key/value blocks ("- Port: 443 (HTTPS) or Custom / - Direction: Inbound to Hub / - Protocol: HTTPS")
// and summary lists ("Inbound to Hub:  - Port 443 (HTTPS) - for console access") to candidate rows.
import type { Cell, KeyValueBlock, ListBlock, ProseBlock } from "../parse/blocks.js";
import type { CandidateRow } from "./candidates.js";
import { roleOf } from "./roles.js";

const KEY_VALUE = /^([A-Za-z][\w /()&-]{0,40}?)\s*:\s+(\S.*)$/;

export function keyValueRow(block: Pick<KeyValueBlock, "section" | "line" | "entries">): CandidateRow | null {
  const row: CandidateRow = { origin: "keyValue", section: block.section, line: block.line, cells: {}, raw: {}, footnotes: [] };
  for (const entry of block.entries) {
    const role = roleOf(entry.key);
    row.raw[role ?? entry.key.trim()] = entry.value;
    if (role === null || row.cells[role]) continue;
    row.cells[role] = { text: entry.value, items: [entry.value] };
    if (role === "port") row.line = entry.line;
  }
  return row.cells.port ? row : null;
}

/** A list whose every item is "Key: value", with a port key among them, read as key/values. */
export function listAsKeyValues(list: ListBlock): CandidateRow | null {
  if (list.items.length < 2) return null;
  const entries = [];
  for (const item of list.items) {
    const m = KEY_VALUE.exec(item.text);
    if (!m) return null;
    entries.push({ key: m[1]!, value: m[2]!, line: item.line });
  }
  return keyValueRow({ section: list.section, line: list.line, entries });
}

/** A paragraph whose every line is "Key: value" ("**Port:** 443" / "**Protocol:** TCP"), with a port key. */
export function proseAsKeyValues(prose: ProseBlock): CandidateRow | null {
  const lines = prose.text.split("\n").map((l, i) => ({ text: l.trim(), line: prose.line + i })).filter((l) => l.text);
  if (lines.length < 2) return null;
  const entries = [];
  for (const l of lines) {
    const m = KEY_VALUE.exec(l.text);
    if (!m) return null;
    entries.push({ key: m[1]!, value: m[2]!, line: l.line });
  }
  return keyValueRow({ section: prose.section, line: prose.line, entries });
}

// "Port 443 (HTTPS) - for console access", "TCP 22 – SSH access", "Ports 137-139 (NetBIOS): name service"
const SUMMARY_ITEM = /^((?:(?:tcp|udp)\s+)?ports?\s+\d[^-\u2013\u2014:]*?|(?:tcp|udp)\s+\d[^-\u2013\u2014:]*?)\s+[-\u2013\u2014:]\s+(\S.*)$/i;
const DIRECTION_INTRO = /^(?:inbound|outbound|incoming|outgoing|from|to)\b/i;

/** Items of a port summary list, each a candidate row carrying the list's intro as its context. */
export function summaryRows(list: ListBlock): CandidateRow[] {
  const rows: CandidateRow[] = [];
  const intro = list.intro?.replace(/:\s*$/, "").trim() ?? "";
  for (const item of list.items) {
    const row = summaryRow(item, list.section, DIRECTION_INTRO.test(intro) ? intro : undefined);
    if (row) rows.push(row);
  }
  return rows.length === list.items.length ? rows : [];
}

function summaryRow(item: Cell, section: string[], context: string | undefined): CandidateRow | null {
  const m = SUMMARY_ITEM.exec(item.text.trim());
  if (!m) return null;
  const port = m[1]!.replace(/^ports?\s+/i, "").trim();
  const purpose = m[2]!.replace(/^for\s+/i, "").trim();
  const row: CandidateRow = {
    origin: "summary",
    section,
    line: item.line,
    cells: { port: { text: port, items: [port] }, purpose: { text: purpose, items: [purpose] } },
    raw: { port, purpose },
    footnotes: [],
  };
  if (context !== undefined) {
    row.context = context;
    row.raw.direction = context;
  }
  return row;
}
