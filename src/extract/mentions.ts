// Port numbers named in prose ("the 135, 9004 and one dynamic port will be opened", "custom ports
// (e.g. HTTPS, port 8443)", "from the dynamic (1024 - 65535) local port"). Recorded as mentions,
// not flows, so the changelog can report prose changes too. Version numbers, dates, addresses,
// "step 3" and "Windows Server 2016" are not ports.
import type { Mention, PortRange } from "../model/flows.js";

const PORT_WORD = /\b(?:ports?|tcp|udp)\b/i;
// A number or range, with the characters around it checked separately.
const NUMBER = /(\d{1,5})(?:\s*(?:-|\u2013|\u2014|to|through)\s*(\d{1,5}))?/g;
// Words before a number that make it something else than a port.
const NOT_AFTER = new Set([
  "step", "steps", "version", "versions", "v", "windows", "server", "office", "sql", "release", "build", "chapter",
  "section", "figure", "table", "page", "rfc", "kb", "item", "option", "phase", "part", "day", "days", "year", "level",
  "tls", "smb", "snmp", "snmpv", "http", "ipv", "net", "framework", "edition", "update", "sp", "r", "exchange",
  "sharepoint", "oracle", "vmware", "esxi", "vsphere", "ontap", "model", "series", "gen", "top", "over", "than",
  "least", "every", "within", "after", "before", "january", "february", "march", "april", "may", "june", "july",
  "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
  "oct", "nov", "dec", "x", "cve", "id",
]);
// Words after a number that make it a quantity.
const NOT_BEFORE = /^\s*(?:%|percent|mb|gb|kb|tb|ms|sec|secs|seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|bits?|bytes?|characters?|chars?|times|users?|agents?|devices?|servers?|computers?|items?|files?|rows?|entries|events?|threads?|cores?|cpus?|x\b|st\b|nd\b|rd\b|th\b|gbps|mbps|kbps|hz|mhz|ghz|steps?)\b/i;
const WINDOW = 10; // words between a number and "port" / "tcp" / "udp"

export function findMentions(text: string, firstLine: number, documentId: string, section: string[]): Mention[] {
  const mentions: Mention[] = [];
  for (const { sentence, offset } of sentences(text)) {
    if (!PORT_WORD.test(sentence)) continue;
    const ports = portsIn(sentence);
    if (ports.length === 0) continue;
    const line = firstLine + countNewlines(text.slice(0, offset + leadingSpace(sentence)));
    mentions.push({ document: documentId, section, line, sentence: sentence.replace(/\s+/g, " ").trim(), ports });
  }
  return mentions;
}

// A sentence ends at . ! or ? before a capital or the end, or at a blank line; "e.g. HTTPS" and
// "10.8" stay inside their sentence.
const SENTENCE_END = /(?<!\b(?:e\.g|i\.e|etc|vs|approx|incl|No))[.!?](?=\s+[A-Z(\["']|\s*$)|\n\s*\n/g;

function* sentences(text: string): Generator<{ sentence: string; offset: number }> {
  let start = 0;
  const boundary = new RegExp(SENTENCE_END);
  let m: RegExpExecArray | null;
  while ((m = boundary.exec(text))) {
    const end = m.index + m[0].length;
    yield { sentence: text.slice(start, end), offset: start };
    start = end;
  }
  if (start < text.length && text.slice(start).trim()) yield { sentence: text.slice(start), offset: start };
}

function leadingSpace(s: string): number {
  return s.length - s.trimStart().length;
}

function countNewlines(s: string): number {
  let n = 0;
  for (const ch of s) if (ch === "\n") n++;
  return n;
}

function portsIn(sentence: string): PortRange[] {
  // word index of each "port"/"tcp"/"udp" occurrence, to test nearness
  const anchorOffsets: number[] = [];
  for (const m of sentence.matchAll(/\b(?:ports?|tcp|udp)\b/gi)) anchorOffsets.push(wordIndexAt(sentence, m.index ?? 0));
  const found = new Map<string, PortRange>();
  for (const m of sentence.matchAll(NUMBER)) {
    const index = m.index ?? 0;
    const before = sentence.slice(0, index);
    const after = sentence.slice(index + m[0].length);
    if (/[\d.:/_\-]$|[A-Za-z]$/.test(before) || /^[.:/]?\d|^[A-Za-z_]|^-\d/.test(after)) continue; // part of 10.8, 1.2.3.4, x64, host:443 or a date
    const prevWord = /([A-Za-z]+)\W*$/.exec(before)?.[1]?.toLowerCase();
    if (prevWord && NOT_AFTER.has(prevWord) && !/port/.test(prevWord)) continue;
    if (NOT_BEFORE.test(after)) continue;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 1 || to > 65535 || from > to) continue;
    if (m[2] === undefined && from >= 1900 && from <= 2100 && !/\bports?\s*$/i.test(before)) continue; // a year
    const at = wordIndexAt(sentence, index);
    if (!anchorOffsets.some((a) => Math.abs(a - at) <= WINDOW)) continue;
    found.set(`${from}-${to}`, { from, to });
  }
  return [...found.values()].sort((a, b) => a.from - b.from || a.to - b.to);
}

function wordIndexAt(text: string, index: number): number {
  return text.slice(0, index).split(/\s+/).filter(Boolean).length;
}
