import type { Diagnostic, Mention } from "../model/flows.js";
import type { ParsedDocument } from "../parse/blocks.js";
import type { CandidateRow } from "./candidates.js";

export function extractCandidates(_parsed: ParsedDocument, _documentId: string): { rows: CandidateRow[]; mentions: Mention[]; diagnostics: Diagnostic[] } {
  return { rows: [], mentions: [], diagnostics: [] };
}
