// Per-document results to one flows document: sorted once, validated by the schema before anyone writes it.
import { diagnostic } from "../model/codes.js";
import { FlowsDocumentSchema, type FlowsDocument } from "../model/flows.js";
import { sortDiagnostics, sortDocuments, sortFlows, sortMentions } from "../model/order.js";
import type { ReadFailure } from "../read/documents.js";
import type { DocumentResult } from "./document.js";

export function assembleFlowsDocument(results: readonly DocumentResult[], failures: readonly ReadFailure[] = []): FlowsDocument {
  const doc: FlowsDocument = {
    schemaVersion: 1,
    documents: sortDocuments(results.map((r) => r.document)),
    flows: sortFlows(results.flatMap((r) => r.flows)),
    mentions: sortMentions(results.flatMap((r) => r.mentions)),
    diagnostics: sortDiagnostics([
      ...results.flatMap((r) => r.diagnostics),
      ...failures.map((f) => diagnostic("read-failed", f.id, null, `${f.path}: ${f.message}`)),
    ]),
  };
  return FlowsDocumentSchema.parse(doc);
}

export function hasErrors(doc: Pick<FlowsDocument, "diagnostics">): boolean {
  return doc.diagnostics.some((d) => d.severity === "error");
}
