// The general port-cell reader: numbers and ranges with the words around them. "Dynamic" marks the
// ranges after it, "TCP"/"UDP" the transport of the numbers after it (or of all, when it trails),
// "(HTTPS)" or "for https" the service of the number before it. Unknown words are reported, never
// silently dropped.
import type { PortRange } from "../../model/flows.js";
import { TRANSPORTS, serviceName } from "../vocabulary.js";
import type { PortCellResult, PortIssue, PortSegment } from "./types.js";

const TOKEN = /(\d+)(?:\s*(?:-|to\b|through\b|thru\b)\s*(\d+))?|([A-Za-z][A-Za-z0-9-]*)|(\()|(\))|([^\sA-Za-z0-9()])/gi;

// Words that join or qualify numbers without changing them.
const FILLER = new Set([
  "and", "or", "plus", "range", "ranges", "port", "ports", "number", "numbers", "rpc", "default", "by", "the",
  "also", "a", "an", "of", "local", "remote", "destination", "listening", "inbound", "outbound", "only",
  "windows", "from", "up", "e", "g", "eg", "i", "ie", "etc", "in", "is", "are", "used", "use", "optional",
]);
const DYNAMIC = new Set(["dynamic", "ephemeral", "high"]);

interface Entry {
  range: PortRange;
  protocol: string | null;
  service: string | null;
}

export function readNumberList(text: string): PortCellResult | null {
  const s = text.replace(/[\u2010-\u2015\u2212]/g, "-");
  if (!/\d/.test(s)) return null;
  const entries: Entry[] = [];
  const issues: PortIssue[] = [];
  const unknown: string[] = [];
  let dynamic = false;
  let protocol: string | null = null;
  let protocolBeforeNumbers = false;
  let trailingProtocol: string | null = null;
  let expectServiceFor: Entry | null = null; // the entry a following "(HTTPS)" or "for https" names
  let inParens = false;

  for (const m of s.matchAll(TOKEN)) {
    const [tok, from, to, word, open, close] = m;
    const index = m.index ?? 0;
    if (from !== undefined) {
      if (/^\.\d/.test(s.slice(index + tok.length)) || /\d\.$/.test(s.slice(0, index))) {
        unknown.push(tok); // a version or address, not a port
        continue;
      }
      const range = toRange(Number(from), to === undefined ? Number(from) : Number(to), tok, issues);
      if (range) {
        if (dynamic) range.dynamic = true;
        const entry: Entry = { range, protocol, service: null };
        entries.push(entry);
        expectServiceFor = entry;
        if (protocol) protocolBeforeNumbers = true;
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
      const w = word.toLowerCase();
      if (TRANSPORTS.has(w)) {
        if (entries.length && !protocolBeforeNumbers) trailingProtocol = w;
        protocol = w;
        continue;
      }
      if (DYNAMIC.has(w)) {
        // "49152-65535 (dynamic)" qualifies the range before it; "Dynamic: 1024-65535" the ones after
        if (inParens && expectServiceFor) expectServiceFor.range.dynamic = true;
        else dynamic = true;
        continue;
      }
      const service = serviceName(w);
      if (service && expectServiceFor && !expectServiceFor.service) {
        expectServiceFor.service = service;
        continue;
      }
      if (service && inParens) continue; // "(HTTPS)" before any number: the protocol column says it
      if (w === "for" || FILLER.has(w)) continue;
      unknown.push(word);
      continue;
    }
    // punctuation: separators are fine; anything else is noted
    if (!/[,;+&/:.]/.test(tok)) unknown.push(tok);
  }

  if (trailingProtocol) for (const e of entries) e.protocol ??= trailingProtocol;
  if (unknown.length) {
    issues.push({
      code: "port-unparsed",
      message: `left out of the port cell: ${unknown.map((u) => `"${u}"`).join(", ")}`,
      actual: text,
    });
  }
  return { segments: groupSegments(entries), issues, empty: false, wordsOnly: false, rule: "number-list" };
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

/** Entries with the same transport and service form one segment; order of first appearance. */
function groupSegments(entries: Entry[]): PortSegment[] {
  const groups = new Map<string, PortSegment>();
  for (const e of entries) {
    const key = `${e.protocol ?? ""}|${e.service ?? ""}`;
    let seg = groups.get(key);
    if (!seg) {
      seg = { ports: [], protocol: e.protocol, service: e.service, conditions: [] };
      groups.set(key, seg);
    }
    seg.ports.push(e.range);
  }
  return [...groups.values()];
}
