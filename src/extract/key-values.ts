// Key/value blocks ("- Port: 443 (HTTPS) or Custom / - Direction: Inbound to Hub / - Protocol: HTTPS")
// and summary lists ("Inbound to Hub:  - Port 443 (HTTPS) - for console access") to candidate rows.
import type { Block, Cell, KeyValueBlock, ListBlock, ProseBlock } from "../parse/blocks.js";
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

// "Port 443 (HTTPS) - for console access", "TCP 22 – SSH access", "Ports 137-139 (NetBIOS): name
// service", and bare "TCP 389", "TCP 135 – 139" (a dash between two numbers is a range, not the
// separator before the purpose).
const NUM = String.raw`\d{1,5}(?:\s*(?:-|\u2013|\u2014|to|through)\s*\d{1,5}(?![\d.]))?`;
const LIST = String.raw`${NUM}(?:\s*(?:,|\/|and|or|&)\s*${NUM})*`;
const TRANSPORT = String.raw`(?:tcp|udp)(?:\s*(?:\/|and|&)\s*(?:tcp|udp))?`;
const PORT_PART = String.raw`(?:(?:${TRANSPORT}\s+(?:ports?\s+)?|ports?\s+(?:${TRANSPORT}\s+)?)${LIST}|${LIST}\s*(?:\/\s*|\s+)${TRANSPORT})`;
const SUMMARY_ITEM = new RegExp(
  String.raw`^(${PORT_PART}(?:\s*\([^()]*\))?)(?:\s*:\s+(\S.*)|\s+[-\u2013\u2014]\s+(\S.*)|\s+for\s+(\S.*))?$`,
  "i",
);
// "Randomly allocated high TCP ports", "RPC dynamic ports": a range named in words, in a port list
const DYNAMIC_ITEM = /^(?=.*\b(?:dynamic|ephemeral|random(?:ly)?|high)\b)(?=.*\bports?\b)[A-Za-z][A-Za-z /()-]{0,70}$/i;
const DIRECTION_INTRO = /^(?:inbound|outbound|incoming|outgoing|from|to)\b/i;

// A short line right above a port list that says whom it is for: "**For the Inventory collector**".
const FOR_LINE = /^(?:for|when|if|only for|required for)\s+[^.:\n]{2,80}:?$/i;

/** The condition a short "For …" paragraph right above a list in the same section states. */
export function leadCondition(previous: Block | undefined, list: ListBlock): string | undefined {
  if (previous?.kind !== "prose" || previous.section.join("\u0000") !== list.section.join("\u0000")) return undefined;
  const text = previous.text.replace(/\s+/g, " ").trim();
  return FOR_LINE.test(text) ? text.replace(/:$/, "") : undefined;
}

/** Items of a port summary list, each a candidate row carrying the list's intro as its context. */
export function summaryRows(list: ListBlock, condition?: string): CandidateRow[] {
  const rows: CandidateRow[] = [];
  const intro = list.intro?.replace(/:\s*$/, "").trim() ?? "";
  for (const item of list.items) {
    const row = summaryRow(item, list.section, DIRECTION_INTRO.test(intro) ? intro : undefined);
    if (row && condition !== undefined) row.conditions = [condition];
    if (row) rows.push(row);
  }
  // every item a port item, and at least one with numbers: a list of sentences about dynamic ports is prose
  const numbered = rows.some((r) => /\d/.test(r.cells.port?.text ?? ""));
  return rows.length === list.items.length && numbered ? rows : [];
}

function summaryRow(item: Cell, section: string[], context: string | undefined): CandidateRow | null {
  const text = item.text.trim();
  const m = SUMMARY_ITEM.exec(text);
  const dynamic = m ? null : DYNAMIC_ITEM.exec(text);
  if (!m && !dynamic) return null;
  const port = m ? m[1]!.replace(/^ports?\s+/i, "").trim() : text;
  const purpose = (m?.[2] ?? m?.[3] ?? m?.[4] ?? "").replace(/^for\s+/i, "").trim();
  const row: CandidateRow = { origin: "summary", section, line: item.line, cells: { port: { text: port, items: [port] } }, raw: { port }, footnotes: [] };
  if (purpose) {
    row.cells.purpose = { text: purpose, items: [purpose] };
    row.raw.purpose = purpose;
  }
  const transport = dynamic ? /\b(tcp|udp)\b/i.exec(text)?.[1]?.toLowerCase() : undefined;
  if (transport) row.transport = transport; // "high TCP ports": the words name the transport
  if (context !== undefined) {
    row.context = context;
    row.raw.direction = context;
  }
  return row;
}
