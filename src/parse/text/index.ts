// PLACEHOLDER until the plain-text parser lands (issue 3): every paragraph reads as prose.
import type { ParsedDocument } from "../blocks.js";

export function parseText(text: string): ParsedDocument {
  return { format: "text", title: null, meta: {}, blocks: [{ kind: "prose", section: [], line: 1, text }] };
}
