// What makes two flows "the same flow" across versions: names folded the way the scorer folds them
// (case, white space, trailing punctuation), never lines, ids or positions.
import type { Flow, Mention } from "../model/flows.js";
import { normalizeSet } from "./ranges.js";

export function foldName(s: string | null | undefined): string {
  if (s == null) return "";
  return s.normalize("NFKC").replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, " ").trim().replace(/[.:;,]+$/, "").toLowerCase();
}

export function foldList(items: readonly string[]): string {
  return items.map(foldName).filter(Boolean).sort().join(" | ");
}

export function portSetKey(f: { ports: readonly { from: number; to: number }[] }): string {
  return normalizeSet(f.ports).map((r) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`)).join(",");
}

const proto = (f: Flow) => (f.protocol ?? "").toLowerCase();

/** The fields that name a flow: who talks to whom, over what, for what. */
export function identityKey(f: Flow): string {
  return [foldName(f.source), foldName(f.target), proto(f), foldList(f.purpose)].join("\u001f");
}

export const endpointsKey = (f: Flow) => [foldName(f.source), foldName(f.target)].join("\u001f");
export const endpointsProtocolKey = (f: Flow) => [endpointsKey(f), proto(f)].join("\u001f");
export const endpointsPurposeKey = (f: Flow) => [endpointsKey(f), foldList(f.purpose)].join("\u001f");
export const protocolPortsKey = (f: Flow) => [proto(f), portSetKey(f)].join("\u001f");

/** Everything a reader of the flow acts on (not lines, ids, raw cells or section). */
export function contentKey(f: Flow): string {
  return [
    identityKey(f),
    portSetKey(f),
    foldName(f.service),
    f.direction ?? "",
    foldList(f.conditions),
    String(f.optional),
  ].join("\u001e");
}

/** A total order on flows from their content alone, so pairing never depends on row order. */
export function canonicalKey(f: Flow): string {
  return [contentKey(f), f.section.map(foldName).join(" > "), JSON.stringify(f.raw)].join("\u001d");
}

export function mentionKey(m: Mention): string {
  return [foldName(m.sentence), portSetKey(m)].join("\u001f");
}

function tokens(s: string | null | undefined): Set<string> {
  return new Set(foldName(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean));
}

/** Word overlap of two names (Jaccard), 1 when one name's words all appear in the other. */
export function nameSimilarity(a: string | null | undefined, b: string | null | undefined): number {
  const x = tokens(a);
  const y = tokens(b);
  if (x.size === 0 || y.size === 0) return x.size === y.size ? 1 : 0;
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  if (shared === Math.min(x.size, y.size)) return 1;
  return shared / (x.size + y.size - shared);
}

export const SIMILAR_NAME = 0.5;
