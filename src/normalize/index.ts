import type { Diagnostic, Flow } from "../model/flows.js";
import type { CandidateRow } from "../extract/candidates.js";

export function normalizeCandidates(_rows: CandidateRow[], _documentId: string): { flows: Flow[]; diagnostics: Diagnostic[] } {
  return { flows: [], diagnostics: [] };
}
