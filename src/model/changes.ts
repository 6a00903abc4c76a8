// The one vocabulary of change kinds: id, default impact, and the message built from the change's
// data, so a JSON changelog can be re-rendered without the documents. Order here is also the order
// of kinds inside an impact (the primary kind of a change with several aspects is the first one).
import type { Flow, Mention, PortRange } from "./flows.js";
import { portsKey } from "./order.js";

export const IMPACTS = ["opens", "closes", "modifies", "cosmetic"] as const;
export type Impact = (typeof IMPACTS)[number];

/** opens > closes > modifies > cosmetic: what --fail-on compares against. */
export const IMPACT_RANK: Record<Impact, number> = { opens: 3, closes: 2, modifies: 1, cosmetic: 0 };

export function impactAtLeast(impact: Impact, threshold: Impact): boolean {
  return IMPACT_RANK[impact] >= IMPACT_RANK[threshold];
}

/** What a message template may read: the change as stored in the changelog. */
export interface ChangeData {
  document: string;
  before: Flow | null;
  after: Flow | null;
  beforeMention: Mention | null;
  afterMention: Mention | null;
  details: { from: string | null; to: string | null; portsAdded: PortRange[]; portsRemoved: PortRange[] };
}

type Template = (c: ChangeData) => string;

export function formatPorts(ports: readonly PortRange[]): string {
  return ports.length === 0 ? "no port" : portsKey(ports).replaceAll(",", ", ");
}

/** "TCP 139, 445 Relay server → File server" */
export function describeFlow(f: Flow | null): string {
  if (!f) return "(none)";
  const proto = (f.protocol ?? "?").toUpperCase();
  const ports = f.ports.length ? ` ${formatPorts(f.ports)}` : "";
  return `${proto}${ports} ${f.source ?? "(any)"} → ${f.target ?? "(any)"}`;
}

/** "TCP Relay server → File server": the flow without its ports, for changes that show ports apart */
export function flowName(f: Flow | null): string {
  if (!f) return "(none)";
  return `${(f.protocol ?? "?").toUpperCase()} ${f.source ?? "(any)"} → ${f.target ?? "(any)"}`;
}

const flow = (c: ChangeData) => describeFlow(c.after ?? c.before);
const name = (c: ChangeData) => flowName(c.after ?? c.before);
const portsMove = (c: ChangeData) => `${formatPorts(c.before?.ports ?? [])} → ${formatPorts(c.after?.ports ?? [])}`;
const text = (v: string | null | undefined) => (v == null || v === "" ? "(none)" : `"${v}"`);
const list = (v: readonly string[] | undefined) => (v && v.length ? v.map((x) => `"${x}"`).join(", ") : "(none)");
const mentionText = (m: Mention | null) => (m ? `${formatPorts(m.ports)} in "${m.sentence}"` : "(none)");

function defineKinds<const T extends Record<string, { impact: Impact; about: string; message: Template }>>(kinds: T): T {
  return kinds;
}

export const CHANGE_KINDS = defineKinds({
  "flow-added": { impact: "opens", about: "a new flow: its ports must be allowed", message: (c) => `new flow ${describeFlow(c.after)}` },
  "ports-added": { impact: "opens", about: "ports added to an existing flow", message: (c) => `ports ${formatPorts(c.details.portsAdded)} added to ${name(c)} (${portsMove(c)})` },
  "range-widened": { impact: "opens", about: "a port range now covers more ports", message: (c) => `range widened on ${name(c)} (${portsMove(c)})` },
  "ports-changed": { impact: "opens", about: "ports both added and removed on a flow", message: (c) => `ports changed on ${name(c)} (${portsMove(c)}: +${formatPorts(c.details.portsAdded)}, −${formatPorts(c.details.portsRemoved)})` },
  "protocol-changed": { impact: "opens", about: "the transport changed (the new one must be allowed)", message: (c) => `protocol changed from ${text(c.before?.protocol)} to ${text(c.after?.protocol)} on ${flow(c)}` },
  "flow-removed": { impact: "closes", about: "a flow is gone: its rule can be removed", message: (c) => `flow removed: ${describeFlow(c.before)}` },
  "ports-removed": { impact: "closes", about: "ports removed from a flow", message: (c) => `ports ${formatPorts(c.details.portsRemoved)} removed from ${name(c)} (${portsMove(c)})` },
  "range-narrowed": { impact: "closes", about: "a port range now covers fewer ports", message: (c) => `range narrowed on ${name(c)} (${portsMove(c)})` },
  "endpoint-renamed": { impact: "modifies", about: "same ports, an endpoint with a similar new name", message: (c) => `endpoint renamed from ${text(c.details.from)} to ${text(c.details.to)} on ${flow(c)}` },
  "service-changed": { impact: "modifies", about: "the application protocol changed", message: (c) => `service changed from ${text(c.before?.service)} to ${text(c.after?.service)} on ${flow(c)}` },
  "direction-changed": { impact: "modifies", about: "the stated direction changed", message: (c) => `direction changed from ${text(c.before?.direction)} to ${text(c.after?.direction)} on ${flow(c)}` },
  "condition-changed": { impact: "modifies", about: "when the flow is needed changed", message: (c) => `conditions changed from ${list(c.before?.conditions)} to ${list(c.after?.conditions)} on ${flow(c)}` },
  "optional-changed": { impact: "modifies", about: "the flow became optional or required", message: (c) => `${c.after?.optional ? "now optional" : "now required"}: ${flow(c)}` },
  "mention-added": { impact: "modifies", about: "a port mentioned in prose (not in a table): review it", message: (c) => `prose mentions ${mentionText(c.afterMention)}` },
  "mention-removed": { impact: "modifies", about: "a prose port mention is gone", message: (c) => `prose no longer mentions ${mentionText(c.beforeMention)}` },
  "purpose-changed": { impact: "cosmetic", about: "what the flow is for was reworded; same ports", message: (c) => `purpose changed from ${list(c.before?.purpose)} to ${list(c.after?.purpose)} on ${flow(c)}` },
  "document-added": { impact: "cosmetic", about: "a new document with port content (its flows are listed as their own changes)", message: (c) => `document added: ${c.document}` },
  "document-removed": { impact: "cosmetic", about: "a document with port content is gone (its flows are listed as their own changes)", message: (c) => `document removed: ${c.document}` },
  "document-moved": { impact: "cosmetic", about: "same content under a new path", message: (c) => `document moved from ${c.details.from ?? "?"} to ${c.details.to ?? c.document}` },
});

export type ChangeKind = keyof typeof CHANGE_KINDS;
export const CHANGE_KIND_IDS = Object.keys(CHANGE_KINDS) as [ChangeKind, ...ChangeKind[]];
const KIND_ORDER = new Map(CHANGE_KIND_IDS.map((k, i) => [k, i]));

export function kindRank(kind: ChangeKind): number {
  return KIND_ORDER.get(kind) ?? CHANGE_KIND_IDS.length;
}

/** The message of `kind` for this change's data: the same text the diff stored. */
export function changeMessage(kind: ChangeKind, data: ChangeData): string {
  return CHANGE_KINDS[kind].message(data);
}
