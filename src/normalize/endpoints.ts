// Who connects to whom. Either Source/Target columns, or one direction cell: "A to B", "A to to B",
// "from A to B", "A → B", "Inbound to X", "Outbound from A to B", "between A and B", or a bare
// "Inbound". A leading "(For versions 4.2 and later …)" says when; a trailing "gRPC / TCP" says how.
// A cell that lost its "to" ("Dell Device CEE Server") is split later, where a name known elsewhere
// in the document ends or begins it.
import type { Direction } from "../model/flows.js";
import { cleanText, splitTrailingCondition } from "./text.js";
import { TRANSPORTS, serviceName } from "./vocabulary.js";

export interface EndpointReading {
  source: string | null;
  target: string | null;
  direction: Direction | null;
  conditions: string[];
  /** the text when it could not be split into source and target */
  unresolved: string | null;
  /** what the cell says beyond the names ("Inbound Hub Agent Communication" → "Agent Communication") */
  purpose?: string[];
  /** a protocol written after a name ("Agents to Hub gRPC / TCP"), for rows whose protocol cell is empty */
  protocol?: string;
}

const DIRECTION_WORDS: Record<string, Direction> = {
  inbound: "inbound", incoming: "inbound", ingress: "inbound", in: "inbound",
  outbound: "outbound", outgoing: "outbound", egress: "outbound", out: "outbound",
  bidirectional: "bidirectional", "bi-directional": "bidirectional", both: "bidirectional",
  "two-way": "bidirectional", "inbound and outbound": "bidirectional", "inbound/outbound": "bidirectional",
  "in/out": "bidirectional", "in-bound": "inbound", "out-bound": "outbound",
};

// A bare two-way arrow between a Source and a Target column: traffic goes both ways
const TWO_WAY_ARROW = /^(?:<->|<-->|<=>|\u2194|\u27f7|\u21c4|\u21c6|\u21d4)$/;

/** "Quill-<br>Gate" reads "Quill- Gate": a word broken after its hyphen is one word. */
export function joinHyphenBreaks(text: string): string {
  return text.replace(/(\p{L})-\s+(?=\p{L})/gu, "$1-");
}

export function directionWord(text: string): Direction | null {
  return DIRECTION_WORDS[cleanText(text).toLowerCase().replace(/[.:]$/, "")] ?? null;
}

export function readDirectionCell(raw: string): EndpointReading {
  const written = joinHyphenBreaks(cleanText(raw)).replace(/[.:]$/, "");
  // "(inbound)", "(server-to-server)": a cell that is one parenthesis says what it holds
  const text = /^\(([^()]+)\)$/.exec(written)?.[1]?.trim() ?? written;
  const reading: EndpointReading = { source: null, target: null, direction: null, conditions: [], unresolved: null };
  if (!text) return reading;
  const bare = directionWord(text) ?? (TWO_WAY_ARROW.test(text) ? "bidirectional" : null);
  if (bare) return { ...reading, direction: bare };

  let rest = text;
  // "(For versions 4.2 and later Probes using auto mode) Probes to Hub": when, then who
  const qualifier = /^\(([^()]+)\)\s*(\S.*)$/.exec(rest);
  if (qualifier && CONDITION_LEAD.test(qualifier[1]!.trim())) {
    reading.conditions.push(qualifier[1]!.trim());
    rest = qualifier[2]!;
    const alone = directionWord(rest);
    if (alone) return { ...reading, direction: alone };
  }
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

const CONDITION_LEAD = /^(?:for|when|if|only|unless|except|with|in|on|required|optional)\b/i;

function setEndpoints(reading: EndpointReading, source: string | null, target: string | null): void {
  for (const [side, text] of [["source", source], ["target", target]] as const) {
    if (text === null) continue;
    const { name: written, condition } = cleanEndpoint(text);
    const { name, protocol } = splitTrailingProtocol(written);
    reading[side] = name;
    if (protocol) reading.protocol ??= protocol;
    if (condition) reading.conditions.push(condition);
  }
}

/** "Hub gRPC / TCP" → "Hub" and "gRPC / TCP": a name followed by protocol names, a transport among
 * them. A service alone ("Console HTTPS") may be part of the name and stays. */
export function splitTrailingProtocol(name: string | null): { name: string | null; protocol: string | null } {
  if (name === null) return { name, protocol: null };
  const words = name.split(/\s+/);
  let cut = words.length;
  let transport = false;
  while (cut > 1) {
    const parts = words[cut - 1]!.split("/").filter(Boolean);
    const known = parts.every((p) => TRANSPORTS.has(p.toLowerCase()) || serviceName(p) !== null);
    if (!known) break;
    if (parts.some((p) => TRANSPORTS.has(p.toLowerCase()))) transport = true;
    cut--;
  }
  if (!transport || cut === words.length) return { name, protocol: null };
  const kept = words.slice(0, cut).join(" ").replace(/[\s/,-]+$/, "");
  return kept ? { name: kept, protocol: words.slice(cut).join(" ") } : { name, protocol: null };
}

/** "Netwrix Hub Manager Agent Communication" with "Hub Manager" known: the name ends where the known
 * name does; the rest says what the flow is for. Null when no known name leaves both parts. */
export function splitNameAndPurpose(text: string, known: Iterable<string>): { name: string; purpose: string } | null {
  const lower = text.toLowerCase();
  let best: { end: number; length: number } | null = null;
  for (const candidate of known) {
    const n = candidate.toLowerCase();
    if (!n || n.length >= lower.length) continue;
    const at = new RegExp(String.raw`(?:^|\s)${n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?=\s)`).exec(lower);
    if (!at) continue;
    const end = at.index + at[0].length;
    if (!best || n.length > best.length) best = { end, length: n.length };
  }
  if (!best) return null;
  const name = text.slice(0, best.end).trim();
  const purpose = text.slice(best.end).trim();
  return name && purpose ? { name, purpose } : null;
}

/** An endpoint name without a trailing condition in parentheses. */
export function cleanEndpoint(text: string): { name: string | null; condition: string | null } {
  const { text: name, condition } = splitTrailingCondition(joinHyphenBreaks(cleanText(text)));
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
