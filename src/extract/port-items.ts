// Lists whose items each name a port: summary lists ("Inbound to Hub:  - Port 443 (HTTPS) - for
// console access"), bare "TCP 389" lists, "Port 11016 TCP for the Web services (incoming; only when
// using the Web Application)", and key/value sentences. Either every item is a port item, or two or
// more in a row are (a nested list the page flattened, under "Mandatory ports:"); other items stay
// prose.
import type { Block, Cell, ListBlock } from "../parse/blocks.js";
import { SERVICES, SERVICE_ALIASES } from "../normalize/vocabulary.js";
import type { CandidateRow } from "./candidates.js";
import { readDescription } from "./descriptions.js";
import { sentenceAsKeyValues } from "./key-values.js";
import { countsUp, labelWayRow, namedPortsRow, numberItemRow, plainItem } from "./list-shapes.js";

// "Port 443 (HTTPS) - for console access", "TCP 22 – SSH access", "Ports 137-139 (NetBIOS): name
// service", "Port 1433 TCP for communication with SQL Server", and bare "TCP 389", "TCP 135 – 139"
// (a dash between two numbers is a range, not the separator before the purpose); "Port 80, nginx":
// a comma before words (not before another number) also ends the ports.
const NUM = String.raw`\d{1,5}(?:\s*(?:-|\u2013|\u2014|to|through)\s*\d{1,5}(?![\d.]))?`;
const LIST = String.raw`${NUM}(?:\s*(?:,|\/|and|or|&)\s*${NUM})*`;
const TRANSPORT = String.raw`(?:tcp|udp)(?:\s*(?:\/|and|&)\s*(?:tcp|udp))?`;
const SERVICE_WORD = [...Object.keys(SERVICES), ...Object.keys(SERVICE_ALIASES)]
  .filter((w) => !/\s/.test(w))
  .sort((a, b) => b.length - a.length)
  .join("|");
const PORT_PART = String.raw`(?:(?:${TRANSPORT}\s+(?:ports?\s+)?|ports?\s+(?:${TRANSPORT}\s+)?)${LIST}|${LIST}\s*(?:\/\s*|\s+)${TRANSPORT})(?:\s+(?:${TRANSPORT}|${SERVICE_WORD})\b)?`;
const SUMMARY_ITEM = new RegExp(
  String.raw`^(${PORT_PART}(?:\s*\([^()]*\))?)(?:\s*:\s+(\S.*)|\s+[-\u2013\u2014]\s+(\S.*)|\s+for\s+(\S.*)|\s*,\s+(?!\d)(\S.*))?$`,
  "i",
);
// "Randomly allocated high TCP ports", "RPC dynamic ports": a range named in words, in a port list
const DYNAMIC_ITEM = /^(?=.*\b(?:dynamic|ephemeral|random(?:ly)?|high)\b)(?=.*\bports?\b)[A-Za-z][A-Za-z /()-]{0,70}$/i;
const DIRECTION_INTRO = /^(?:inbound|outbound|incoming|outgoing|from|to)\b/i;
const DIRECTION_WORD = /\b(inbound|outbound|incoming|outgoing)\b/i;
const PORTS_WORD = /\bports?\b/i;
// A short line right above a port list that says whom it is for: "**For the Inventory collector**".
const FOR_LINE = /^(?:for|when|if|only for|required for)\s+[^.:\n]{2,80}:?$/i;

/** The condition a short "For …" paragraph right above a list in the same section states. */
export function leadCondition(previous: Block | undefined, list: ListBlock): string | undefined {
  if (previous?.kind !== "prose" || previous.section.join("\u0000") !== list.section.join("\u0000")) return undefined;
  const text = previous.text.replace(/\s+/g, " ").trim();
  return FOR_LINE.test(text) ? text.replace(/:$/, "") : undefined;
}

/** The last sentence of the paragraph right above a list in the same section, which may say the
 * list is about ports ("These ports must be opened on your external firewall …"). */
export function leadText(previous: Block | undefined, list: ListBlock): string | undefined {
  if (previous?.kind !== "prose" || previous.section.join("\u0000") !== list.section.join("\u0000")) return undefined;
  const sentences = previous.text.replace(/\s+/g, " ").trim().split(/(?<=[.!?:])\s+(?=[A-Z])/);
  return sentences[sentences.length - 1];
}

/** The port items of a list as candidate rows, and the items left for prose. `lead` is the text
 * right above the list; a list under a sentence about ports may give its ports as bare numbers. */
export function listItemRows(list: ListBlock, condition?: string, lead?: string): { rows: CandidateRow[]; rest: Cell[] } {
  const intro = list.intro?.replace(/:\s*$/, "").trim() ?? "";
  let context = DIRECTION_INTRO.test(intro) ? intro : undefined;
  let direction: string | undefined;
  const aboutPorts = [intro, lead ?? "", list.section[list.section.length - 1] ?? ""].some((t) => PORTS_WORD.test(t)) && !countsUp(list.items);
  const units = pairNamedPorts(list.items, list.section, aboutPorts);
  const read = units.map(({ items, row: paired }) => {
    const item = items[0]!;
    const row =
      paired ??
      summaryRow(item, list.section, context) ??
      labelWayRow(item, list.section) ??
      (aboutPorts ? numberItemRow(item, list.section, context) : null) ??
      sentenceAsKeyValues(item, list.section);
    if (row) {
      if (condition !== undefined) row.conditions = [condition, ...(row.conditions ?? [])];
      if (direction !== undefined && !row.cells.direction && row.context === undefined) row.cells.direction = { text: direction, items: [direction] };
    } else if (/:\s*$/.test(item.text)) {
      // "Add two new Inbound rules:" inside the list introduces the items after it
      const sub = item.text.replace(/:\s*$/, "").trim();
      if (DIRECTION_INTRO.test(sub)) context = sub;
      else direction = DIRECTION_WORD.exec(sub)?.[1];
    }
    return { items, row };
  });
  const numbered = (rows: (CandidateRow | null)[]) => rows.some((r) => r !== null && /\d/.test(r.cells.port?.text ?? ""));
  const all = read.map((r) => r.row);
  // every item a port item, and at least one with numbers: a list of sentences about dynamic ports is prose
  if (all.every((r) => r !== null) && numbered(all)) return { rows: all as CandidateRow[], rest: [] };
  const keep = new Set<number>();
  for (let i = 0; i < read.length; ) {
    let j = i;
    while (j < read.length && read[j]!.row) j++;
    const run = all.slice(i, j);
    // two port items in a row, or one that pairs a name with the ports nested under it
    if ((j - i >= 2 || read[i]?.items.length === 2) && numbered(run)) for (let k = i; k < j; k++) keep.add(k);
    i = Math.max(j, i + 1);
  }
  return {
    rows: read.filter((_, i) => keep.has(i)).map((r) => r.row!),
    rest: read.filter((_, i) => !keep.has(i)).flatMap((r) => r.items),
  };
}

/** Items, with a name followed by its nested ports ("SIP TCP/UDP" / "5060, 5061") read as one. */
function pairNamedPorts(items: readonly Cell[], section: string[], aboutPorts: boolean): { items: Cell[]; row: CandidateRow | null }[] {
  const units: { items: Cell[]; row: CandidateRow | null }[] = [];
  for (let i = 0; i < items.length; i++) {
    const next = items[i + 1];
    const row = next ? namedPortsRow(items[i]!, next, section, aboutPorts) : null;
    if (row) {
      units.push({ items: [items[i]!, next!], row });
      i++;
    } else units.push({ items: [items[i]!], row: null });
  }
  return units;
}

/** Items of a port summary list, each a candidate row carrying the list's intro as its context. */
export function summaryRows(list: ListBlock, condition?: string): CandidateRow[] {
  return listItemRows(list, condition).rows;
}

function summaryRow(item: Cell, section: string[], context: string | undefined): CandidateRow | null {
  const text = plainItem(item.text);
  const m = SUMMARY_ITEM.exec(text);
  const dynamic = m ? null : DYNAMIC_ITEM.exec(text);
  if (!m && !dynamic) return null;
  const port = m ? m[1]!.replace(/^ports?\s+/i, "").trim() : text;
  const written = (m?.[2] ?? m?.[3] ?? m?.[4] ?? m?.[5] ?? "").replace(/^for\s+/i, "").trim();
  const row: CandidateRow = { origin: "summary", section, line: item.line, cells: { port: { text: port, items: [port] } }, raw: { port }, footnotes: [] };
  if (written) {
    // "connection to the license server (outgoing; only when …)": the other end, the way, when
    const d = readDescription(written);
    if (d.purpose) row.cells.purpose = { text: d.purpose, items: [d.purpose] };
    row.raw.purpose = written;
    if (d.target) row.cells.target = { text: d.target, items: [d.target] };
    if (d.peer) row.cells.peer = { text: d.peer, items: [d.peer] };
    if (d.direction) row.cells.direction = { text: d.direction, items: [d.direction] };
    if (d.conditions.length) row.conditions = d.conditions;
    if (d.optional) row.cells.optional = { text: "optional", items: ["optional"] };
  }
  const transport = dynamic ? /\b(tcp|udp)\b/i.exec(text)?.[1]?.toLowerCase() : undefined;
  if (transport) row.transport = transport; // "high TCP ports": the words name the transport
  if (context !== undefined) {
    row.context = context;
    row.raw.direction = context;
  }
  return row;
}
