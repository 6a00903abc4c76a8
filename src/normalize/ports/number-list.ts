// The general port-cell reader: numbers and ranges with the words around them. "Dynamic" marks the
// ranges after it; a transport or service qualifies the numbers after it ("TCP 443", "HTTPS 443") or
// the ones right before it ("443/TCP", "443 (HTTPS)", "80 for http"); "TCP/UDP" names both. Unknown
// words are reported, never silently dropped.
import type { PortRange } from "../../model/flows.js";
import { TRANSPORTS, serviceName } from "../vocabulary.js";
import type { PortCellResult, PortIssue, PortSegment } from "./types.js";

const TOKEN = /(\d+)(?:\s*(?:-|to\b|through\b|thru\b)\s*(\d+))?|([A-Za-z][A-Za-z0-9-]*)|(\()|(\))|([^\sA-Za-z0-9()])/gi;
// "TCP3389": a transport written against its number
const GLUED_TRANSPORT = /\b(tcp|udp)(\d{1,5})\b/gi;
// "between 49152 and 65535": one range
const BETWEEN = /\bbetween\s+(\d{1,5})\s+and\s+(\d{1,5})\b/gi;
// "secure IMAP", "secure LDAP": the TLS form of the service, when it has a name of its own
const SECURE_SERVICE = /\bsecure\s+([A-Za-z][A-Za-z0-9]*)\b/gi;

// Words that join or qualify numbers without changing them.
const FILLER = new Set([
  "and", "or", "plus", "range", "ranges", "port", "ports", "number", "numbers", "rpc", "default", "by", "the",
  "also", "a", "an", "of", "local", "remote", "destination", "listening", "inbound", "outbound", "only",
  "windows", "from", "up", "e", "g", "eg", "i", "ie", "etc", "in", "is", "are", "used", "use", "optional",
  "target", "between", "allocated", "assigned", "authenticated", "encrypted", "unencrypted", "plain",
]);
const DYNAMIC = new Set(["dynamic", "ephemeral", "high", "random", "randomly"]);

interface Entry {
  range: PortRange;
  /** transports, in the order named; empty when none applies */
  protocols: string[];
  service: string | null;
  /** where the number ends in the text, to tell "443 (HTTPS)" from "HTTPS 443" */
  end: number;
}

// Between two transports named together: "TCP/UDP", "TCP and UDP", "UDP & TCP".
const JOIN_GAP = /^\s*(?:\/|&|,|\+|and|or)?\s*$/i;
// Between a number and a word that qualifies it: "443/TCP", "443 (HTTPS)", "80 for http", "443 TCP",
// and "443/TCP (HTTPS)", where the transport stands between the number and its service.
// "587/TCP (authenticated SMTP)": a word that only qualifies the service may precede it.
const SUFFIX_GAP = /^[\s/(:-]*(?:(?:tcp|udp)\b[\s/(:-]*)?(?:for\s+|over\s+|via\s+)?(?:(?:authenticated|encrypted|unencrypted|plain|non-?secure)\s+)?$/i;

/** Whether numbers follow, past separators and other names ("WinRM ports-HTTP:5985": WinRM
 * qualifies what follows, HTTP then the one number it stands before). */
function numbersAhead(rest: string): boolean {
  for (const m of rest.matchAll(/\d|[A-Za-z][A-Za-z0-9]*|[^\s/:=-]/g)) {
    if (/^\d$/.test(m[0])) return true;
    const w = m[0].toLowerCase();
    if (!FILLER.has(w) && !TRANSPORTS.has(w) && serviceName(w) === null) return false;
  }
  return false;
}

export function readNumberList(text: string): PortCellResult | null {
  const s = text
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(GLUED_TRANSPORT, "$1 $2")
    .replace(BETWEEN, (whole, a: string, b: string) => (Number(a) < Number(b) ? `${a}-${b}` : whole))
    .replace(SECURE_SERVICE, (whole, w: string) => (serviceName(`${w}s`) ? `${w}s` : whole));
  if (!/\d/.test(s)) return null;
  const entries: Entry[] = [];
  const issues: PortIssue[] = [];
  const unknown: string[] = [];
  let dynamic = false;
  let running: string[] = []; // transports named before the numbers they qualify ("TCP 443")
  let runningService: string | null = null; // "HTTPS 443"
  let pending: Entry[] = []; // numbers no transport has claimed yet
  let lastTransport: { end: number; suffixOf: Entry[] | null } | null = null; // suffixOf null: a prefix
  let lastSeen: string[] = []; // the latest transports named, for numbers none claimed
  let inParens = false;

  const readWord = (word: string, index: number, end: number, previous: Entry | undefined, afterNumber: boolean): void => {
    const w = word.toLowerCase();
    if (TRANSPORTS.has(w)) {
      const joined = lastTransport !== null && JOIN_GAP.test(s.slice(lastTransport.end, index));
      let suffixOf: Entry[] | null = null;
      if (joined && lastTransport!.suffixOf) {
        suffixOf = lastTransport!.suffixOf; // "53 TCP/UDP"
        for (const e of suffixOf) if (!e.protocols.includes(w)) e.protocols.push(w);
      } else if (joined) {
        if (!running.includes(w)) running.push(w); // "TCP/UDP 53"
      } else if (afterNumber && pending.length) {
        suffixOf = pending; // "443/TCP", "80, 443 TCP"
        for (const e of suffixOf) e.protocols = [w];
        pending = [];
      } else {
        running = [w]; // "TCP 443", "TCP: 80, 443; UDP: 53"
      }
      lastTransport = { end, suffixOf };
      lastSeen = suffixOf ? suffixOf[0]!.protocols : running;
      return;
    }
    if (DYNAMIC.has(w)) {
      // "49152-65535 (dynamic)" and "1024-65535, randomly allocated high ports" qualify the range
      // before them; "Dynamic: 1024-65535" the ones after
      const trailing = previous !== undefined && !/\d/.test(s.slice(end)) && previous.range.from < previous.range.to;
      if ((inParens && previous) || trailing) previous!.range.dynamic = true;
      else dynamic = true;
      return;
    }
    const service = serviceName(w);
    if (service) {
      if (previous && !previous.service && afterNumber) {
        previous.service = service; // "443 (HTTPS)", "80 for http"
        // "53/UDP,53/TCP (DNS)": the same number on another transport just before it
        for (const e of entries) if (!e.service && e.range.from === previous.range.from && e.range.to === previous.range.to) e.service = service;
      }
      else if (numbersAhead(s.slice(end))) runningService = service; // "HTTPS 443", "WinRM ports-HTTP:5985"
      else if (!inParens) unknown.push(word); // "(HTTPS)" before any number: the protocol column says it
      return;
    }
    if (w === "for" || FILLER.has(w)) return;
    unknown.push(word);
  };

  for (const m of s.matchAll(TOKEN)) {
    const [tok, from, to, word, open, close] = m;
    const index = m.index ?? 0;
    const end = index + tok.length;
    if (from !== undefined) {
      if (/^\.\d/.test(s.slice(end)) || /\d\.$/.test(s.slice(0, index))) {
        unknown.push(tok); // a version or address, not a port
        continue;
      }
      const range = toRange(Number(from), to === undefined ? Number(from) : Number(to), tok, issues);
      if (range) {
        if (dynamic) range.dynamic = true;
        const entry: Entry = { range, protocols: [...running], service: runningService, end };
        entries.push(entry);
        if (!running.length) pending.push(entry);
      }
      continue;
    }
    if (open) {
      inParens = true;
      continue;
    }
    if (close) {
      inParens = false;
      continue;
    }
    if (word !== undefined) {
      // "Target-TCP", "ports-HTTP": a word made of names joined by a hyphen is read name by name
      const parts = known(word) || !word.includes("-") ? [{ part: word, at: index }] : hyphenParts(word, index);
      for (const { part, at } of parts) {
        const last = entries[entries.length - 1];
        readWord(part, at, at + part.length, last, last !== undefined && SUFFIX_GAP.test(s.slice(last.end, at)));
      }
      continue;
    }
    // punctuation: separators are fine; anything else is noted
    if (!/[,;+&/:.]/.test(tok)) unknown.push(tok);
  }

  for (const e of pending) if (!e.protocols.length && lastSeen.length) e.protocols = [...lastSeen];
  if (unknown.length) {
    issues.push({
      code: "port-unparsed",
      message: `left out of the port cell: ${unknown.map((u) => `"${u}"`).join(", ")}`,
      actual: text,
    });
  }
  return { segments: groupSegments(entries), issues, empty: false, wordsOnly: false, rule: "number-list" };
}

function known(word: string): boolean {
  const w = word.toLowerCase();
  return TRANSPORTS.has(w) || DYNAMIC.has(w) || FILLER.has(w) || serviceName(w) !== null;
}

function hyphenParts(word: string, index: number): { part: string; at: number }[] {
  const out: { part: string; at: number }[] = [];
  let at = index;
  for (const part of word.split("-")) {
    if (part) out.push({ part, at });
    at += part.length + 1;
  }
  return out;
}

function toRange(from: number, to: number, actual: string, issues: PortIssue[]): PortRange | null {
  for (const n of [from, to]) {
    if (n < 1 || n > 65535) {
      issues.push({ code: "port-out-of-range", message: `${n} is not a port number (1-65535)`, actual });
      return null;
    }
  }
  if (from > to) {
    issues.push({ code: "port-unparsed", message: `range ${from}-${to} runs backwards; read as ${to}-${from}`, actual });
    return { from: to, to: from };
  }
  return { from, to };
}

/** Entries with the same transport and service form one segment; order of first appearance. A
 * number under two transports ("TCP/UDP 53") is in both segments. */
function groupSegments(entries: Entry[]): PortSegment[] {
  const groups = new Map<string, PortSegment>();
  for (const e of entries) {
    for (const protocol of e.protocols.length ? e.protocols : [null]) {
      const key = `${protocol ?? ""}|${e.service ?? ""}`;
      let seg = groups.get(key);
      if (!seg) {
        seg = { ports: [], protocol, service: e.service, conditions: [] };
        groups.set(key, seg);
      }
      seg.ports.push({ ...e.range });
    }
  }
  return [...groups.values()];
}
