// Blocks to candidate rows (port tables, key/value blocks, summary lists) and prose port mentions.
import type { Diagnostic, Mention } from "../model/flows.js";
import type { Block, ParsedDocument } from "../parse/blocks.js";
import type { CandidateRow } from "./candidates.js";
import { keyValueRow, listAsKeyValues, proseAsKeyValues } from "./key-values.js";
import { leadCondition, leadText, listItemRows } from "./port-items.js";
import { findMentions, joinRangeEnds } from "./mentions.js";
import { asPortTable, holdsPorts, notPortTableRows, tableRows } from "./table.js";
import { cellListRows } from "./cell-lists.js";
import { unrecognisedTable } from "./unrecognised.js";
import { verticalRow } from "./vertical.js";

export interface Extracted {
  rows: CandidateRow[];
  mentions: Mention[];
  diagnostics: Diagnostic[];
}

export function extractCandidates(parsed: ParsedDocument, documentId: string): Extracted {
  const out: Extracted = { rows: [], mentions: [], diagnostics: [] };
  parsed.blocks.forEach((block, i) => extractBlock(parsed.blocks, i, block, documentId, out));
  out.mentions = joinRangeEnds(out.mentions); // "Start port: 49152" / "End port: 65535" items
  return out;
}

function extractBlock(blocks: readonly Block[], index: number, block: Block, documentId: string, out: Extracted): void {
  const mention = (text: string, line: number) => out.mentions.push(...findMentions(text, line, documentId, block.section));
  switch (block.kind) {
    case "table": {
      const portTable = asPortTable(block);
      if (portTable && holdsPorts(portTable)) {
        out.rows.push(...tableRows(blocks, index, portTable, documentId, out.diagnostics));
        return;
      }
      if (portTable) notPortTableRows(portTable, documentId, out.diagnostics);
      else {
        const vertical = verticalRow(block);
        const listed = vertical ? [] : cellListRows(block);
        if (vertical || listed.length) {
          out.rows.push(...(vertical ? [vertical] : listed));
          return;
        }
        const unknown = unrecognisedTable(block, documentId);
        if (unknown) out.diagnostics.push(unknown);
      }
      for (const row of block.rows) for (const cell of row.cells) mention(cell.text, row.line);
      return;
    }
    case "keyValue": {
      const row = keyValueRow(block);
      if (row) out.rows.push(row);
      else for (const e of block.entries) mention(`${e.key}: ${e.value}`, e.line);
      return;
    }
    case "list": {
      const asKeyValues = listAsKeyValues(block);
      if (asKeyValues.length) {
        out.rows.push(...asKeyValues);
        return;
      }
      const { rows, rest } = listItemRows(block, leadCondition(blocks[index - 1], block), leadText(blocks[index - 1], block));
      out.rows.push(...rows);
      for (const item of rest) mention(item.text, item.line);
      return;
    }
    case "prose": {
      const asKeyValues = proseAsKeyValues(block);
      if (asKeyValues) out.rows.push(asKeyValues);
      else mention(block.text, block.line);
      return;
    }
  }
}
