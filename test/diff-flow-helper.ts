// Builds valid flows and flows documents by hand, for diff tests that must not depend on extraction.
import { FlowSchema, FlowsDocumentSchema, type Flow, type FlowsDocument, type Mention } from "../src/model/flows.js";
import { sha256Hex } from "../src/model/ids.js";

let counter = 0;

/** A flow with sensible defaults; `ports` may be written as "139,445" or "1024-65535". */
export function flow(over: Partial<Omit<Flow, "ports">> & { ports?: Flow["ports"] | string } = {}): Flow {
  const { ports, ...rest } = over;
  return FlowSchema.parse({
    id: `f${++counter}`,
    document: "page.md",
    section: ["Northwind Relay ports"],
    source: "Relay server",
    target: "File server",
    direction: null,
    protocol: "tcp",
    service: null,
    ports: typeof ports === "string" ? parsePorts(ports) : (ports ?? [{ from: 445, to: 445 }]),
    purpose: ["Archive share"],
    conditions: [],
    optional: false,
    location: { line: 10 },
    raw: {},
    ...rest,
  });
}

export function parsePorts(s: string): Flow["ports"] {
  return s === "" ? [] : s.split(",").map((p) => {
    const [a, b] = p.trim().split("-").map(Number) as [number, number?];
    return { from: a, to: b ?? a };
  });
}

export function mention(over: Partial<Mention> = {}): Mention {
  return { document: "page.md", section: ["Northwind Relay ports"], line: 3, sentence: "The console listens on port 8443.", ports: [{ from: 8443, to: 8443 }], ...over };
}

/** A flows document holding these flows and mentions; one document entry per document named. */
export function flowsDoc(flows: Flow[], mentions: Mention[] = [], extra: Partial<FlowsDocument> = {}): FlowsDocument {
  const ids = [...new Set([...flows.map((f) => f.document), ...mentions.map((m) => m.document)])].sort();
  return FlowsDocumentSchema.parse({
    schemaVersion: 1,
    documents: ids.map((id) => ({ id, path: `docs/${id}`, title: null, format: "markdown", sha256: sha256Hex(id + JSON.stringify(flows.filter((f) => f.document === id).map((f) => f.ports))), version: null })),
    flows,
    mentions,
    diagnostics: [],
    ...extra,
  });
}
