// One candidate row to its flows: transports × port segments, with service, purpose, conditions and
// the problems met as diagnostics. Endpoints are read beforehand (see endpoints.ts) because a row
// that lost its "to" needs the names of the whole document.
import { diagnostic } from "../model/codes.js";
import type { Diagnostic, Flow, PortRange } from "../model/flows.js";
import { sortPorts } from "../model/order.js";
import type { CandidateRow } from "../extract/candidates.js";
import type { EndpointReading } from "./endpoints.js";
import { readPortCell } from "./ports/index.js";
import { isPortless, readProtocolCell, readServiceCell } from "./protocol.js";
import { purposeConditions, purposeItems } from "./purpose.js";
import { readRequirement } from "./requirement.js";
import { cleanText, impliesOptional } from "./text.js";
import { SERVICES } from "./vocabulary.js";

export type FlowDraft = Omit<Flow, "id">;

export function rowToFlows(row: CandidateRow, endpoints: EndpointReading, documentId: string): { flows: FlowDraft[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const warn = (code: Parameters<typeof diagnostic>[0], message: string, actual?: string) =>
    diagnostics.push(diagnostic(code, documentId, row.line, message, actual));

  const protocolText = cleanText(row.cells.protocol?.text ?? "");
  const protocol = readProtocolCell(protocolText);
  const portCell = readPortCell(cleanText(row.cells.port?.text ?? ""), (row.cells.port?.items ?? []).map(cleanText));
  for (const issue of portCell.issues) warn(issue.code, issue.message, issue.actual);

  const serviceCell = readServiceCell(row.cells.service?.text ?? "");
  const purpose = [...serviceCell.purpose, ...purposeItems(row.cells.purpose?.items ?? [])];
  const requirement = readRequirement(row.cells.required?.text, row.cells.optional?.text);
  const baseConditions = [
    ...row.footnotes.map(cleanText),
    ...(row.conditions ?? []),
    ...endpoints.conditions,
    ...requirement.conditions,
    ...purposeConditions(purpose),
  ];
  const segments = portCell.segments.length
    ? portCell.segments
    : [{ ports: [] as PortRange[], protocol: null, service: null, conditions: [] as string[] }];

  const flows: FlowDraft[] = [];
  for (const segment of segments) {
    const service = segment.service ?? protocol.service ?? serviceCell.service;
    let transports: (string | null)[] = segment.protocol ? [segment.protocol] : protocol.transports;
    if (transports.length === 0) transports = [row.transport ?? (service ? SERVICES[service]! : null)];
    for (const transport of transports) {
      const portless = isPortless(transport);
      const conditions = dedupe([...baseConditions, ...segment.conditions]);
      flows.push({
        document: documentId,
        section: row.section,
        source: endpoints.source,
        target: endpoints.target,
        direction: endpoints.direction,
        protocol: transport,
        service: portless ? null : service,
        ports: portless ? [] : mergePorts(segment.ports),
        purpose,
        conditions,
        optional: requirement.optional ?? (protocol.optional || conditions.some(impliesOptional)),
        location: { line: row.line },
        raw: row.raw,
      });
    }
  }

  const portless = flows.every((f) => isPortless(f.protocol));
  if (!portless && portCell.empty) warn("port-missing", "the row gives no port", row.cells.port?.text ?? "");
  if (!portless && portCell.wordsOnly) {
    warn("port-unspecified", `the port is named in words only: "${cleanText(row.cells.port?.text ?? "")}"`, row.cells.port?.text);
  }
  if (flows.some((f) => f.protocol === null)) {
    if (protocol.unknown.length) warn("protocol-unknown", `no transport known in "${protocolText}"`, protocolText);
    else warn("protocol-missing", "the row names no transport protocol", protocolText);
  }
  return { flows, diagnostics };
}

function dedupe(items: string[]): string[] {
  return [...new Set(items.filter(Boolean))];
}

/** Sorted, without exact duplicates; overlapping ranges are kept as written. */
function mergePorts(ports: PortRange[]): PortRange[] {
  const seen = new Set<string>();
  return sortPorts(ports).filter((p) => {
    const key = `${p.from}-${p.to}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
