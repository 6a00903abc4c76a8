// Port numbers named in prose ("the 135, 9004 and one dynamic port will be opened", "custom ports
// (e.g. HTTPS, port 8443)", "from the dynamic (1024 - 65535) local port", "UDP/161", "80/443").
// Recorded as mentions, not flows, so the changelog can report prose changes too. A number counts
// only near a word that speaks of ports (port, TCP, UDP, listens on, the dynamic or ephemeral
// range); versions, dates, times, addresses, sizes, prices, counts, list numbers and references
// ("step 3", "Windows Server 2016", "RFC 1918", "KB 2915", "Chapter 5") are not ports.
import type { Mention, PortRange } from "../model/flows.js";

// Words that speak of ports; a number must sit within WINDOW words of one.
export const ANCHOR = String.raw`\b(?:ports?|tcp|udp|sctp|ephemeral|dynamic(?:\s+[a-z]+)?\s+range|listen(?:s|ing)?\s+on)\b`;
const WINDOW = 10;
// A number or range, with the characters around it checked separately.
const NUMBER = /(\d{1,5})(?:\s*(?:-|\u2013|\u2014|to|through)\s*(\d{1,5}))?/g;
// An anchor right before the number ("port 2049", "TCP 1999", "UDP/161", "tcp:443"): a port whatever follows.
const DIRECT_ANCHOR = /\b(?:ports?|tcp|udp|sctp)(?:\s+(?:numbers?|no\.?|#))?\s*[/:#]?\s*$/i;

// Words before a number that make it something else than a port.
const NOT_AFTER = new Set([
  // references and ordinals
  "step", "steps", "version", "versions", "v", "release", "build", "chapter", "section", "figure", "table", "page",
  "pages", "rfc", "kb", "article", "articles", "item", "option", "phase", "part", "level", "tier", "stage", "priority",
  "note", "notes", "footnote", "appendix", "paragraph", "line", "lines", "row", "rows", "column", "columns", "example",
  "listing", "error", "code", "event", "events", "ticket", "case", "issue", "bug", "patch", "hotfix", "sprint", "grade",
  "class", "type", "group", "cve", "id", "iso", "nist", "pci", "x", "sp", "r", "update", "edition", "framework",
  "model", "series", "gen", "generation", "top", "over", "than", "least", "every", "within", "after", "before",
  "day", "days", "year", "years",
  // products whose number is a version or a year
  "windows", "server", "office", "exchange", "sharepoint", "vmware", "esxi", "vsphere", "ontap", "net",
  // dates
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
  "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
]);
// Protocols and products named with a version: a small number after them is the version ("SMB 3",
// "TLS 1", "Java 17", "PostgreSQL 15"); a larger one is a port ("SNMP 161", "PostgreSQL 5432").
const VERSIONED = new Set([
  "tls", "ssl", "smb", "smbv", "snmp", "snmpv", "http", "https", "ipv", "ssh", "ldap", "java", "jdk", "jre", "python",
  "powershell", "node", "nodejs", "dotnet", "rhel", "ubuntu", "debian", "centos", "linux", "kernel", "ios", "android",
  "macos", "chrome", "firefox", "safari", "edge", "ie", "oracle", "sql", "mysql", "mariadb", "postgresql", "postgres",
  "outlook",
]);
const VERSION_BELOW = 100;
// Products named with a version, an edition or a brand number written right after them ("Internet
// Explorer 11", "Microsoft 365", "Dynamics 365"): whatever its size, the number is not a port. Only a
// space may stand between ("Explorer (8080)" or "Microsoft: 135" is not a product's number).
const NUMBERED_PRODUCT = new Set(["explorer", "microsoft", "dynamics", "win"]);
// Words after a number that make it a quantity, a time, a date or a price.
const NOT_BEFORE = new RegExp(
  String.raw`^\s*(?:%|-?\s*(?:percent|mb|gb|kb|tb|ms|sec|secs|seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|` +
    String.raw`bits?|bytes?|characters?|chars?|times|users?|agents?|devices?|servers?|computers?|hosts?|nodes?|sites?|items?|` +
    String.raw`files?|rows?|entries|events?|threads?|cores?|cpus?|vcpus?|connections?|sessions?|requests?|attempts?|retries|` +
    String.raw`instances?|licen[cs]es?|seats?|copies|pages?|lines?|steps?|admins?|administrators?|clients?|machines?|` +
    String.raw`workstations?|endpoints?|vms?|people|members?|customers?|accounts?|processes|certificates?|rules?|` +
    String.raw`policies|packets?|messages?|jobs?|tasks?|databases?|gbps|mbps|kbps|hz|mhz|ghz|x\b|st\b|nd\b|rd\b|th\b|` +
    String.raw`a\.?m\b\.?|p\.?m\b\.?|o'clock|usd|eur|gbp|dollars?|euros?|january|february|march|april|june|july|august|` +
    String.raw`september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b)`,
  "i",
);
// "3 ports", "2 additional TCP ports": how many ports, not which.
const COUNT_OF_PORTS =
  /^\s+(?:(?:more|additional|other|extra|open|separate|different|free|available|consecutive|inbound|outbound|tcp|udp|network|dedicated|specific|random|unused|high)\s+)*ports\b/i;
const COUNT_BELOW = 100;

// "Start port: 49152" and "End port: 65535": the two ends of one range, each on its own line or item.
const END_WORDS = String.raw`(?:port(?:\s+(?:number|range))?|of\s+(?:the\s+)?range)\s*[:=]?\s*(\d{1,5})`;
const RANGE_START = String.raw`\b(?:start(?:ing)?|first|begin(?:ning)?|low(?:est)?|min(?:imum)?)\s+` + END_WORDS;
const RANGE_END = String.raw`\b(?:end(?:ing)?|last|high(?:est)?|max(?:imum)?)\s+` + END_WORDS;
const START_LINE = new RegExp(String.raw`^\W*${RANGE_START}\W*$`, "i");
const END_LINE = new RegExp(String.raw`^\W*${RANGE_END}\W*$`, "i");
const START_THEN_END = new RegExp(String.raw`${RANGE_START}[\s,;.]+(?:(?:and|to|through)\s+)?${RANGE_END}`, "i");
// How far apart the two lines may be (a blank line between list items).
const RANGE_LINES = 2;

export function findMentions(text: string, firstLine: number, documentId: string, section: string[]): Mention[] {
  const mentions: Mention[] = [];
  for (const { sentence, offset } of sentences(text)) {
    if (!new RegExp(ANCHOR, "i").test(sentence)) continue;
    const ports = joinStartEnd(sentence, portsIn(sentence));
    if (ports.length === 0) continue;
    const line = firstLine + countNewlines(text.slice(0, offset + leadingSpace(sentence)));
    mentions.push({ document: documentId, section, line, sentence: sentence.replace(/\s+/g, " ").trim(), ports });
  }
  return mentions;
}

/** Mentions of a range's start and end on neighbouring lines ("Start port: 49152" / "End port:
 * 65535", two list items or key/value lines) as one mention of the range. */
export function joinRangeEnds(mentions: readonly Mention[]): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const a = mentions[i]!;
    const b = mentions[i + 1];
    const from = START_LINE.exec(a.sentence)?.[1];
    const to = b ? END_LINE.exec(b.sentence)?.[1] : undefined;
    const near = b !== undefined && b.document === a.document && b.line > a.line && b.line - a.line <= RANGE_LINES;
    if (from && to && near && a.section.join("\u0000") === b.section.join("\u0000") && Number(from) < Number(to)) {
      out.push({ ...a, sentence: `${a.sentence} ${b.sentence}`, ports: [{ from: Number(from), to: Number(to) }] });
      i++;
    } else out.push(a);
  }
  return out;
}

/** "Start port: 49152, end port: 65535" in one sentence: the range, not its two ends. */
function joinStartEnd(sentence: string, ports: PortRange[]): PortRange[] {
  const m = START_THEN_END.exec(sentence);
  if (!m) return ports;
  const from = Number(m[1]);
  const to = Number(m[2]);
  if (!(from < to) || to > 65535) return ports;
  const rest = ports.filter((p) => !(p.from === p.to && (p.from === from || p.from === to)));
  return [...rest, { from, to }].sort((x, y) => x.from - y.from || x.to - y.to);
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

// How much text around a number its tests look at (the longest is "port numbers #" before it).
const CONTEXT = 64;

function portsIn(sentence: string): PortRange[] {
  const words = new WordIndex(sentence);
  // word index of each anchor, to test nearness
  const anchors: number[] = [];
  for (const m of sentence.matchAll(new RegExp(ANCHOR, "gi"))) anchors.push(words.at(m.index ?? 0));
  const paired = slashPairs(sentence);
  const found = new Map<string, PortRange>();
  for (const m of sentence.matchAll(NUMBER)) {
    const index = m.index ?? 0;
    const end = index + m[0].length;
    const before = sentence.slice(Math.max(0, index - CONTEXT), index);
    const after = sentence.slice(end, end + CONTEXT);
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 1 || to > 65535 || from > to) continue;
    if (/^0\d/.test(m[1]!)) continue; // "09", "0443": an ordinal or a code, never how a port is written
    if (!paired.has(index) && !isPort(before, after, from, m[2] !== undefined, index <= CONTEXT)) continue;
    if (!nearAnchor(anchors, words.at(index))) continue;
    found.set(`${from}-${to}`, { from, to });
  }
  return [...found.values()].sort((a, b) => a.from - b.from || a.to - b.to);
}

/** Whether a number (or range) reads as a port, judging by the text around it (`before` holds the
 * sentence's start when `atStart`). */
function isPort(before: string, after: string, from: number, isRange: boolean, atStart: boolean): boolean {
  const direct = DIRECT_ANCHOR.test(before);
  // part of 10.8, 1.2.3.4, x64, host:443, a date or an identifier; "UDP/161" and "tcp:443" are ports
  if (!direct && (/[\d.:/_\-#]$|[A-Za-z]$/.test(before) || /[$\u20ac\u00a3\u00a5]\s*$/.test(before))) return false;
  if (/^[.:/]?\d|^[A-Za-z_]|^-\d/.test(after)) return false;
  // "1) Open …", "(2) …": list numbering at the start of the sentence
  if (atStart && /^[\s(]*$/.test(before) && /^[.)]\s/.test(after)) return false;
  if (!direct) {
    const prevWord = /([A-Za-z]+)\W*$/.exec(before)?.[1]?.toLowerCase();
    if (prevWord && NOT_AFTER.has(prevWord)) return false;
    if (prevWord && VERSIONED.has(prevWord) && from < VERSION_BELOW) return false;
    const adjacentWord = /([A-Za-z]+)\s+$/.exec(before)?.[1]?.toLowerCase();
    if (adjacentWord && NUMBERED_PRODUCT.has(adjacentWord)) return false;
    if (NOT_BEFORE.test(after)) return false;
    if (!isRange && from < COUNT_BELOW && COUNT_OF_PORTS.test(after)) return false;
    if (!isRange && from >= 1900 && from <= 2100) return false; // a year
  }
  return true;
}

/** Offsets of numbers written "80/443" (two ports, one slash; "3/12" and "03/14/2031" are dates,
 * unless a port word stands right before them: "ports 20/21"). */
function slashPairs(sentence: string): Set<number> {
  const out = new Set<number>();
  for (const m of sentence.matchAll(/(?<![\d./:\w])(\d{1,5})\/(\d{1,5})(?![\d/]|\.\d|\w)/g)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const index = m.index ?? 0;
    const direct = DIRECT_ANCHOR.test(sentence.slice(Math.max(0, index - CONTEXT), index));
    if ((Math.max(a, b) <= 31 && !direct) || a < 1 || b < 1 || a > 65535 || b > 65535) continue;
    out.add(index);
    out.add(index + m[1]!.length + 1);
  }
  return out;
}

/** Whether an anchor (word indices, ascending) lies within WINDOW words of word `at`. */
function nearAnchor(anchors: readonly number[], at: number): boolean {
  let lo = 0;
  let hi = anchors.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (anchors[mid]! < at - WINDOW) lo = mid + 1;
    else hi = mid;
  }
  return lo < anchors.length && anchors[lo]! <= at + WINDOW;
}

/** Word counts before any offset, without rescanning the text for each question. */
class WordIndex {
  private readonly starts: number[] = [];

  constructor(text: string) {
    for (const m of text.matchAll(/\S+/g)) this.starts.push(m.index ?? 0);
  }

  /** How many words start before `index` (the index of the word at `index`). */
  at(index: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < index) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
