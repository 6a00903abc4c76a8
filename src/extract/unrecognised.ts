// A table read as no port table, whose cells still hold port numbers under a header that says
// "port" or beside "TCP"/"UDP": reported, so that a header portflow does not know never makes a port
// table vanish without a word.
import { diagnostic } from "../model/codes.js";
import type { Diagnostic } from "../model/flows.js";
import type { TableBlock } from "../parse/blocks.js";
import { cleanText } from "../normalize/text.js";
import { givesPorts } from "./label-rows.js";

const PORT_HEADER = /\bports?\b/i;
const TRANSPORT_WORD = /\b(?:tcp|udp)\b/i;

export function unrecognisedTable(table: TableBlock, documentId: string): Diagnostic | null {
  const headers = table.header.map((h) => cleanText(h.text));
  const portColumns = headers.flatMap((h, i) => (PORT_HEADER.test(h) ? [i] : []));
  const holds = table.rows.some((row) => {
    const texts = row.cells.map((c) => cleanText(c.text));
    if (portColumns.some((i) => givesPorts(texts[i] ?? ""))) return true;
    return texts.some((t) => TRANSPORT_WORD.test(t)) && texts.some((t) => /\d/.test(t) && givesPorts(t));
  });
  if (!holds) return null;
  const named = headers.map((h, i) => `"${h || `column ${i + 1}`}"`).join(", ");
  return diagnostic(
    "table-unrecognised",
    documentId,
    table.line,
    `a table holds port numbers but its headers (${named}) are not understood: no flows were read from it`,
    headers.join(" | "),
  );
}
