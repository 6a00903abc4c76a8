// The one place that decides output order, so every renderer and rerun sees the same sequence.
import type { Diagnostic, DocumentInfo, Flow, Mention, PortRange } from "./flows.js";

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

export function compareText(a: string | null | undefined, b: string | null | undefined): number {
  const x = a ?? "";
  const y = b ?? "";
  return x < y ? -1 : x > y ? 1 : 0;
}

export function sortPorts(ports: PortRange[]): PortRange[] {
  return [...ports].sort((a, b) => a.from - b.from || a.to - b.to);
}

export function portsKey(ports: readonly PortRange[]): string {
  return ports.map((p) => (p.from === p.to ? `${p.from}` : `${p.from}-${p.to}`)).join(",");
}

export function sortDocuments(docs: DocumentInfo[]): DocumentInfo[] {
  return [...docs].sort((a, b) => compareText(a.id, b.id));
}

export function sortFlows(flows: Flow[]): Flow[] {
  return [...flows].sort(
    (a, b) =>
      compareText(a.document, b.document) ||
      a.location.line - b.location.line ||
      compareText(a.protocol, b.protocol) ||
      compareText(portsKey(a.ports), portsKey(b.ports)) ||
      compareText(a.id, b.id),
  );
}

export function sortMentions(mentions: Mention[]): Mention[] {
  return [...mentions].sort(
    (a, b) => compareText(a.document, b.document) || a.line - b.line || compareText(a.sentence, b.sentence),
  );
}

export function sortDiagnostics(diags: Diagnostic[]): Diagnostic[] {
  return [...diags].sort(
    (a, b) =>
      compareText(a.document, b.document) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      compareText(a.code, b.code) ||
      compareText(a.message, b.message),
  );
}
