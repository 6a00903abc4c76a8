// The sentence that introduces a table ("The following ports must be open on the management
// server:"): the last sentence of the paragraph or list item right above it, in the same section.
// normalize/scope.ts decides whether it names an endpoint; most intros do not.
import type { Block } from "../parse/blocks.js";

const MAX_INTRO = 300; // characters; a longer sentence is a paragraph about something else

export function introBefore(blocks: readonly Block[], tableIndex: number): string | undefined {
  const table = blocks[tableIndex]!;
  const prev = blocks[tableIndex - 1];
  if (!prev || prev.section.join("\u0000") !== table.section.join("\u0000")) return undefined;
  let text: string | undefined;
  if (prev.kind === "prose") text = prev.text;
  else if (prev.kind === "list") text = prev.items[prev.items.length - 1]?.text;
  if (text === undefined) return undefined;
  const sentence = lastSentence(text.replace(/\s+/g, " ").trim());
  return sentence && sentence.length <= MAX_INTRO ? sentence : undefined;
}

function lastSentence(text: string): string {
  const parts = text.split(/(?<=[.!?])\s+(?=[A-Z])/);
  return parts[parts.length - 1]!.trim();
}
