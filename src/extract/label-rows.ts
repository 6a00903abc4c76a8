// Label rows: a row whose only text sits in its first cell, or spans the whole row (an HTML colspan
// repeats it in every cell), groups the rows below it: "Agent to server", "**Inbound**",
// "Exchange Online". It names no port of its own. A row whose one cell is a clean port reading
// ("| 443 | | |") is a sparse row, not a label.
import type { Cell } from "../parse/blocks.js";
import { readPortCell } from "../normalize/ports/index.js";
import { cleanText } from "../normalize/text.js";

export function labelOf(cells: readonly Cell[]): string | null {
  if (cells.length < 2) return null;
  const texts = cells.map((c) => cleanText(c.text));
  const filled = texts.filter(Boolean);
  if (filled.length === 0 || new Set(filled).size !== 1) return null;
  const spansRow = filled.length === texts.length;
  if (!spansRow && !texts[0]) return null;
  const label = filled[0]!;
  return readsAsPorts(label) ? null : label;
}

/** The text reads as port numbers with nothing left over ("443", "TCP 8080", "1024-65535"). */
export function readsAsPorts(text: string): boolean {
  try {
    const cell = readPortCell(text);
    const clean = cell.issues.every((i) => i.code === "port-range-assumed");
    return clean && cell.segments.some((s) => s.ports.length > 0);
  } catch {
    return false;
  }
}

/** The text gives at least one port: read cleanly, or starting with a number ("443 (HTTPS and API)"
 * leaves words over, "Gi1/0/1" and "eth0" do not start with one). */
export function givesPorts(text: string): boolean {
  if (readsAsPorts(text)) return true;
  if (!/^\d/.test(text.trim())) return false;
  try {
    return readPortCell(text).segments.some((s) => s.ports.length > 0);
  } catch {
    return false;
  }
}
