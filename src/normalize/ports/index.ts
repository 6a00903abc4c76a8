// Reads a port cell through the rule registry.
import { PORT_RULES } from "./rules.js";
import type { PortCellResult } from "./types.js";

export function readPortCell(text: string, items: readonly string[] = []): PortCellResult {
  const readNested = (t: string): PortCellResult => readPortCell(t, []);
  const cleaned = text.replace(/\s+/g, " ").trim();
  for (const rule of PORT_RULES) {
    const result = rule.read(cleaned, items, readNested);
    if (result) return result;
  }
  throw new Error(`no port rule read "${text}"`); // number-list reads anything with a digit; words-only the rest
}

export type { PortCellResult, PortSegment, PortIssue } from "./types.js";
export { DEFAULT_DYNAMIC_RANGE } from "./rules.js";
