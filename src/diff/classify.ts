// Change builders: a matched pair, an unmatched flow, a mention or a document becomes changes from
// the one registry (src/model/changes.ts). A pair with several differences is one change: its
// primary kind is the one of highest impact, the others are listed in `also`.
import type { Change, SourceLocation } from "../model/changelog.js";
import { CHANGE_KINDS, IMPACT_RANK, aspectMessage, changeMessage, kindRank, type ChangeData, type ChangeKind } from "../model/changes.js";
import type { Flow, Mention, PortRange } from "../model/flows.js";
import { fingerprintOf } from "./fingerprint.js";
import { foldList, foldName } from "./identity.js";
import { comparePorts } from "./ranges.js";

export interface DocumentSides {
  /** the id every change of this document carries (head id when both sides have it) */
  document: string;
  baseFile: string | null;
  headFile: string | null;
}

interface Draft extends ChangeData {
  kinds: ChangeKind[];
  baseLocation: SourceLocation | null;
  headLocation: SourceLocation | null;
}

const at = (file: string | null, line: number | null): SourceLocation | null => (file === null ? null : { file, line });

/** The aspects in which `after` differs from `before`; empty when only raw cells, lines or section moved. */
export function pairAspects(before: Flow, after: Flow): { kinds: ChangeKind[]; added: PortRange[]; removed: PortRange[]; from: string | null; to: string | null } {
  const kinds: ChangeKind[] = [];
  let added: PortRange[] = [];
  let removed: PortRange[] = [];
  const delta = comparePorts(before.ports, after.ports);
  if (delta.kind !== "same") {
    kinds.push(delta.kind);
    if ("added" in delta) added = delta.added;
    if ("removed" in delta) removed = delta.removed;
  }
  if ((before.protocol ?? "").toLowerCase() !== (after.protocol ?? "").toLowerCase()) kinds.push("protocol-changed");
  const renamed: [string | null, string | null][] = [];
  if (foldName(before.source) !== foldName(after.source)) renamed.push([before.source, after.source]);
  if (foldName(before.target) !== foldName(after.target)) renamed.push([before.target, after.target]);
  if (renamed.length) kinds.push("endpoint-renamed");
  if (foldName(before.service) !== foldName(after.service)) kinds.push("service-changed");
  if (before.direction !== after.direction) kinds.push("direction-changed");
  if (foldList(before.conditions) !== foldList(after.conditions)) kinds.push("condition-changed");
  if (before.optional !== after.optional) kinds.push("optional-changed");
  if (foldList(before.purpose) !== foldList(after.purpose)) kinds.push("purpose-changed");
  const names = (i: 0 | 1) => (renamed.length ? renamed.map((r) => r[i] ?? "(any)").join(" / ") : null);
  return { kinds: orderAspects(kinds), added, removed, from: names(0), to: names(1) };
}

/** Highest impact first, then registry order: the first is the change's kind. */
function orderAspects(kinds: ChangeKind[]): ChangeKind[] {
  return [...kinds].sort((a, b) => IMPACT_RANK[CHANGE_KINDS[b].impact] - IMPACT_RANK[CHANGE_KINDS[a].impact] || kindRank(a) - kindRank(b));
}

export function pairChange(sides: DocumentSides, before: Flow, after: Flow): Change | null {
  const aspects = pairAspects(before, after);
  if (aspects.kinds.length === 0) return null;
  return build({
    kinds: aspects.kinds,
    document: sides.document,
    before,
    after,
    beforeMention: null,
    afterMention: null,
    details: { from: aspects.from, to: aspects.to, portsAdded: aspects.added, portsRemoved: aspects.removed },
    baseLocation: at(sides.baseFile, before.location.line),
    headLocation: at(sides.headFile, after.location.line),
  });
}

export function flowAdded(sides: DocumentSides, after: Flow): Change {
  return build({ ...empty(sides, "flow-added"), after, details: { ...noDetails(), portsAdded: after.ports }, headLocation: at(sides.headFile, after.location.line) });
}

export function flowRemoved(sides: DocumentSides, before: Flow): Change {
  return build({ ...empty(sides, "flow-removed"), before, details: { ...noDetails(), portsRemoved: before.ports }, baseLocation: at(sides.baseFile, before.location.line) });
}

export function mentionAdded(sides: DocumentSides, m: Mention): Change {
  return build({ ...empty(sides, "mention-added"), afterMention: m, headLocation: at(sides.headFile, m.line) });
}

export function mentionRemoved(sides: DocumentSides, m: Mention): Change {
  return build({ ...empty(sides, "mention-removed"), beforeMention: m, baseLocation: at(sides.baseFile, m.line) });
}

export function documentChange(sides: DocumentSides, kind: "document-added" | "document-removed" | "document-moved", from: string | null = null): Change {
  return build({
    ...empty(sides, kind),
    details: { ...noDetails(), from, to: kind === "document-moved" ? sides.document : null },
    baseLocation: kind === "document-added" ? null : at(sides.baseFile, null),
    headLocation: kind === "document-removed" ? null : at(sides.headFile, null),
  });
}

function noDetails(): ChangeData["details"] {
  return { from: null, to: null, portsAdded: [], portsRemoved: [] };
}

function empty(sides: DocumentSides, kind: ChangeKind): Draft {
  return { kinds: [kind], document: sides.document, before: null, after: null, beforeMention: null, afterMention: null, details: noDetails(), baseLocation: null, headLocation: null };
}

function build(d: Draft): Change {
  const [kind, ...also] = d.kinds as [ChangeKind, ...ChangeKind[]];
  return {
    kind,
    impact: CHANGE_KINDS[kind].impact,
    document: d.document,
    fingerprint: fingerprintOf({ kind, document: d.document, before: d.before, after: d.after, beforeMention: d.beforeMention, afterMention: d.afterMention, from: d.details.from }),
    message: renderMessage(kind, also, d),
    also,
    baseLocation: d.baseLocation,
    headLocation: d.headLocation,
    before: d.before,
    after: d.after,
    beforeMention: d.beforeMention,
    afterMention: d.afterMention,
    details: { ...d.details, portsAdded: plain(d.details.portsAdded), portsRemoved: plain(d.details.portsRemoved) },
    ignored: false,
  };
}

const plain = (ports: readonly PortRange[]) => ports.map((p) => ({ from: p.from, to: p.to }));

/** The primary message, then the other aspects': rebuildable from the change's data alone. */
export function renderMessage(kind: ChangeKind, also: readonly ChangeKind[], data: ChangeData): string {
  const main = changeMessage(kind, data);
  return also.length ? `${main}; also ${also.map((k) => aspectMessage(k, data)).join("; ")}` : main;
}
