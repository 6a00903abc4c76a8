// Pairs the flows of one document across the two sides, strongest evidence first. Each pass buckets
// the head flows by a key and, walking the base flows in content order, takes the best candidate of
// the bucket; lines and row positions are never looked at, so reordering rows or inserting text
// above a table pairs exactly the same flows.
import type { Flow, Mention } from "../model/flows.js";
import { compareText } from "../model/order.js";
import {
  SIMILAR_NAME,
  canonicalKey,
  contentKey,
  endpointsProtocolKey,
  endpointsPurposeKey,
  foldList,
  foldName,
  identityKey,
  mentionKey,
  nameSimilarity,
  portSetKey,
  protocolPortsKey,
  sectionKey,
  shapeKey,
  wordOverlap,
} from "./identity.js";
import { normalizeSet, overlaps, sameSet, similarity } from "./ranges.js";

export interface FlowPair {
  before: Flow;
  after: Flow;
}

export interface FlowMatch {
  pairs: FlowPair[];
  removed: Flow[];
  added: Flow[];
}

interface Pass {
  name: string;
  key: (f: Flow) => string;
  /** may these two be paired in this pass (beyond sharing the key)? */
  accept?: (b: Flow, a: Flow) => boolean;
  /** higher is better among accepted candidates */
  score?: (b: Flow, a: Flow) => number;
}

const samePorts = (b: Flow, a: Flow) => portSetKey(b) === portSetKey(a);
const sameSection = (b: Flow, a: Flow) => (sectionKey(b) === sectionKey(a) ? 0.001 : 0);
const endpointScore = (b: Flow, a: Flow) => nameSimilarity(b.source, a.source) + nameSimilarity(b.target, a.target);
const purposeScore = (b: Flow, a: Flow) => wordOverlap(foldList(b.purpose), foldList(a.purpose));

/** Names that changed only a little: at least one endpoint the same or both similar. */
function endpointsRenamed(b: Flow, a: Flow): boolean {
  const s = nameSimilarity(b.source, a.source);
  const t = nameSimilarity(b.target, a.target);
  const sameS = foldName(b.source) === foldName(a.source);
  const sameT = foldName(b.target) === foldName(a.target);
  if (sameS && sameT) return false;
  return (sameS || s >= SIMILAR_NAME) && (sameT || t >= SIMILAR_NAME);
}

export const PASSES: readonly Pass[] = [
  // unchanged flows leave the field first, so duplicates pair with their twins
  { name: "unchanged", key: contentKey },
  // same flow, a detail changed (service, conditions, optional, direction)
  { name: "same identity and ports", key: (f) => identityKey(f) + "\u001e" + portSetKey(f) },
  // same flow, its ports changed: the closest port set wins
  { name: "same identity", key: identityKey, score: (b, a) => similarity(b.ports, a.ports) },
  // same endpoints, purpose and ports: only the transport changed
  { name: "protocol changed", key: endpointsPurposeKey, accept: samePorts },
  // same endpoints, transport and ports: the purpose was reworded
  { name: "purpose changed", key: endpointsProtocolKey, accept: samePorts, score: purposeScore },
  // same transport and ports, endpoint names close: renamed
  { name: "endpoint renamed", key: protocolPortsKey, accept: endpointsRenamed, score: endpointScore },
  // same endpoints and transport, reworded purpose and overlapping ports
  { name: "overlapping ports", key: endpointsProtocolKey, accept: (b, a) => overlaps(b.ports, a.ports), score: (b, a) => similarity(b.ports, a.ports) + purposeScore(b, a) / 10 },
];

const byCanonical = (a: Flow, b: Flow) => compareText(canonicalKey(a), canonicalKey(b));

export function matchFlows(base: readonly Flow[], head: readonly Flow[]): FlowMatch {
  const regrouped = sameRuleRegrouped(base, head);
  let left = base.filter((f) => !regrouped.has(f)).sort(byCanonical);
  let right = head.filter((f) => !regrouped.has(f)).sort(byCanonical);
  const pairs: FlowPair[] = [];
  for (const pass of PASSES) {
    const buckets = new Map<string, Flow[]>();
    for (const a of right) {
      const k = pass.key(a);
      const list = buckets.get(k);
      if (list) list.push(a);
      else buckets.set(k, [a]);
    }
    const taken = new Set<Flow>();
    const stillLeft: Flow[] = [];
    for (const b of left) {
      const best = bestCandidate(pass, b, buckets.get(pass.key(b)) ?? [], taken);
      if (best) {
        taken.add(best);
        pairs.push({ before: b, after: best });
      } else stillLeft.push(b);
    }
    left = stillLeft;
    right = right.filter((a) => !taken.has(a));
  }
  return { pairs, removed: left, added: right };
}

/**
 * Flows alike in everything but ports whose ports, taken together, are the same on both sides: the
 * rows were split, merged or repeated ("135, 1024-65535" → "135" + "1024-65535"), no port moved.
 * They are neither paired nor reported (no atom changes); every other flow goes through the passes.
 */
function sameRuleRegrouped(base: readonly Flow[], head: readonly Flow[]): Set<Flow> {
  const group = (flows: readonly Flow[]) => {
    const out = new Map<string, Flow[]>();
    for (const f of flows) {
      const k = shapeKey(f);
      const list = out.get(k);
      if (list) list.push(f);
      else out.set(k, [f]);
    }
    return out;
  };
  const b = group(base);
  const h = group(head);
  const out = new Set<Flow>();
  const all = (fs: readonly Flow[]) => normalizeSet(fs.flatMap((f) => f.ports));
  for (const [k, before] of b) {
    const after = h.get(k);
    // one row on each side is the passes' job (they pair it, and classify its port change)
    if (!after || (before.length === 1 && after.length === 1)) continue;
    if (sameSet(all(before), all(after))) for (const f of [...before, ...after]) out.add(f);
  }
  return out;
}

function bestCandidate(pass: Pass, b: Flow, candidates: readonly Flow[], taken: Set<Flow>): Flow | undefined {
  let best: Flow | undefined;
  let bestScore = -Infinity;
  for (const a of candidates) {
    if (taken.has(a) || (pass.accept && !pass.accept(b, a))) continue;
    // candidates are in canonical order, so the first of equal scores wins: deterministic
    const score = (pass.score?.(b, a) ?? 0) + sameSection(b, a);
    if (score > bestScore) {
      best = a;
      bestScore = score;
    }
  }
  return best;
}

export interface MentionMatch {
  removed: Mention[];
  added: Mention[];
}

/** Prose mentions pair by sentence and ports, then by ports alone (a reworded sentence is no change). */
export function matchMentions(base: readonly Mention[], head: readonly Mention[]): MentionMatch {
  let left = [...base].sort((x, y) => compareText(mentionKey(x), mentionKey(y)));
  let right = [...head].sort((x, y) => compareText(mentionKey(x), mentionKey(y)));
  for (const key of [mentionKey, portSetKey] as const) {
    const pool = new Map<string, Mention[]>();
    for (const m of right) {
      const list = pool.get(key(m));
      if (list) list.push(m);
      else pool.set(key(m), [m]);
    }
    const taken = new Set<Mention>();
    left = left.filter((m) => {
      const match = pool.get(key(m))?.find((x) => !taken.has(x));
      if (match) taken.add(match);
      return !match;
    });
    right = right.filter((m) => !taken.has(m));
  }
  return { removed: left, added: right };
}
