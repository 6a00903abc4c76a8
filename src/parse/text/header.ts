// The head of a plain-text article: its title (the first non-empty line), or a header of
// "Title: …" / "Article ID: …" lines as some KB exports write it, whose other keys become meta.
import type { ParsedDocument } from "../blocks.js";
import type { TextLine } from "./lines.js";

export interface TextHeader extends Pick<ParsedDocument, "title" | "meta"> {
  /** index of the first line after the head */
  start: number;
}

const TITLE_KEY = /^(?:title|subject)$/i;

export function readHeader(lines: readonly TextLine[]): TextHeader {
  const first = lines.findIndex((l) => l.kind !== "blank" && l.kind !== "rule"); // a banner rule is no title
  if (first < 0) return { title: null, meta: {}, start: lines.length };
  const fromFields = headerFields(lines, first);
  if (fromFields) return fromFields;
  const l = lines[first]!;
  // a list item or a run of "Port: 443" lines is content, not a title; a lone "Product: Network
  // Ports" line is a title
  const next = lines[first + 1];
  if (l.kind !== "text" || (l.keyValue && next?.kind === "text" && next.keyValue)) return { title: null, meta: {}, start: first };
  const underlined = lines[first + 1]?.kind === "rule";
  return { title: l.text, meta: {}, start: first + (underlined ? 2 : 1) };
}

function headerFields(lines: readonly TextLine[], first: number): TextHeader | null {
  let end = first;
  while (lines[end]?.kind === "text" && lines[end]!.keyValue) end++;
  const fields = lines.slice(first, end).map((l) => l.keyValue!);
  const title = fields.find((f) => TITLE_KEY.test(f.key));
  if (!title) return null;
  const meta: Record<string, unknown> = {};
  for (const f of fields) if (f !== title) meta[f.key] = f.value;
  return { title: title.value, meta, start: end };
}
