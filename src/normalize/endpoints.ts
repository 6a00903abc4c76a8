// Who connects to whom. Either Source/Target columns, or one direction cell: "A to B", "A to to B",
// "from A to B", "A → B", "Inbound to X", "Outbound from A to B", "between A and B", or a bare
// "Inbound". A cell that lost its "to" ("Dell Device CEE Server") is split later, where a name known
// elsewhere in the document ends or begins it.
import type { Direction } from "../model/flows.js";
import { cleanText, splitTrailingCondition } from "./text.js";

export interface EndpointReading {
  source: string | null;
  target: string | null;
  direction: Direction | null;
  conditions: string[];
  /** the text when it could not be split into source and target */
  unresolved: string | null;
}

const DIRECTION_WORDS: Record<string, Direction> = {
  inbound: "inbound", incoming: "inbound", ingress: "inbound", in: "inbound",
  outbound: "outbound", outgoing: "outbound", egress: "outbound", out: "outbound",
  bidirectional: "bidirectional", "bi-directional": "bidirectional", both: "bidirectional",
  "two-way": "bidirectional", "inbound and outbound": "bidirectional", "inbound/outbound": "bidirectional",
  "in/out": "bidirectional",
};

export function directionWord(text: string): Direction | null {
  return DIRECTION_WORDS[cleanText(text).toLowerCase().replace(/[.:]$/, "")] ?? null;
}

export function readDirectionCell(raw: string): EndpointReading {
  const text = cleanText(raw).replace(/[.:]$/, "");
  const reading: EndpointReading = { source: null, target: null, direction: null, conditions: [], unresolved: null };
  if (!text) return reading;
  const bare = directionWord(text);
  if (bare) return { ...reading, direction: bare };

  let rest = text;
  const lead = /^(inbound|outbound|incoming|outgoing|bidirectional|bi-directional)\b[\s:,-]*/i.exec(rest);
  if (lead) {
    reading.direction = directionWord(lead[1]!);
    rest = rest.slice(lead[0].length);
  }
  let m: RegExpExecArray | null;
  if ((m = /^between\s+(.+?)\s+and\s+(.+)$/i.exec(rest))) {
    reading.direction ??= "bidirectional";
    setEndpoints(reading, m[1]!, m[2]!);
  } else if ((m = /^(.+?)\s*(?:<->|<-->|<=>|\u2194|\u27f7|\u21c4)\s*(.+)$/.exec(rest))) {
    reading.direction ??= "bidirectional";
    setEndpoints(reading, m[1]!, m[2]!);
  } else if ((m = /^(?:from\s+)?(.+?)\s*(?:->|-->|=>|\u2192|\u27f6|\u21d2)\s*(.+)$/i.exec(rest))) {
    setEndpoints(reading, m[1]!, m[2]!);
  } else if ((m = /^(?:from\s+)?(.+?)\s+(?:to\s+)+(.+)$/i.exec(rest))) {
    setEndpoints(reading, m[1]!, m[2]!);
  } else if ((m = /^(?:to|towards)\s+(.+)$/i.exec(rest))) {
    setEndpoints(reading, null, m[1]!);
  } else if ((m = /^from\s+(.+)$/i.exec(rest))) {
    setEndpoints(reading, m[1]!, null);
  } else if (rest) {
    reading.unresolved = rest;
  }
  return reading;
}

function setEndpoints(reading: EndpointReading, source: string | null, target: string | null): void {
  for (const [side, text] of [["source", source], ["target", target]] as const) {
    if (text === null) continue;
    const { name, condition } = cleanEndpoint(text);
    reading[side] = name;
    if (condition) reading.conditions.push(condition);
  }
}

/** An endpoint name without a trailing condition in parentheses. */
export function cleanEndpoint(text: string): { name: string | null; condition: string | null } {
  const { text: name, condition } = splitTrailingCondition(cleanText(text));
  return { name: name || null, condition };
}

/** Splits "Dell Device CEE Server" where a known name ends (target) or begins (source) it; the
 * longest known name wins. Null when no known name leaves a non-empty rest. */
export function splitAtKnownName(text: string, known: Iterable<string>): { source: string; target: string } | null {
  const lower = text.toLowerCase();
  let best: { source: string; target: string; length: number } | null = null;
  for (const name of known) {
    const n = name.toLowerCase();
    if (n.length >= lower.length) continue;
    if (lower.endsWith(" " + n) && (!best || n.length > best.length)) {
      best = { source: text.slice(0, text.length - n.length).trim(), target: text.slice(text.length - n.length), length: n.length };
    }
    if (lower.startsWith(n + " ") && (!best || n.length > best.length)) {
      best = { source: text.slice(0, n.length), target: text.slice(n.length).trim(), length: n.length };
    }
  }
  return best && { source: best.source, target: best.target };
}

const STOP = new Set(["the", "a", "an", "all", "any", "each", "every"]);

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !STOP.has(w))
    .map((w) => (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w));
}

/** "Hub/Proxy Agent" style names: each side of the slash, and the slash's right side with the
 * left side's leading words ("Change Tracker Hub/Proxy Agent" → … "Change Tracker Proxy Agent"). */
function alternatives(text: string): string[] {
  const slash = text.indexOf("/");
  if (slash < 0) return [text];
  const left = text.slice(0, slash).trim();
  const right = text.slice(slash + 1).trim();
  const leftWords = left.split(/\s+/);
  return [left, right, [...leftWords.slice(0, -1), right].join(" ")];
}

/** Whether two names can denote the same endpoint: one's words are all in the other's. */
export function sameEndpoint(a: string, b: string): boolean {
  const bWords = new Set(words(b));
  return alternatives(a).some((alt) => {
    const aw = words(alt);
    if (aw.length === 0) return false;
    const aSet = new Set(aw);
    return aw.every((w) => bWords.has(w)) || [...bWords].every((w) => aSet.has(w));
  });
}
