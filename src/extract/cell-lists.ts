// A table whose cells list hosts with their ports ("edge.example.com (TCP 443)<br>portal.example.com
// (TCP 443)") under headers that name no port ("Service Type" | "Region 01" | "Region 02"): each item
// is a flow to that host. The row's first cell says what for; a column's header, where it applies.
import type { Cell, TableBlock } from "../parse/blocks.js";
import { cleanText } from "../normalize/text.js";
import type { CandidateRow } from "./candidates.js";
import { readsAsPorts } from "./label-rows.js";

// "host (TCP 443)", "host (443/tcp)": a name without spaces, then its ports in parentheses
const HOST_PORTS = /^([^\s()]+)\s*\(\s*([^()]*\d[^()]*)\)$/;
const MIN_ITEMS = 2;

interface HostPorts {
  host: string;
  ports: string;
}

function hostPorts(item: string): HostPorts | null {
  const m = HOST_PORTS.exec(cleanText(item));
  if (!m || !/\b(?:tcp|udp)\b/i.test(m[2]!) || !readsAsPorts(m[2]!)) return null;
  return { host: m[1]!, ports: m[2]!.trim() };
}

function itemsOf(cell: Cell): string[] {
  return (cell.items.length ? cell.items : [cell.text]).map(cleanText).filter(Boolean);
}

export function cellListRows(table: TableBlock): CandidateRow[] {
  const rows: CandidateRow[] = [];
  let items = 0;
  for (const row of table.rows) {
    const label = cleanText(row.cells[0]?.text ?? "");
    row.cells.forEach((cell, i) => {
      for (const item of itemsOf(cell)) {
        items++;
        const read = hostPorts(item);
        if (!read) continue;
        const header = cleanText(table.header[i]?.text ?? "");
        const candidate: CandidateRow = {
          origin: "table",
          section: table.section,
          line: row.line,
          cells: { port: { text: read.ports, items: [read.ports] }, target: { text: read.host, items: [read.host] } },
          raw: { port: read.ports, target: read.host },
          footnotes: [],
        };
        if (i > 0 && label && !hostPorts(label)) {
          candidate.cells.purpose = { text: label, items: [label] };
          candidate.raw.purpose = label;
        }
        if (i > 0 && header) candidate.conditions = [header];
        rows.push(candidate);
      }
    });
  }
  // most items of the table read so: a label column and host lists
  const labels = table.rows.length;
  return rows.length >= MIN_ITEMS && rows.length * 2 >= items - labels ? rows : [];
}
