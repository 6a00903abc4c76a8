// The one shape every format parser produces, so that extraction and normalization are written once.
// A block keeps the section trail it sits under and the 1-based line where it starts in the file.
import type { Format } from "../model/flows.js";

/** A table cell or list item: the whole text, and its items where the source separated them
 * (`<br>`, `<p>`, `<li>`, or runs of two or more spaces in pages converted from HTML). */
export interface Cell {
  text: string;
  items: string[];
  line: number;
}

export interface TableBlock {
  kind: "table";
  section: string[];
  line: number;
  header: Cell[];
  rows: { line: number; cells: Cell[] }[];
}

export interface KeyValueBlock {
  kind: "keyValue";
  section: string[];
  line: number;
  entries: { key: string; value: string; line: number }[];
}

export interface ListBlock {
  kind: "list";
  section: string[];
  line: number;
  /** the line just before the list when it introduces it ("Inbound to Hub:"), else null */
  intro: string | null;
  items: Cell[];
}

export interface ProseBlock {
  kind: "prose";
  section: string[];
  line: number;
  text: string;
}

export type Block = TableBlock | KeyValueBlock | ListBlock | ProseBlock;

export interface ParsedDocument {
  format: Format;
  title: string | null;
  meta: Record<string, unknown>;
  blocks: Block[];
}
