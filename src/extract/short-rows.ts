// Rows with fewer cells than the header. A converter that flattens rowspans drops the spanned cells,
// so the cells left shift left: "| Directory machine | TCP | 445 | … |" under From | To | Protocol |
// Port | Notes. Such a row is moved right until its port lands in the port column (and a transport
// in the protocol column), and the cells it lost are filled from the row above, as the rowspan did.
// Only an evident shift is undone: a row whose port already sits in the port column ("| 443 | TCP |",
// trailing cells left out) stays as written.
import type { Cell } from "../parse/blocks.js";
import { readProtocolCell } from "../normalize/protocol.js";
import { cleanText } from "../normalize/text.js";
import type { Role } from "./candidates.js";
import { givesPorts } from "./label-rows.js";

export interface Alignment {
  cells: Cell[];
  /** how far the cells moved right; 0 when the row stays as written */
  shifted: number;
  /** short, and no shift put its port in the port column */
  short: boolean;
}

export function alignRow(cells: readonly Cell[], width: number, roles: readonly (Role | null)[], previous: readonly Cell[] | null): Alignment {
  const port = roles.indexOf("port");
  const text = (c: Cell | undefined) => cleanText(c?.text ?? "");
  if (cells.length >= width || port < 0 || givesPorts(text(cells[port]))) return { cells: [...cells], shifted: 0, short: false };
  const protocol = roles.indexOf("protocol");
  for (let shift = 1; shift + cells.length <= width; shift++) {
    if (!previous || !previous.slice(0, shift).some((c) => text(c))) break;
    const at = (i: number) => cells[i - shift];
    if (port < shift || !givesPorts(text(at(port)))) continue;
    if (protocol >= shift && text(at(protocol)) && !isTransport(text(at(protocol)))) continue;
    return { cells: [...previous.slice(0, shift), ...cells], shifted: shift, short: false };
  }
  // a lone cell is a fragment the converter broke off; its own diagnostics say enough
  return { cells: [...cells], shifted: 0, short: cells.length >= 2 };
}

function isTransport(text: string): boolean {
  const read = readProtocolCell(text);
  return read.transports.length > 0 && read.unknown.length === 0;
}
