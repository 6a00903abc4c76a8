// One candidate row to its flows: transports × port segments, with service, purpose, conditions and
// the problems met as diagnostics. Endpoints are read beforehand (see endpoints.ts) because a row
// that lost its "to" needs the names of the whole document.
import { diagnostic } from "../model/codes.js";
import type { Diagnostic, Flow, PortRange } from "../model/flows.js";
import { sortPorts } from "../model/order.js";
import type { CandidateRow } from "../extract/candidates.js";
import type { EndpointReading } from "./endpoints.js";
import { readPortCell } from "./ports/index.js";
import { isPortless, readProtocolCell, readRuleType, readServiceCell, serviceInText } from "./protocol.js";
import { purposeConditions, readPurpose } from "./purpose.js";
import { readRequirement } from "./requirement.js";
import { cleanText, impliesOptional } from "./text.js";
import type { PortSegment } from "./ports/index.js";
import { SERVICES, serviceName } from "./vocabulary.js";

export type FlowDraft = Omit<Flow, "id">;

export function rowToFlows(row: CandidateRow, endpoints: EndpointReading, documentId: string): { flows: FlowDraft[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const warn = (code: Parameters<typeof diagnostic>[0], message: string, actual?: string) =>
    diagnostics.push(diagnostic(code, documentId, row.line, message, actual));

  const serviceCell = readServiceCell(row.cells.service?.text ?? "", (row.cells.service?.items ?? []).map(cleanText));
  // a protocol written after an endpoint name ("Agents to Hub gRPC / TCP") or a transport in the
  // Service column stands in for an empty protocol cell
  const protocolText = cleanText(row.cells.protocol?.text ?? "") || (endpoints.protocol ?? "") || (serviceCell.transports?.join("/") ?? "");
  const protocol = readProtocolCell(protocolText);
  const ruleType = readRuleType(cleanText(row.cells.ruleType?.text ?? ""));
  const portCell = readPortCell(cleanText(row.cells.port?.text ?? ""), (row.cells.port?.items ?? []).map(cleanText));
  for (const issue of portCell.issues) warn(issue.code, issue.message, issue.actual);

  const described = readPurpose(row.cells.purpose?.items ?? []);
  const purpose = [...serviceCell.purpose, ...described.purpose];
  for (const extra of endpoints.purpose ?? []) {
    if (!purpose.some((p) => p.toLowerCase().includes(extra.toLowerCase()))) purpose.push(extra);
  }
  const requirement = readRequirement(row.cells.required?.text, row.cells.optional?.text);
  const baseConditions = [
    ...row.footnotes.map(cleanText),
    ...(row.conditions ?? []),
    ...endpoints.conditions,
    ...requirement.conditions,
    ...described.conditions,
    ...purposeConditions(serviceCell.purpose),
  ];
  const named = protocol.services.length >= 2 ? protocol.services : serviceCell.services;
  const segments = bindServices(
    portCell.segments.length ? portCell.segments : [{ ports: [] as PortRange[], protocol: null, service: null, conditions: [] as string[] }],
    servicesByPort(portCell.segments, named, purpose),
  );
  if (DYNAMIC_WORDS.test(rowWords(row))) markDynamic(segments);
  const rowTransports = protocol.transports.length ? protocol.transports : ruleType.transports;
  const rowService = protocol.service ?? serviceCell.service ?? ruleType.service;
  // no protocol anywhere in the row: a service the description names ("SSH (Support access)")
  const describedService = rowTransports.length === 0 && rowService === null && row.transport === undefined ? serviceInText(purpose.join(". ")) : null;

  const flows: FlowDraft[] = [];
  for (const segment of segments) {
    const service = segment.service ?? rowService ?? (segment.protocol ? null : describedService);
    let transports: (string | null)[] = segment.protocol ? [segment.protocol] : rowTransports;
    if (transports.length === 0) transports = [row.transport ?? (service ? SERVICES[service]! : null) ?? row.headingTransport ?? null];
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
        optional: requirement.optional ?? (protocol.optional || described.optional || conditions.some(impliesOptional)),
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

// "1024-65535 | TCP | RPC | Randomly allocated high TCP ports": the row says the range is dynamic
const DYNAMIC_WORDS = /\b(?:dynamic|ephemeral|random(?:ly)?\s+(?:allocated|assigned|chosen)|high\s+(?:\w+\s+)?ports)\b/i;
const DYNAMIC_SPAN = 100; // a range this wide or wider; "7100-7102" beside such words is not the dynamic range

/** The row's texts other than its port cell. */
function rowWords(row: CandidateRow): string {
  return Object.entries(row.raw)
    .filter(([key]) => key !== "port")
    .map(([, value]) => value)
    .join(" ");
}

function markDynamic(segments: PortSegment[]): void {
  for (const segment of segments) {
    segment.ports = segment.ports.map((p) => (p.to - p.from >= DYNAMIC_SPAN && !p.dynamic ? { ...p, dynamic: true } : p));
  }
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

// "5985 - for HTTP" in the purpose of a row whose ports are 5985 and 5986
const PORT_FOR_SERVICE = /^(\d{1,5})\s*[-\u2013\u2014:]\s*(?:for\s+|over\s+|via\s+)?([A-Za-z][\w-]*)\.?$/i;

/** The service of single ports, where the row says it port by port: a protocol or service cell naming
 * as many services as the port cell names ports ("HTTP/HTTPS" beside "80/443"), or purpose items
 * "5985 - for HTTP". */
function servicesByPort(segments: readonly PortSegment[], services: readonly string[], purpose: readonly string[]): Map<number, string> {
  const byPort = new Map<number, string>();
  const ports = segments.filter((s) => s.service === null).flatMap((s) => s.ports);
  if (services.length >= 2 && ports.length === services.length && ports.every((p) => p.from === p.to)) {
    ports.forEach((p, i) => byPort.set(p.from, services[i]!));
  }
  for (const item of purpose) {
    const m = PORT_FOR_SERVICE.exec(item);
    const service = m ? serviceName(m[2]!) : null;
    if (service && ports.some((p) => p.from === Number(m![1]) && p.to === p.from)) byPort.set(Number(m![1]), service);
  }
  return byPort;
}

/** Segments without a service split where single ports have one of their own. */
function bindServices(segments: PortSegment[], byPort: ReadonlyMap<number, string>): PortSegment[] {
  if (byPort.size === 0) return segments;
  return segments.flatMap((segment) => {
    if (segment.service !== null) return [segment];
    const groups = new Map<string | null, PortRange[]>();
    for (const p of segment.ports) {
      const service = p.from === p.to ? (byPort.get(p.from) ?? null) : null;
      groups.set(service, [...(groups.get(service) ?? []), p]);
    }
    return [...groups].map(([service, ports]) => ({ ...segment, ports, service }));
  });
}
