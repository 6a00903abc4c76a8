// The sentence that introduces a table ("The following ports must be open on the management
// server:"): the last sentence of the paragraph or list item right above it, in the same section.
// normalize/scope.ts decides whether it names an endpoint; most intros do not.
// A note may stand between the intro and the table (a Docusaurus ":::note", a "Note:" paragraph):
// an intro that ends with a colon still introduces the table, and a note that says when "these
// rules" are needed gives the table's rows that condition.
import type { Block } from "../parse/blocks.js";

const MAX_INTRO = 300; // characters; a longer sentence is a paragraph about something else
const MAX_NOTE = 600;
// "These firewall rules are only needed if using a remote database.", "This port requirement is
// specifically needed when the SQL Server is on a separate box."
const NOTE_CONDITION =
  /\b(?:these|this|the above|the following|such)\s+(?:firewall\s+)?(?:rules?|ports?|port requirements?|settings|requirements?|connections?)\s+(?:is|are)\s+((?:only|specifically|just|solely)\s+(?:needed|required|necessary|used)\s+(?:if|when|for|where)\b[^.]*)/i;

export interface TableLead {
  /** the introducing sentence */
  intro?: string;
  /** conditions a note between the intro and the table puts on every row */
  conditions: string[];
}

export function introBefore(blocks: readonly Block[], tableIndex: number): string | undefined {
  return tableLead(blocks, tableIndex).intro;
}

export function tableLead(blocks: readonly Block[], tableIndex: number): TableLead {
  const table = blocks[tableIndex]!;
  const sameSection = (b: Block | undefined) => b !== undefined && b.section.join("\u0000") === table.section.join("\u0000");
  const prev = blocks[tableIndex - 1];
  if (!prev || !sameSection(prev)) return { conditions: [] };
  const before = blocks[tableIndex - 2];
  const note = prev.kind === "prose" ? prev.text.replace(/\s+/g, " ").trim() : "";
  const introAbove = sameSection(before) ? lastText(before!) : undefined;
  if (note && !note.endsWith(":") && note.length <= MAX_NOTE && introAbove?.endsWith(":")) {
    const condition = NOTE_CONDITION.exec(note)?.[1]?.trim();
    return { ...sentence(introAbove), conditions: condition ? [condition] : [] };
  }
  const text = lastText(prev);
  return text === undefined ? { conditions: [] } : { ...sentence(text), conditions: [] };
}

function lastText(block: Block): string | undefined {
  let text: string | undefined;
  if (block.kind === "prose") text = block.text;
  else if (block.kind === "list") text = block.items[block.items.length - 1]?.text;
  return text?.replace(/\s+/g, " ").trim();
}

function sentence(text: string): { intro?: string } {
  const last = lastSentence(text);
  return last && last.length <= MAX_INTRO ? { intro: last } : {};
}

function lastSentence(text: string): string {
  const parts = text.split(/(?<=[.!?])\s+(?=[A-Z])/);
  return parts[parts.length - 1]!.trim();
}
