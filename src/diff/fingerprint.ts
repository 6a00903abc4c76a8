// 12-hex fingerprints: from the kind, the document and the content of the two sides, never from
// lines, so moving a row or adding text above it keeps the fingerprint an ignore file names.
import type { Flow, Mention } from "../model/flows.js";
import type { ChangeKind } from "../model/changes.js";
import { shortHash } from "../model/ids.js";
import { contentKey, mentionKey } from "./identity.js";

export interface FingerprintParts {
  kind: ChangeKind;
  document: string;
  before: Flow | null;
  after: Flow | null;
  beforeMention: Mention | null;
  afterMention: Mention | null;
  /** document-level changes: the other path (document-moved) */
  from: string | null;
}

export function fingerprintOf(p: FingerprintParts): string {
  return shortHash(
    "portflow-change-v1",
    p.kind,
    p.document,
    p.before && contentKey(p.before),
    p.after && contentKey(p.after),
    p.beforeMention && mentionKey(p.beforeMention),
    p.afterMention && mentionKey(p.afterMention),
    p.from,
  );
}

/** Twins (the same row twice in a document) get the ordinal of their repetition mixed in. */
export function disambiguate(fingerprint: string, ordinal: number): string {
  return ordinal === 0 ? fingerprint : shortHash(fingerprint, ordinal);
}
