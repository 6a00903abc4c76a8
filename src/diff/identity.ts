// What makes two flows "the same flow" across versions: names folded the way the scorer folds them
// (case, white space, trailing punctuation), never lines, ids or positions. Every key is a pure
// function of a flow the diff never mutates, so each is computed once per flow (100k-flow diffs
// would otherwise spend their time re-folding names inside sort comparators).
import type { Flow, Mention } from "../model/flows.js";
import { normalizeSet } from "./ranges.js";

const folded = new Map<string, string>();
const CLEAN = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*(?<![.:;,])$/;

export function foldName(s: string | null | undefined): string {
  if (s == null) return "";
  // most names are plain ASCII words with single spaces: only the case needs folding (no cache:
  // row-specific names would only fill it)
  if (CLEAN.test(s)) return s.toLowerCase();
  let out = folded.get(s);
  if (out === undefined) {
    out = s.normalize("NFKC").replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, " ").trim().replace(/[.:;,]+$/, "").toLowerCase();
    // names repeat across flows; the bound only keeps a pathological input from growing it forever
    if (folded.size > 200_000) folded.clear();
    folded.set(s, out);
  }
  return out;
}

export function foldList(items: readonly string[]): string {
  return items.length === 0 ? "" : items.length === 1 ? foldName(items[0]) : items.map(foldName).filter(Boolean).sort().join(" | ");
}

/**
 * Keys computed once per object (flows and mentions are not changed while a diff runs), all in one
 * record per object: one WeakMap entry per flow rather than one per key keeps the collector idle.
 */
const records = new WeakMap<object, Record<string, string>>();
let slots = 0;

function memo<T extends object>(compute: (x: T) => string): (x: T) => string {
  const slot = `k${slots++}`;
  return (x) => {
    let record = records.get(x);
    if (record === undefined) records.set(x, (record = {}));
    let k = record[slot];
    if (k === undefined) record[slot] = k = compute(x);
    return k;
  };
}

export const portSetKey = memo((f: { ports: readonly { from: number; to: number }[] }): string =>
  normalizeSet(f.ports).map((r) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`)).join(","),
);

const proto = (f: Flow) => (f.protocol ?? "").toLowerCase();

/** The fields that name a flow: who talks to whom, over what, for what. */
export const identityKey = memo((f: Flow): string => [foldName(f.source), foldName(f.target), proto(f), foldList(f.purpose)].join("\u001f"));

export const endpointsKey = (f: Flow) => [foldName(f.source), foldName(f.target)].join("\u001f");
export const endpointsProtocolKey = (f: Flow) => [endpointsKey(f), proto(f)].join("\u001f");
export const endpointsPurposeKey = (f: Flow) => [endpointsKey(f), foldList(f.purpose)].join("\u001f");
export const protocolPortsKey = (f: Flow) => [proto(f), portSetKey(f)].join("\u001f");

const detailsKey = memo((f: Flow) => [foldName(f.service), f.direction ?? "", foldList(f.conditions), String(f.optional)].join("\u001e"));

/** Everything about a flow except its ports that a reader acts on: flows alike in this are one rule. */
export const shapeKey = memo((f: Flow): string => [identityKey(f), detailsKey(f)].join("\u001e"));

/** Everything a reader of the flow acts on (not lines, ids, raw cells or section). Fingerprints hash
 * it, so its layout is part of what keeps ignore files valid: do not reorder. */
export const contentKey = memo((f: Flow): string => [identityKey(f), portSetKey(f), detailsKey(f)].join("\u001e"));

/** A total order on flows from their content alone, so pairing never depends on row order. */
export const canonicalKey = memo((f: Flow): string => [contentKey(f), sectionKey(f), JSON.stringify(f.raw)].join("\u001d"));

export const sectionKey = memo((f: { section: readonly string[] }): string => f.section.map(foldName).join(" > "));

export const mentionKey = memo((m: Mention): string => [foldName(m.sentence), portSetKey(m)].join("\u001f"));

/** Words of a name in order, plural folded ("computers" = "computer"), so number alone is no difference. */
function words(s: string | null | undefined): string[] {
  return foldName(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(singular);
}

function singular(w: string): string {
  if (w.length > 4 && w.endsWith("ies")) return w.slice(0, -3) + "y";
  if (w.length > 3 && w.endsWith("s") && !/(ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

/**
 * Nouns that say what kind of machine an endpoint is. Two names whose last such noun differs
 * ("Auditor server" / "Auditor client", "agent host" / "agent console") name different machines,
 * however many other words they share: calling that a rename would hide a rule to open behind a
 * "modifies". The last one, because qualifiers come first ("agent host") and the kind last.
 */
const ROLE_NOUNS = new Set([
  "server", "client", "agent", "console", "portal", "hub", "proxy", "gateway", "controller", "computer",
  "workstation", "host", "device", "database", "appliance", "collector", "broker", "node", "manager",
  "browser", "router", "switch", "firewall", "array", "cluster", "worker", "relay", "sensor", "endpoint",
  "dc", "vm", "machine", "instance",
]);

const lastRole = (ws: readonly string[]) => ws.findLast((w) => ROLE_NOUNS.has(w));

/** Word overlap (Jaccard) of two texts, 1 when one text's words all appear in the other. */
export function wordOverlap(a: string | null | undefined, b: string | null | undefined): number {
  const x = new Set(words(a));
  const y = new Set(words(b));
  if (x.size === 0 || y.size === 0) return x.size === y.size ? 1 : 0;
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  if (shared === Math.min(x.size, y.size)) return 1;
  return shared / (x.size + y.size - shared);
}

/** How alike two endpoint names are: their word overlap, but 0 when they name different kinds of machine. */
export function nameSimilarity(a: string | null | undefined, b: string | null | undefined): number {
  const ra = lastRole(words(a));
  const rb = lastRole(words(b));
  if (ra !== undefined && rb !== undefined && ra !== rb) return 0;
  return wordOverlap(a, b);
}

export const SIMILAR_NAME = 0.5;
