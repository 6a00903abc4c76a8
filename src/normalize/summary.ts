// Summary sections repeat flows given above ("Inbound to Hub:  - Port 443 (HTTPS) - for console
// access"). A summary flow that repeats one or more flows merges into them (its line kept as
// provenance); one that says something new stays a flow of its own.
import { diagnostic } from "../model/codes.js";
import type { Diagnostic } from "../model/flows.js";
import { portsKey } from "../model/order.js";
import { sameEndpoint } from "./endpoints.js";
import type { FlowDraft } from "./row.js";

export function mergeSummaries(
  flows: FlowDraft[],
  summaries: FlowDraft[],
  documentId: string,
): { flows: FlowDraft[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const kept: FlowDraft[] = [];
  for (const s of summaries) {
    const repeated = flows.filter((f) => repeats(s, f));
    if (repeated.length === 0) {
      kept.push(s);
      continue;
    }
    for (const f of repeated) {
      const also = new Set([...(f.location.alsoAt ?? []), s.location.line]);
      f.location = { line: f.location.line, alsoAt: [...also].sort((a, b) => a - b) };
    }
    const lines = repeated.map((f) => f.location.line).join(", ");
    diagnostics.push(diagnostic("summary-merged", documentId, s.location.line, `repeats the flow${repeated.length > 1 ? "s" : ""} at line ${lines}`));
  }
  return { flows: [...flows, ...kept], diagnostics };
}

function repeats(s: FlowDraft, f: FlowDraft): boolean {
  if (portsKey(s.ports) !== portsKey(f.ports)) return false;
  if (s.protocol && f.protocol && s.protocol !== f.protocol) return false;
  if (s.service && f.service && s.service !== f.service) return false;
  if (s.direction && f.direction && s.direction !== f.direction) return false;
  if (s.source && f.source && !sameEndpoint(s.source, f.source)) return false;
  if (s.target && f.target && !sameEndpoint(s.target, f.target)) return false;
  return true;
}
