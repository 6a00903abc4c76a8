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

/** An endpoint the document does not name: the rule cannot narrow that side. */
const UNNAMED = "(unspecified)";
const proto = (f: Flow) => (f.protocol ?? "?").toUpperCase();
const endpoints = (f: Flow) => `${f.source ?? UNNAMED} → ${f.target ?? UNNAMED}`;

/** "TCP 139, 445 Relay server → File server" */
export function describeFlow(f: Flow | null): string {
  if (!f) return "(none)";
  return `${proto(f)}${f.ports.length ? ` ${formatPorts(f.ports)}` : ""} ${endpoints(f)}`;
}

/** "TCP Relay server → File server": the flow without its ports, for changes that show ports apart */
export function flowName(f: Flow | null): string {
  if (!f) return "(none)";
  return `${proto(f)} ${endpoints(f)}`;
}

/** The flow a change is about: the head version when it still exists. */
const flow = (c: ChangeData) => describeFlow(c.after ?? c.before);
/** "TCP 9005 A → B": some ports of the flow, as a rule to add or drop */
const rule = (c: ChangeData, ports: readonly PortRange[]) => {
  const f = c.after ?? c.before;
  return f ? `${proto(f)} ${formatPorts(ports)} ${endpoints(f)}` : formatPorts(ports);
};
const portsMove = (c: ChangeData) => `ports ${formatPorts(c.before?.ports ?? [])} → ${formatPorts(c.after?.ports ?? [])}`;
const quoted = (v: string | null | undefined) => (v == null || v === "" ? "(none)" : `"${v}"`);
const list = (v: readonly string[] | undefined) => (v && v.length ? v.map((x) => `"${x}"`).join(", ") : "(none)");
const from = (was: string, now: string) => `${was} → ${now}`;

const EXCERPT = 160;
/** A long prose sentence cut around its first port number, so messages stay one readable line. */
function excerpt(m: Mention): string {
  const s = m.sentence.replace(/\s+/g, " ").trim();
  if (s.length <= EXCERPT) return s;
  const at = Math.max(0, s.search(new RegExp(`\\b${m.ports[0]?.from ?? ""}\\b`)));
  const start = Math.max(0, Math.min(at - EXCERPT / 2, s.length - EXCERPT));
  return `${start > 0 ? "…" : ""}${s.slice(start, start + EXCERPT).trim()}${start + EXCERPT < s.length ? "…" : ""}`;
}
const mentioned = (m: Mention | null) => (m ? `${m.ports.length === 1 && m.ports[0]!.from === m.ports[0]!.to ? "port" : "ports"} ${formatPorts(m.ports)} in "${excerpt(m)}"` : "(none)");

interface KindSpec {
  impact: Impact;
  /** what the kind means, for the README table (test/readme.test.ts keeps the two equal) */
  about: string;
  /** the change in one line, naming the flow and what to do on the firewall */
  message: Template;
  /** the same aspect in a few words, when it rides along a change of another kind (`also`) */
  aspect: Template;
}

function defineKinds<const T extends Record<string, KindSpec>>(kinds: T): T {
  return kinds;
}

export const CHANGE_KINDS = defineKinds({
  "flow-added": {
    impact: "opens",
    about: "a new flow: its ports must be allowed",
    message: (c) => `new flow: allow ${describeFlow(c.after)}`,
    aspect: () => "new flow",
  },
  "ports-added": {
    impact: "opens",
    about: "ports added to an existing flow",
    message: (c) => `ports added: allow ${rule(c, c.details.portsAdded)} (${portsMove(c)})`,
    aspect: (c) => `ports ${formatPorts(c.details.portsAdded)} added`,
  },
  "range-widened": {
    impact: "opens",
    about: "a port range now covers more ports",
    message: (c) => `range widened: allow ${rule(c, c.details.portsAdded)} (${portsMove(c)})`,
    aspect: (c) => `range widened by ${formatPorts(c.details.portsAdded)}`,
  },
  "ports-changed": {
    impact: "opens",
    about: "ports both added and removed on a flow",
    message: (c) => `ports changed: allow ${rule(c, c.details.portsAdded)}; ${formatPorts(c.details.portsRemoved)} no longer required (${portsMove(c)})`,
    aspect: (c) => `ports +${formatPorts(c.details.portsAdded)} −${formatPorts(c.details.portsRemoved)}`,
  },
  "protocol-changed": {
    impact: "opens",
    about: "the transport changed (the new one must be allowed)",
    message: (c) => {
      const [b, a] = [c.before, c.after];
      const on = (f: Flow | null) => (f ? `${proto(f)}${f.ports.length ? ` ${formatPorts(f.ports)}` : ""}` : "?");
      return `protocol changed ${from(b ? proto(b) : "?", a ? proto(a) : "?")} on ${a ? endpoints(a) : b ? endpoints(b) : "?"}: allow ${on(a)}; ${on(b)} no longer required`;
    },
    aspect: (c) => `protocol ${from((c.before?.protocol ?? "?").toUpperCase(), (c.after?.protocol ?? "?").toUpperCase())}`,
  },
  "flow-removed": {
    impact: "closes",
    about: "a flow is gone: its rule can be removed",
    message: (c) => `flow removed: ${describeFlow(c.before)} no longer required`,
    aspect: () => "flow removed",
  },
  "ports-removed": {
    impact: "closes",
    about: "ports removed from a flow",
    message: (c) => `ports removed: ${rule(c, c.details.portsRemoved)} no longer required (${portsMove(c)})`,
    aspect: (c) => `ports ${formatPorts(c.details.portsRemoved)} removed`,
  },
  "range-narrowed": {
    impact: "closes",
    about: "a port range now covers fewer ports",
    message: (c) => `range narrowed: ${rule(c, c.details.portsRemoved)} no longer required (${portsMove(c)})`,
    aspect: (c) => `range narrowed by ${formatPorts(c.details.portsRemoved)}`,
  },
  "endpoint-renamed": {
    impact: "modifies",
    about: "same ports, an endpoint with a similar new name",
    message: (c) => `endpoint renamed ${from(quoted(c.details.from), quoted(c.details.to))} on ${flow(c)}: check the rule still covers the right hosts`,
    aspect: (c) => `endpoint renamed ${from(quoted(c.details.from), quoted(c.details.to))}`,
  },
  "service-changed": {
    impact: "modifies",
    about: "the application protocol changed",
    message: (c) => `service changed ${from(quoted(c.before?.service), quoted(c.after?.service))} on ${flow(c)} (same ports; matters to application-aware rules)`,
    aspect: (c) => `service ${from(quoted(c.before?.service), quoted(c.after?.service))}`,
  },
  "direction-changed": {
    impact: "modifies",
    about: "the stated direction changed",
    message: (c) => `direction changed ${from(quoted(c.before?.direction), quoted(c.after?.direction))} on ${flow(c)}: check which side opens the connection`,
    aspect: (c) => `direction ${from(quoted(c.before?.direction), quoted(c.after?.direction))}`,
  },
  "condition-changed": {
    impact: "modifies",
    about: "when the flow is needed changed",
    message: (c) => `conditions changed on ${flow(c)}: ${from(list(c.before?.conditions), list(c.after?.conditions))}`,
    aspect: (c) => `conditions ${from(list(c.before?.conditions), list(c.after?.conditions))}`,
  },
  "optional-changed": {
    impact: "modifies",
    about: "the flow became optional or required",
    message: (c) => (c.after?.optional ? `now optional: ${flow(c)} is needed only where its feature is used` : `now required: ${flow(c)} must be allowed (was optional)`),
    aspect: (c) => (c.after?.optional ? "now optional" : "now required"),
  },
  "mention-added": {
    impact: "modifies",
    about: "a port mentioned in prose (not in a table): review it",
    message: (c) => `prose now mentions ${mentioned(c.afterMention)}: not in a port table, review it`,
    aspect: () => "prose mention added",
  },
  "mention-removed": {
    impact: "modifies",
    about: "a prose port mention is gone",
    message: (c) => `prose no longer mentions ${mentioned(c.beforeMention)}`,
    aspect: () => "prose mention removed",
  },
  "purpose-changed": {
    impact: "cosmetic",
    about: "what the flow is for was reworded; same ports",
    message: (c) => `purpose reworded on ${flow(c)}: ${from(list(c.before?.purpose), list(c.after?.purpose))} (same ports)`,
    aspect: (c) => `purpose ${from(list(c.before?.purpose), list(c.after?.purpose))}`,
  },
  "document-added": {
    impact: "cosmetic",
    about: "a new document with port content (its flows are listed as their own changes)",
    message: (c) => `document added: ${c.document} (its flows are listed as their own changes)`,
    aspect: () => "document added",
  },
  "document-removed": {
    impact: "cosmetic",
    about: "a document with port content is gone (its flows are listed as their own changes)",
    message: (c) => `document removed: ${c.document} (its flows are listed as their own changes)`,
    aspect: () => "document removed",
  },
  "document-moved": {
    impact: "cosmetic",
    about: "same content under a new path",
    message: (c) => `document moved: ${from(c.details.from ?? "?", c.details.to ?? c.document)} (same port content)`,
    aspect: () => "document moved",
  },
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

/** The few words of `kind` as a further aspect of a change (`also`). */
export function aspectMessage(kind: ChangeKind, data: ChangeData): string {
  return CHANGE_KINDS[kind].aspect(data);
}
