// More shapes of port list items, beyond "Port 443 (HTTPS) - for console access":
// - under a sentence about ports, bare numbers first: "21 – FTP control channel", "User-defined
//   range – FTP passive-mode data channel", or last: "Administration Tool – 444";
// - a label, a colon, the ports and their way: "Server and Client communication: 443 inbound",
//   "Live Update (updates.example.com): 80 & 443 outbound to this single address (192.0.2.1/32)";
// - a name with its protocols, its ports in the nested item under it, which the page flattened:
//   "SIP TCP/UDP" / "5060, 5061".
// Ordinary numbered lists ("2 – Open the console", "10 GB disk") are not port lists: their numbers
// count up from 1 or measure something.
import type { Cell } from "../parse/blocks.js";
import { readProtocolCell } from "../normalize/protocol.js";
import { cleanText } from "../normalize/text.js";
import type { CandidateRow } from "./candidates.js";
import { readDescription } from "./descriptions.js";
import { readsAsPorts } from "./label-rows.js";

const NUM = String.raw`\d{1,5}(?:\s*(?:-|\u2013|\u2014|to|through)\s*\d{1,5}(?![\d.]))?`;
const NUMBERS = String.raw`${NUM}(?:\s*(?:,|\/|and|or|&)\s*${NUM})*`;
const DASH = String.raw`\s+[-\u2013\u2014]\s+`;
const NUMBER_FIRST = new RegExp(String.raw`^(${NUMBERS})(?:${DASH}|\s*:\s+)(\S.*)$`, "i");
const NUMBER_LAST = new RegExp(String.raw`^([A-Za-z][^:]{1,60}?)${DASH}(${NUMBERS})$`, "i");
// "User-defined range", "Dynamic ports": a range in words, first in an item
const WORDS_FIRST = new RegExp(String.raw`^([A-Za-z][\w-]*(?:\s+[\w-]+){0,3}\s+(?:range|ports?))${DASH}(\S.*)$`, "i");
const WAY = String.raw`(inbound|outbound|incoming|outgoing|bidirectional)`;
const LABEL_WAY = new RegExp(String.raw`^([A-Za-z][^:]{1,80}):\s+(${NUMBERS})\s+${WAY}\b\s*(.*)$`, "i");
// what a number measures, not a port: "10 GB disk", "30 minutes"
const UNIT = /^(?:[kmgtp]i?b|bytes?|%|percent|seconds?|secs?|minutes?|mins?|hours?|days?|weeks?|months?|years?|users?|times?|steps?|cpus?|cores?|vcpus?)\b/i;
const ADDRESS = /\(([\d.:/]+|[\w-]+(?:\.[\w-]+)+)\)/;
const MAX_LABEL_WORDS = 4;

/** The item's text without Markdown emphasis, which plain-text pages keep ("**Port 80:** Used by …"). */
export function plainItem(text: string): string {
  return cleanText(text.replace(/(\*\*|__)(\S(?:.*?\S)?)\1/g, "$2"));
}

/** A numbered step list counts 1, 2, 3: its numbers are not ports. */
export function countsUp(items: readonly Cell[]): boolean {
  const firsts = items.map((i) => /^(\d{1,5})\b/.exec(cleanText(i.text))?.[1]).filter((n): n is string => n !== undefined).map(Number);
  return firsts.length >= 2 && firsts.every((n, i) => n <= 20 && (i === 0 || n === firsts[i - 1]! + 1));
}

function baseRow(item: Cell, section: string[], port: string): CandidateRow {
  return { origin: "summary", section, line: item.line, cells: { port: { text: port, items: [port] } }, raw: { port }, footnotes: [] };
}

function describeRow(row: CandidateRow, written: string): void {
  const d = readDescription(written);
  row.raw.purpose = written;
  if (d.purpose) row.cells.purpose = { text: d.purpose, items: [d.purpose] };
  if (d.target) row.cells.target = { text: d.target, items: [d.target] };
  if (d.peer) row.cells.peer = { text: d.peer, items: [d.peer] };
  if (d.direction) row.cells.direction = { text: d.direction, items: [d.direction] };
  if (d.conditions.length) row.conditions = d.conditions;
  if (d.optional) row.cells.optional = { text: "optional", items: ["optional"] };
}

/** "21 – FTP control channel", "User-defined range – FTP data", "Administration Tool – 444": only
 * where the list is about ports. */
export function numberItemRow(item: Cell, section: string[], context?: string): CandidateRow | null {
  const row = numberItem(item, section);
  if (row && context !== undefined && !row.cells.direction) {
    row.context = context; // "Inbound to Hub:" above the list
    row.raw.direction = context;
  }
  return row;
}

function numberItem(item: Cell, section: string[]): CandidateRow | null {
  const text = plainItem(item.text);
  let m = NUMBER_FIRST.exec(text);
  if (m && !UNIT.test(m[2]!)) {
    const row = baseRow(item, section, m[1]!);
    describeRow(row, m[2]!);
    return row;
  }
  if ((m = WORDS_FIRST.exec(text))) {
    const row = baseRow(item, section, m[1]!);
    describeRow(row, m[2]!);
    return row;
  }
  if ((m = NUMBER_LAST.exec(text))) {
    const row = baseRow(item, section, m[2]!);
    describeRow(row, m[1]!);
    return row;
  }
  return null;
}

/** "Server and Client communication: 443 inbound", "Live Update (host): 80 & 443 outbound to …". */
export function labelWayRow(item: Cell, section: string[]): CandidateRow | null {
  const m = LABEL_WAY.exec(plainItem(item.text));
  if (!m) return null;
  const [, label, port, way, rest] = m as unknown as [string, string, string, string, string];
  const row = baseRow(item, section, port);
  row.cells.purpose = { text: label.trim(), items: [label.trim()] };
  row.cells.direction = { text: way, items: [way] };
  row.raw.purpose = label.trim();
  row.raw.direction = `${way} ${rest}`.trim();
  // "outbound to this single address (192.0.2.1/32)": the address it names, else the words after "to"
  const to = /^to\s+(?:the\s+)?(.+?)\.?$/i.exec(rest.trim())?.[1];
  if (to) {
    const target = ADDRESS.exec(to)?.[1] ?? to;
    row.cells.target = { text: target, items: [target] };
  }
  return row;
}

/** "SIP TCP/UDP" followed by "5060, 5061": a short name with its protocols, then the ports alone. A
 * name without a protocol ("Web admin") only in a list about ports. */
export function namedPortsRow(label: Cell, ports: Cell, section: string[], aboutPorts = false): CandidateRow | null {
  const name = cleanText(label.text);
  const numbers = cleanText(ports.text);
  if (/\d/.test(name) || name.split(/\s+/).length > MAX_LABEL_WORDS || !/\d/.test(numbers) || /[A-Za-z]/.test(numbers)) return null;
  if (!readsAsPorts(numbers)) return null;
  const protocol = readProtocolCell(name);
  const named = protocol.transports.length > 0 && protocol.unknown.length === 0;
  if (!named && !aboutPorts) return null;
  const row = baseRow(ports, section, numbers);
  row.line = label.line;
  row.cells.purpose = { text: name, items: [name] };
  row.raw.purpose = name;
  if (named) {
    row.cells.protocol = { text: name, items: [name] };
    row.raw.protocol = name;
  }
  return row;
}
