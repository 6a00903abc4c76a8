// Port sets as sorted, disjoint {from,to} ranges: the arithmetic that tells "445 → 139, 445" (ports
// added) from a removal plus an addition, and "1024-65535 → 49152-65535" (range narrowed).
import type { PortRange } from "../model/flows.js";

export type Span = { from: number; to: number };

/** Sorted, merged (adjacent ranges joined), flags dropped: the set of ports the ranges cover. */
export function normalizeSet(ranges: readonly Span[]): Span[] {
  const sorted = [...ranges].map((r) => ({ from: r.from, to: r.to })).sort((a, b) => a.from - b.from || a.to - b.to);
  const out: Span[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.from <= last.to + 1) last.to = Math.max(last.to, r.to);
    else out.push(r);
  }
  return out;
}

export function union(a: readonly Span[], b: readonly Span[]): Span[] {
  return normalizeSet([...a, ...b]);
}

/** The ports of `a` that `b` does not cover. */
export function subtract(a: readonly Span[], b: readonly Span[]): Span[] {
  const cut = normalizeSet(b);
  const out: Span[] = [];
  for (const r of normalizeSet(a)) {
    let from = r.from;
    for (const c of cut) {
      if (c.to < from || c.from > r.to) continue;
      if (c.from > from) out.push({ from, to: c.from - 1 });
      from = c.to + 1;
      if (from > r.to) break;
    }
    if (from <= r.to) out.push({ from, to: r.to });
  }
  return out;
}

export function intersect(a: readonly Span[], b: readonly Span[]): Span[] {
  return subtract(a, subtract(a, b));
}

export function size(a: readonly Span[]): number {
  return normalizeSet(a).reduce((n, r) => n + r.to - r.from + 1, 0);
}

export function sameSet(a: readonly Span[], b: readonly Span[]): boolean {
  const x = normalizeSet(a);
  const y = normalizeSet(b);
  return x.length === y.length && x.every((r, i) => r.from === y[i]!.from && r.to === y[i]!.to);
}

export function overlaps(a: readonly Span[], b: readonly Span[]): boolean {
  return intersect(a, b).length > 0;
}

/** Shared ports over all ports of both (1 = same set); two empty sets are the same set. */
export function similarity(a: readonly Span[], b: readonly Span[]): number {
  const all = size(union(a, b));
  return all === 0 ? 1 : size(intersect(a, b)) / all;
}

export type PortDelta =
  | { kind: "same" }
  | { kind: "ports-added" | "range-widened"; added: PortRange[] }
  | { kind: "ports-removed" | "range-narrowed"; removed: PortRange[] }
  | { kind: "ports-changed"; added: PortRange[]; removed: PortRange[] };

const isRange = (r: Span) => r.to > r.from;

/**
 * How the port set moved from `before` to `after`. Only additions: when a range as written in
 * `after` holds both new and old ports (49152-65535 → 1024-65535), a range grew: "range-widened";
 * otherwise separate ports were added (445 → 139, 445): "ports-added". Removals mirror that.
 */
export function comparePorts(before: readonly Span[], after: readonly Span[]): PortDelta {
  const added = subtract(after, before);
  const removed = subtract(before, after);
  if (added.length === 0 && removed.length === 0) return { kind: "same" };
  if (added.length && removed.length) return { kind: "ports-changed", added, removed };
  if (added.length) return { kind: spansBoth(after, added, before) ? "range-widened" : "ports-added", added };
  return { kind: spansBoth(before, removed, after) ? "range-narrowed" : "ports-removed", removed };
}

/** Some range (not a single port) of `written` covers ports of both `delta` and `kept`. */
function spansBoth(written: readonly Span[], delta: readonly Span[], kept: readonly Span[]): boolean {
  return written.some((r) => isRange(r) && overlaps([r], delta) && overlaps([r], kept));
}
