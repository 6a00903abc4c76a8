// The changelog between two flows documents: pair documents (same id, or the same content under a
// new path), match their flows and mentions, classify, fingerprint, mark ignored, sort once.
import { z } from "zod";
import { ChangelogSchema, ChangeSchema, sortChanges, summarize, type Change, type Changelog, type Problem } from "../model/changelog.js";
import type { DocumentInfo, Flow, FlowsDocument, Mention, PortRange } from "../model/flows.js";
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

/**
 * The changelog's own fields, checked before it leaves the diff (a wrong kind, impact or fingerprint
 * is a bug to catch here). The flows and mentions inside come from the two flows documents, valid
 * already: re-validating them would copy every flow again (seconds on a 100k-change changelog).
 */
const CheckedChangelog = ChangelogSchema.extend({
  changes: z.array(
    ChangeSchema.extend({
      before: z.custom<Flow | null>(),
      after: z.custom<Flow | null>(),
      beforeMention: z.custom<Mention | null>(),
      afterMention: z.custom<Mention | null>(),
    }),
  ),
});

/** The changelog from `base` to `head`, two valid flows documents (as `portflow extract` writes them, or parseFlowsJson returns). */
export function diffFlowsDocuments(base: FlowsDocument, head: FlowsDocument, options: DiffOptions = {}): Changelog {
  const problems = [...unreadable(base, "base"), ...unreadable(head, "head")];
  const skip = new Set(problems.map((p) => p.document));
  const b = sideOf(base, skip);
  const h = sideOf(head, skip);
  const changes: Change[] = [];

  for (const id of [...b.ids].filter((id) => h.ids.has(id))) changes.push(...diffDocument(b, h, id, id));

  const gone = [...b.ids].filter((id) => !h.ids.has(id) && portRelevant(b, id)).sort(compareText);
  const fresh = new Set([...h.ids].filter((id) => !b.ids.has(id) && portRelevant(h, id)));
  const movedTo = moves(b, gone, h, fresh);
  for (const id of gone) {
    const moved = movedTo.get(id);
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
  return CheckedChangelog.parse({
    schemaVersion: 1,
    base: { label: options.baseLabel ?? "base", documents: b.ids.size, flows: count(b.flows) },
    head: { label: options.headLabel ?? "head", documents: h.ids.size, flows: count(h.flows) },
    summary: summarize(final),
    changes: final,
    problems: problems.sort((x, y) => compareText(x.document, y.document) || compareText(x.side, y.side) || compareText(x.message, y.message)),
  } satisfies Changelog);
}

function diffDocument(b: Side, h: Side, baseId: string, headId: string): Change[] {
  const baseFlows = b.flows.get(baseId) ?? [];
  const headFlows = h.flows.get(headId) ?? [];
  const baseMentions = b.mentions.get(baseId) ?? [];
  const headMentions = h.mentions.get(headId) ?? [];
  // most documents did not change: the same flows in the same order need no matching at all
  if (sameInOrder(baseFlows, headFlows, sameFlowContent) && sameInOrder(baseMentions, headMentions, sameMentionContent)) return [];
  const sides = sidesOf(b, h, baseId, headId);
  const out: Change[] = [];
  const m = matchFlows(baseFlows, headFlows);
  for (const p of m.pairs) {
    const c = pairChange(sides, p.before, p.after);
    if (c) out.push(c);
  }
  for (const f of m.removed) out.push(flowRemoved(sides, f));
  for (const f of m.added) out.push(flowAdded(sides, f));
  const mm = matchMentions(baseMentions, headMentions);
  for (const x of mm.removed) out.push(mentionRemoved(sides, x));
  for (const x of mm.added) out.push(mentionAdded(sides, x));
  return out;
}

function sameInOrder<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i] || same(x, b[i]!));
}

const sameStrings = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const samePortList = (a: readonly PortRange[], b: readonly PortRange[]) => a.length === b.length && a.every((x, i) => x.from === b[i]!.from && x.to === b[i]!.to);

/** Equal in every field a change is made of (exact text: anything less falls through to matching). */
function sameFlowContent(x: Flow, y: Flow): boolean {
  return (
    x.source === y.source &&
    x.target === y.target &&
    x.protocol === y.protocol &&
    x.service === y.service &&
    x.direction === y.direction &&
    x.optional === y.optional &&
    samePortList(x.ports, y.ports) &&
    sameStrings(x.purpose, y.purpose) &&
    sameStrings(x.conditions, y.conditions)
  );
}

const sameMentionContent = (x: Mention, y: Mention) => x.sentence === y.sentence && samePortList(x.ports, y.ports);

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

/**
 * Gone document → the new document it moved to: same bytes, or the same flows and mentions. Each
 * new document is taken once, the first in id order; both sides are indexed once, so a tree that
 * moved a thousand pages costs no more than one that moved one.
 */
function moves(b: Side, gone: readonly string[], h: Side, fresh: ReadonlySet<string>): Map<string, string> {
  const bySha = new Map<string, string[]>();
  const bySignature = new Map<string, string[]>();
  for (const id of [...fresh].sort(compareText)) {
    const sha = h.info.get(id)?.sha256;
    if (sha !== undefined) push(bySha, sha, id);
    push(bySignature, signature(h, id), id);
  }
  const taken = new Set<string>();
  const out = new Map<string, string>();
  // lists are consumed from the front, so many documents with the same bytes stay linear
  const first = (list: string[] | undefined) => {
    while (list?.length && taken.has(list[0]!)) list.shift();
    return list?.[0];
  };
  for (const id of gone) {
    const sha = b.info.get(id)?.sha256;
    const sameBytes = sha === undefined ? undefined : first(bySha.get(sha));
    const to = sameBytes ?? first(bySignature.get(signature(b, id)));
    if (to === undefined) continue;
    taken.add(to);
    out.set(id, to);
  }
  return out;
}

function signature(s: Side, id: string): string {
  return [...(s.flows.get(id) ?? []).map(contentKey).sort(), "\u0000", ...(s.mentions.get(id) ?? []).map(mentionKey).sort()].join("\u001d");
}

const count = (flows: Map<string, Flow[]>) => [...flows.values()].reduce((n, l) => n + l.length, 0);

/** Twins get distinct fingerprints; which twin is first is decided by content, not by line. */
function uniqueFingerprints(changes: Change[]): Change[] {
  const order = (c: Change) => [c.before && canonicalKey(c.before), c.after && canonicalKey(c.after), c.beforeMention?.section.join(">"), c.afterMention?.section.join(">")].join("\u001d");
  const line = (c: Change) => c.headLocation?.line ?? c.baseLocation?.line ?? 0;
  const keyed = changes.map((c) => ({ c, order: order(c), line: line(c) }));
  keyed.sort((x, y) => compareText(x.c.fingerprint, y.c.fingerprint) || compareText(x.order, y.order) || x.line - y.line);
  const seen = new Map<string, number>();
  return keyed.map(({ c }) => {
    const n = seen.get(c.fingerprint) ?? 0;
    seen.set(c.fingerprint, n + 1);
    return n === 0 ? c : { ...c, fingerprint: disambiguate(c.fingerprint, n) };
  });
}

export { parseIgnoreFile, ignoreMatcher, IgnoreFileError, type IgnoreRules } from "./ignore.js";
export { comparePorts, subtract, union, sameSet, normalizeSet } from "./ranges.js";
export { matchFlows } from "./match.js";
