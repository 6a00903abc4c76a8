// Every diagnostic code in one registry: its default severity and what it means. Stages create
// diagnostics only through `diagnostic()`, so a code cannot be misspelt or given two severities.
import type { Diagnostic, Severity } from "./flows.js";

export const DIAGNOSTIC_CODES = {
  "read-failed": { severity: "error", about: "the file could not be read" },
  "parse-failed": { severity: "error", about: "the document could not be parsed; other documents go on" },
  "internal-error": { severity: "error", about: "portflow failed on this document (a bug: please report it); other documents go on" },
  "decode-replaced": { severity: "warning", about: "bytes that are not valid in the detected charset were replaced" },
  "port-missing": { severity: "warning", about: "a port table row gives no port where one was expected" },
  "port-unspecified": { severity: "warning", about: "the port cell names ports in words only (e.g. 'Predefined')" },
  "port-out-of-range": { severity: "warning", about: "a number outside 1-65535 was given as a port and rejected" },
  "port-unparsed": { severity: "warning", about: "part of a port cell was not understood and was left out" },
  "port-range-assumed": { severity: "info", about: "a range named in words was given its usual numbers" },
  "protocol-missing": { severity: "warning", about: "no transport protocol could be found for the row" },
  "protocol-unknown": { severity: "warning", about: "the protocol cell names no known transport or service" },
  "endpoint-split-inferred": { severity: "warning", about: "a direction cell without 'to' was split at a name known elsewhere in the document" },
  "endpoint-unparsed": { severity: "warning", about: "a direction cell could not be split into source and target" },
  "endpoint-name-inferred": {
    severity: "warning",
    about: "a direction cell holding a name and a description ('Inbound Hub Agent Communication') was cut after a name known elsewhere in the document",
  },
  "footnote-unbound": { severity: "info", about: "a footnote marker has no footnote text under its table" },
  "row-empty": { severity: "info", about: "a port table row has no cells with text" },
  "row-group-label": { severity: "info", about: "a port table row is a label ('Agent to server') that groups the rows below it and names no port" },
  "table-unrecognised": {
    severity: "warning",
    about: "a table holds port numbers, but its headers name no port table portflow knows: no flows were read from it",
  },
  "row-realigned": {
    severity: "info",
    about: "a row with fewer cells than the header (a rowspan the converter flattened) was aligned to the right columns and its leading cells filled from the row above",
  },
  "row-short": { severity: "warning", about: "a row has fewer cells than the header and could not be aligned: read as written" },
  "summary-merged": { severity: "info", about: "a summary line repeats a flow given above and was merged into it" },
} as const satisfies Record<string, { severity: Severity; about: string }>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export function diagnostic(
  code: DiagnosticCode,
  document: string,
  line: number | null,
  message: string,
  actual?: string,
): Diagnostic {
  const d: Diagnostic = { severity: DIAGNOSTIC_CODES[code].severity, document, line, code, message };
  if (actual !== undefined) d.actual = actual;
  return d;
}
