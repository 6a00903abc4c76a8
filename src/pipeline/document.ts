// One document, bytes to flows: decode → detect format → parse → extract → normalize. Pure and
// self-contained per document, so results can be cached by content hash and computed in workers.
import type { Diagnostic, DocumentInfo, Flow, Format, Mention } from "../model/flows.js";
import { diagnostic } from "../model/codes.js";
import { decodeBytes } from "../read/decode.js";
import { detectFormat } from "../read/detect.js";
import type { SourceDocument } from "../read/documents.js";
import { parseDocument, parseDocumentHead } from "../parse/index.js";
import type { ParsedDocument } from "../parse/blocks.js";
import { mayHoldPorts } from "./prefilter.js";
import { extractCandidates } from "../extract/index.js";
import { normalizeCandidates } from "../normalize/index.js";

export interface DocumentResult {
  document: DocumentInfo;
  flows: Flow[];
  mentions: Mention[];
  diagnostics: Diagnostic[];
}

export interface ProcessOptions {
  /** overrides detection for every document */
  format?: Format;
  /** version label of the documentation set this document belongs to */
  version?: string | null;
  /** parse every page fully, even those that cannot hold ports (for tests proving the prefilter) */
  noPrefilter?: boolean;
}

export function processDocument(source: SourceDocument, options: ProcessOptions = {}): DocumentResult {
  const decoded = decodeBytes(source.bytes);
  const format = options.format ?? detectFormat(source.path, decoded.text);
  const info: DocumentInfo = {
    id: source.id,
    path: source.path,
    title: null,
    format,
    sha256: source.sha256,
    version: options.version ?? null,
  };
  const diagnostics: Diagnostic[] = [];
  if (decoded.fallbackFrom) {
    diagnostics.push(
      diagnostic("decode-replaced", source.id, null, `${source.path}: not valid ${decoded.fallbackFrom}; read as ${decoded.encoding}`),
    );
  }
  let parsed: ParsedDocument;
  try {
    parsed =
      options.noPrefilter || mayHoldPorts(decoded.text)
        ? parseDocument(decoded.text, format)
        : { format, ...parseDocumentHead(decoded.text, format), blocks: [] };
  } catch (err) {
    diagnostics.push(diagnostic("parse-failed", source.id, null, `${source.path}: cannot be parsed as ${format}: ${(err as Error).message}`));
    return { document: info, flows: [], mentions: [], diagnostics };
  }
  info.title = parsed.title;
  if (Object.keys(parsed.meta).length) info.meta = parsed.meta;
  try {
    const extracted = extractCandidates(parsed, source.id);
    const normalized = normalizeCandidates(extracted.rows, source.id);
    return {
      document: info,
      flows: normalized.flows,
      mentions: extracted.mentions,
      diagnostics: [...diagnostics, ...extracted.diagnostics, ...normalized.diagnostics],
    };
  } catch (err) {
    // A bug must not cost the other documents of a nightly run; it is reported as an error, loudly.
    diagnostics.push(diagnostic("internal-error", source.id, null, `${source.path}: ${(err as Error).message}`));
    return { document: info, flows: [], mentions: [], diagnostics };
  }
}
