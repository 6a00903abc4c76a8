// Candidate rows to flows: read endpoints, split the rows that lost their "to" at names known
// elsewhere in the document, build flows, merge summary repeats, give each flow its stable id.
import { diagnostic } from "../model/codes.js";
import type { Diagnostic, Flow } from "../model/flows.js";
import { shortHash } from "../model/ids.js";
import { portsKey } from "../model/order.js";
import type { CandidateRow } from "../extract/candidates.js";
import { cleanEndpoint, readDirectionCell, splitAtKnownName, splitNameAndPurpose, type EndpointReading } from "./endpoints.js";
import { rowToFlows, type FlowDraft } from "./row.js";
import { applyScope, readIntro } from "./scope.js";
import { mergeSummaries } from "./summary.js";
import { cleanText } from "./text.js";

export function normalizeCandidates(rows: CandidateRow[], documentId: string): { flows: Flow[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const readings = rows.map(readEndpoints);
  const known = new Set(readings.flatMap((r) => [r.source, r.target]).filter((n): n is string => n !== null));
  for (const row of rows) {
    const host = row.intro === undefined ? undefined : readIntro(row.intro)?.host;
    if (host) known.add(host);
  }
  readings.forEach((reading, i) => {
    if (reading.unresolved === null) return;
    const line = rows[i]!.line;
    const split = splitAtKnownName(reading.unresolved, known);
    const named = split || (reading.direction !== "inbound" && reading.direction !== "outbound") ? null : splitNameAndPurpose(reading.unresolved, known);
    if (named) {
      // "Inbound Netwrix Hub Agent Communication": the host the row is about, then what for
      reading[reading.direction === "inbound" ? "target" : "source"] = named.name;
      reading.purpose = [named.purpose];
      diagnostics.push(
        diagnostic("endpoint-name-inferred", documentId, line, `read "${reading.unresolved}" as the name "${named.name}" and the purpose "${named.purpose}"`, reading.unresolved),
      );
    } else if (split) {
      reading.source = split.source;
      reading.target = split.target;
      diagnostics.push(
        diagnostic("endpoint-split-inferred", documentId, line, `no "to" in "${reading.unresolved}"; read as "${split.source}" to "${split.target}"`, reading.unresolved),
      );
    } else {
      diagnostics.push(
        diagnostic("endpoint-unparsed", documentId, line, `cannot tell source from target in "${reading.unresolved}"; both left empty`, reading.unresolved),
      );
    }
  });

  const main: FlowDraft[] = [];
  const summaries: FlowDraft[] = [];
  rows.forEach((row, i) => {
    const built = rowToFlows(row, readings[i]!, documentId);
    diagnostics.push(...built.diagnostics);
    (row.origin === "summary" ? summaries : main).push(...built.flows);
  });
  const merged = mergeSummaries(main, summaries, documentId);
  diagnostics.push(...merged.diagnostics);
  return { flows: assignIds(merged.flows), diagnostics };
}

function readEndpoints(row: CandidateRow): EndpointReading {
  if (row.context !== undefined) {
    const fromContext = readDirectionCell(row.context);
    fromContext.unresolved = null; // a summary intro that names no endpoint only sets the direction
    if (fromContext.direction === null && row.cells.direction) fromContext.direction = readDirectionCell(row.cells.direction.text).direction;
    return fromContext;
  }
  const reading: EndpointReading = row.cells.direction
    ? readDirectionCell(row.cells.direction.text)
    : { source: null, target: null, direction: null, conditions: [], unresolved: null };
  for (const side of ["source", "target"] as const) {
    const cell = row.cells[side];
    if (!cell || !cleanText(cell.text)) continue;
    // several names in one cell (<br>, list items) are one endpoint group: "A, B"
    const { name, condition } = cleanEndpoint(cell.items.length > 1 ? cell.items.join(", ") : cell.text);
    reading[side] = name;
    if (condition) reading.conditions.push(condition);
  }
  if (reading.unresolved !== null && (row.cells.source || row.cells.target)) reading.unresolved = null;
  applyPeer(reading, row.cells.peer?.text);
  if (row.origin === "table") applyScope(reading, row.group, row.intro);
  return reading;
}

/** "Remote host" beside a Direction column: where inbound traffic comes from, outbound goes to. */
function applyPeer(reading: EndpointReading, text: string | undefined): void {
  const { name, condition } = cleanEndpoint(text ?? "");
  if (name === null) return;
  if (reading.direction === "inbound") reading.source ??= name;
  else if (reading.direction === "outbound") reading.target ??= name;
  else return; // either end may open it: the peer stays in raw
  if (condition) reading.conditions.push(condition);
}

/** Same document and row content → same id; identical rows in one section get an occurrence suffix. */
function assignIds(drafts: FlowDraft[]): Flow[] {
  const seen = new Map<string, number>();
  return drafts.map((f) => {
    const content = [
      f.document, f.section.join("\u0001"), f.source, f.target, f.direction, f.protocol, f.service,
      portsKey(f.ports), f.ports.some((p) => p.dynamic) ? "d" : "", f.purpose.join("\u0001"), f.conditions.join("\u0001"),
      String(f.optional),
    ];
    const key = content.join("\u0000");
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return { id: shortHash(...content, n), ...f };
  });
}
