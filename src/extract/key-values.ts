// Key/value blocks to candidate rows: "- Port: 443 (HTTPS) or Custom / - Direction: Inbound to Hub /
// - Protocol: HTTPS", the same with free-text items describing each port ("- Port: 22 / - TCP/SSH
// One-way communication is initiated from the Proxy Agent."), and key/value sentences ("Type HTTPS,
// Protocol TCP, Port range 443, Source 0.0.0.0/0 (mandatory)").
import type { Cell, KeyValueBlock, ListBlock, ProseBlock } from "../parse/blocks.js";
import { cleanText } from "../normalize/text.js";
import { serviceName } from "../normalize/vocabulary.js";
import type { CandidateRow, Role } from "./candidates.js";
import { readDescription } from "./descriptions.js";
import { joinRangeEnds } from "./range-columns.js";
import { columnRoles, roleOf } from "./roles.js";

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
  // "Start port: 49152 / End port: 65535" alone defines a range; it asks for no connection
  const definesRange = row.cells.portEnd !== undefined && Object.keys(row.cells).length === 2;
  joinRangeEnds(row);
  return row.cells.port && !definesRange ? row : null;
}

/** A list of "Key: value" items with a port key among them. Every item keyed: one row, as before.
 * Free-text items among them describe the port above them, and each further port key opens a row
 * of its own ("Port: 22 / TCP/SSH … / Port: 23 / TCP/Telnet …"). */
export function listAsKeyValues(list: ListBlock): CandidateRow[] {
  const parsed = list.items.map((item) => ({ item, kv: KEY_VALUE.exec(item.text) }));
  const isPortKey = (kv: RegExpExecArray | null) => kv !== null && roleOf(kv[1]!) === "port";
  if (!parsed.some((p) => isPortKey(p.kv))) return [];
  if (parsed.every((p) => p.kv)) {
    if (list.items.length < 2) return [];
    const row = keyValueRow({ section: list.section, line: list.line, entries: parsed.map((p) => entry(p.kv!, p.item.line)) });
    return row ? [row] : [];
  }
  const groups: { entries: KeyValueBlock["entries"]; descriptions: Cell[]; hasPort: boolean }[] = [];
  let current = { entries: [] as KeyValueBlock["entries"], descriptions: [] as Cell[], hasPort: false };
  groups.push(current);
  for (const { item, kv } of parsed) {
    if (isPortKey(kv) && current.hasPort) {
      current = { entries: [], descriptions: [], hasPort: false };
      groups.push(current);
    }
    if (kv) {
      current.entries.push(entry(kv, item.line));
      if (isPortKey(kv)) current.hasPort = true;
    } else if (current.hasPort) current.descriptions.push(item);
  }
  const rows: CandidateRow[] = [];
  for (const group of groups) {
    if (!group.hasPort || (group.entries.length < 2 && group.descriptions.length === 0)) continue;
    const row = keyValueRow({ section: list.section, line: list.line, entries: group.entries });
    if (!row) continue;
    for (const d of group.descriptions) describe(row, d.text);
    rows.push(row);
  }
  return rows;
}

function entry(kv: RegExpExecArray, line: number): KeyValueBlock["entries"][number] {
  return { key: kv[1]!, value: kv[2]!, line };
}

/** Fills what a free-text description says into the cells no key gave. */
export function describe(row: CandidateRow, text: string): void {
  const d = readDescription(text);
  const fill = (role: Role, value: string | undefined) => {
    if (value === undefined || row.cells[role]) return;
    row.cells[role] = { text: value, items: [value] };
  };
  if (d.purpose) {
    const purpose = row.cells.purpose;
    row.cells.purpose = purpose ? { text: `${purpose.text} ${d.purpose}`, items: [...purpose.items, d.purpose] } : { text: d.purpose, items: [d.purpose] };
  }
  fill("protocol", d.protocol);
  fill("source", d.source);
  fill("target", d.target);
  fill("peer", d.peer);
  fill("direction", d.direction);
  if (d.optional) fill("optional", "optional");
  if (d.conditions.length) row.conditions = [...(row.conditions ?? []), ...d.conditions];
  row.raw.description = row.raw.description ? `${row.raw.description} ${cleanText(text)}` : cleanText(text);
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

// "Type HTTPS, Protocol TCP, Port range 443, Source type Custom, Source 0.0.0.0/0 (mandatory)": a
// rule written as a sentence of "Key value" pairs. Keys are read as table headers are.
const SENTENCE_TAIL = /\s*\(\s*(mandatory|required|optional)\s*\)\s*\.?$/i;
const KEY_SUFFIX = /^(?:type|name|id|kind)$/i; // "Source type Custom" is not the source

export function sentenceAsKeyValues(item: Cell, section: string[]): CandidateRow | null {
  let text = cleanText(item.text);
  const tail = SENTENCE_TAIL.exec(text);
  if (tail) text = text.slice(0, tail.index);
  const parts = text.split(/\s*[,;]\s+/);
  if (parts.length < 3) return null;
  const pairs = parts.map(splitPair);
  if (pairs.some((p) => p === null)) return null;
  const entries = pairs as { key: string; value: string }[];
  const roles = columnRoles(entries.map((e) => e.key));
  const row: CandidateRow = { origin: "keyValue", section, line: item.line, cells: {}, raw: {}, footnotes: [] };
  entries.forEach((e, i) => {
    let role = roles[i] ?? null;
    if ((role === null || role === "ruleType") && !roles.includes("service") && serviceName(e.value) !== null) role = "service"; // "Type HTTPS"
    row.raw[role ?? e.key] = e.value;
    if (role !== null && !row.cells[role]) row.cells[role] = { text: e.value, items: [e.value] };
  });
  if (tail) {
    row.cells.required = { text: tail[1]!, items: [tail[1]!] };
    row.raw.required = tail[1]!;
  }
  const others = Object.keys(row.cells).filter((r) => r !== "port" && r !== "required");
  return /\d/.test(row.cells.port?.text ?? "") && others.length > 0 ? row : null;
}

function splitPair(part: string): { key: string; value: string } | null {
  const words = part.split(/\s+/);
  if (words.length < 2) return null;
  for (let k = Math.min(3, words.length - 1); k >= 1; k--) {
    const key = words.slice(0, k).join(" ");
    if (roleOf(key) === null) continue;
    if (KEY_SUFFIX.test(words[k]!) && k + 1 < words.length) return { key: `${key} ${words[k]}`, value: words.slice(k + 1).join(" ") };
    return { key, value: words.slice(k).join(" ") };
  }
  return /^[A-Z][a-z]+$/.test(words[0]!) ? { key: words[0]!, value: words.slice(1).join(" ") } : null;
}
