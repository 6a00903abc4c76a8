// The changelog between two flows documents: pair documents (same id, or the same content under a
// new path), match their flows and mentions, classify, fingerprint, mark ignored, sort once.
import { ChangelogSchema, sortChanges, summarize, type Change, type Changelog, type Problem } from "../model/changelog.js";
import type { DocumentInfo, Flow, FlowsDocument, Mention } from "../model/flows.js";
import { compareText } from "../model/order.js";
import { documentChange, flowAdded, flowRemoved, mentionAdded, mentionRemoved, pairChange, type DocumentSides } from "./classify.js";
import { disambiguate } from "./fingerprint.js";
import { canonicalKey, contentKey, mentionKey } from "./identity.js";
import { ignoreMatcher, type IgnoreRules } from "./ignore.js";
import { matchFlows, matchMentions } from "./match.js";

export interface DiffOptions {
  baseLabel?: string;
  headLabel?: string;
  ignore?: IgnoreRules;
}

/** Diagnostic codes that mean a document is missing from its side, not that it lost its flows. */
const UNREADABLE = new Set(["read-failed", "parse-failed", "internal-error"]);

interface Side {
  info: Map<string, DocumentInfo>;
  flows: Map<string, Flow[]>;
  mentions: Map<string, Mention[]>;
  ids: Set<string>;
}

export function diffFlowsDocuments(base: FlowsDocument, head: FlowsDocument, options: DiffOptions = {}): Changelog {
  const problems = [...unreadable(base, "base"), ...unreadable(head, "head")];
  const skip = new Set(problems.map((p) => p.document));
  const b = sideOf(base, skip);
  const h = sideOf(head, skip);
  const changes: Change[] = [];

  for (const id of [...b.ids].filter((id) => h.ids.has(id))) changes.push(...diffDocument(b, h, id, id));

  const gone = [...b.ids].filter((id) => !h.ids.has(id) && portRelevant(b, id)).sort(compareText);
  const fresh = new Set([...h.ids].filter((id) => !b.ids.has(id) && portRelevant(h, id)));
  for (const id of gone) {
    const moved = [...fresh].sort(compareText).find((n) => sameContent(b, id, h, n));
    if (moved !== undefined) {
      fresh.delete(moved);
      changes.push(documentChange(sidesOf(b, h, id, moved), "document-moved", id), ...diffDocument(b, h, id, moved));
      continue;
    }
    const sides = sidesOf(b, h, id, null);
    changes.push(documentChange(sides, "document-removed"));
    for (const f of b.flows.get(id) ?? []) changes.push(flowRemoved(sides, f));
    for (const m of b.mentions.get(id) ?? []) changes.push(mentionRemoved(sides, m));
  }
  for (const id of fresh) {
    const sides = sidesOf(b, h, null, id);
    changes.push(documentChange(sides, "document-added"));
    for (const f of h.flows.get(id) ?? []) changes.push(flowAdded(sides, f));
    for (const m of h.mentions.get(id) ?? []) changes.push(mentionAdded(sides, m));
  }

  const ignored = options.ignore ? ignoreMatcher(options.ignore) : () => false;
  const final = sortChanges(uniqueFingerprints(changes).map((c) => ({ ...c, ignored: ignored(c) })));
  return ChangelogSchema.parse({
    schemaVersion: 1,
    base: { label: options.baseLabel ?? "base", documents: b.ids.size, flows: count(b.flows) },
    head: { label: options.headLabel ?? "head", documents: h.ids.size, flows: count(h.flows) },
    summary: summarize(final),
    changes: final,
    problems: problems.sort((x, y) => compareText(x.document, y.document) || compareText(x.side, y.side) || compareText(x.message, y.message)),
  } satisfies Changelog);
}

function diffDocument(b: Side, h: Side, baseId: string, headId: string): Change[] {
  const sides = sidesOf(b, h, baseId, headId);
  const out: Change[] = [];
  const m = matchFlows(b.flows.get(baseId) ?? [], h.flows.get(headId) ?? []);
  for (const p of m.pairs) {
    const c = pairChange(sides, p.before, p.after);
    if (c) out.push(c);
  }
  for (const f of m.removed) out.push(flowRemoved(sides, f));
  for (const f of m.added) out.push(flowAdded(sides, f));
  const mm = matchMentions(b.mentions.get(baseId) ?? [], h.mentions.get(headId) ?? []);
  for (const x of mm.removed) out.push(mentionRemoved(sides, x));
  for (const x of mm.added) out.push(mentionAdded(sides, x));
  return out;
}

function sidesOf(b: Side, h: Side, baseId: string | null, headId: string | null): DocumentSides {
  return {
    document: headId ?? baseId ?? "",
    baseFile: baseId === null ? null : (b.info.get(baseId)?.path ?? baseId),
    headFile: headId === null ? null : (h.info.get(headId)?.path ?? headId),
  };
}

function sideOf(doc: FlowsDocument, skip: ReadonlySet<string>): Side {
  const side: Side = { info: new Map(), flows: new Map(), mentions: new Map(), ids: new Set() };
  for (const d of doc.documents) if (!skip.has(d.id)) side.info.set(d.id, d), side.ids.add(d.id);
  for (const f of doc.flows) if (!skip.has(f.document)) push(side.flows, f.document, f), side.ids.add(f.document);
  for (const m of doc.mentions) if (!skip.has(m.document)) push(side.mentions, m.document, m), side.ids.add(m.document);
  return side;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function unreadable(doc: FlowsDocument, side: "base" | "head"): Problem[] {
  return doc.diagnostics.filter((d) => d.severity === "error" && UNREADABLE.has(d.code)).map((d) => ({ side, document: d.document, message: d.message }));
}

/** A document without flows or mentions says nothing about ports: its coming and going is not reported. */
function portRelevant(side: Side, id: string): boolean {
  return (side.flows.get(id)?.length ?? 0) + (side.mentions.get(id)?.length ?? 0) > 0;
}

/** Same bytes, or the same flows and mentions: the document moved. */
function sameContent(b: Side, baseId: string, h: Side, headId: string): boolean {
  const x = b.info.get(baseId)?.sha256;
  if (x !== undefined && x === h.info.get(headId)?.sha256) return true;
  const signature = (s: Side, id: string) =>
    [...(s.flows.get(id) ?? []).map(contentKey).sort(), "\u0000", ...(s.mentions.get(id) ?? []).map(mentionKey).sort()].join("\u001d");
  return signature(b, baseId) === signature(h, headId);
}

const count = (flows: Map<string, Flow[]>) => [...flows.values()].reduce((n, l) => n + l.length, 0);

/** Twins get distinct fingerprints; which twin is first is decided by content, not by line. */
function uniqueFingerprints(changes: Change[]): Change[] {
  const order = (c: Change) => [c.before && canonicalKey(c.before), c.after && canonicalKey(c.after), c.beforeMention?.section.join(">"), c.afterMention?.section.join(">")].join("\u001d");
  const sorted = [...changes].sort((x, y) => compareText(x.fingerprint, y.fingerprint) || compareText(order(x), order(y)) || (x.headLocation?.line ?? x.baseLocation?.line ?? 0) - (y.headLocation?.line ?? y.baseLocation?.line ?? 0));
  const seen = new Map<string, number>();
  return sorted.map((c) => {
    const n = seen.get(c.fingerprint) ?? 0;
    seen.set(c.fingerprint, n + 1);
    return n === 0 ? c : { ...c, fingerprint: disambiguate(c.fingerprint, n) };
  });
}

export { parseIgnoreFile, ignoreMatcher, IgnoreFileError, type IgnoreRules } from "./ignore.js";
export { comparePorts, subtract, union, sameSet, normalizeSet } from "./ranges.js";
export { matchFlows } from "./match.js";
