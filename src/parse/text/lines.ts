// One plain-text line, classified by its own shape only: blank, a horizontal rule, a bullet or
// numbered item, or text; and whether it reads as "Key: value". Context (what comes before and
// after) is the parser's business.

export type LineKind = "blank" | "rule" | "bullet" | "numbered" | "text";

export interface TextLine {
  /** 1-based line in the file */
  line: number;
  kind: LineKind;
  indent: number;
  /** the whole line, trimmed */
  trimmed: string;
  /** the line as written (column positions of aligned tables count from its start) */
  raw: string;
  /** the line trimmed; for bullets the marker is removed, numbered items keep "Step 2 –" but lose "2." */
  text: string;
  /** "Key: value" shape (bullet or text lines only); admonitions ("NOTE: …") never have one */
  keyValue: { key: string; value: string } | null;
}

// "-", "*", "+", "•" and their typographic cousins, then a space.
const BULLET = /^[-*+\u2022\u25E6\u25AA\u25CF\u2023\u00B7\u2013\u2014\uF0B7]\s+(\S.*)$/;
// Word's plain-text export marks nested levels with "o" and "§", always indented or tab-separated.
const WORD_BULLET = /^[o\u00a7](?:\t|\s{2,})(\S.*)$/;
// "1. text", "2) text", "Step 3 – text", "Step 3: text", "Step 3." (the text may follow on the next line)
const NUMBERED = /^(?:(step\s+\d{1,3}\s*[.:)\u2013\u2014-]?)|\d{1,3}[.)]|[a-z]\))(?:\s+(\S.*))?$/i;
// "-", "=", "~" … and the other characters reStructuredText adorns titles with ("#####", "^^^^^").
const RULE = /^([-=_*~#^+])(?:\s*\1){2,}$/;
// Up to four words, each opening with a letter (so "Port 22 (SSH): …" is not a key), a colon, a value.
const KEY_VALUE = /^([A-Za-z(][\w()&/'.+-]*(?:[ \t]+[A-Za-z(][\w()&/'.+-]*){0,3})[ \t]*:[ \t]+(\S.*)$/;
// Asides that open like a key but are sentences: "NOTE: …", "Important: …", "For example: …".
const ADMONITION =
  /^(?:notes?|n\.?b\.?|important|warning|caution|tip|hint|info|attention|remember|reminder|danger|disclaimer|example|for example|e\.g\.?|i\.e\.?|recommended|recommendation|see also|please note)$/i;

export function splitLines(text: string): TextLine[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return source.split(/\r\n|\r|\n/).map((raw, i) => classifyLine(raw, i + 1));
}

export function classifyLine(raw: string, line: number): TextLine {
  const trimmed = raw.trim();
  const lead = raw.slice(0, raw.length - raw.trimStart().length);
  const indent = lead.replace(/\t/g, "    ").length;
  if (!trimmed) return { line, kind: "blank", indent, trimmed, raw, text: "", keyValue: null };
  if (RULE.test(trimmed)) return { line, kind: "rule", indent, trimmed, raw, text: trimmed, keyValue: null };
  const bullet = BULLET.exec(trimmed) ?? (indent > 0 || /^.\t/.test(trimmed) ? WORD_BULLET.exec(trimmed) : null);
  if (bullet) {
    const text = bullet[1]!.trim();
    return { line, kind: "bullet", indent, trimmed, raw, text, keyValue: keyValueOf(text) };
  }
  const numbered = NUMBERED.exec(trimmed);
  if (numbered) {
    // "Step 3 – …" keeps its words; a bare "3." is list syntax, as in Markdown
    const text = numbered[1] ? trimmed : (numbered[2] ?? "").trim();
    return { line, kind: "numbered", indent, trimmed, raw, text, keyValue: null };
  }
  return { line, kind: "text", indent, trimmed, raw, text: trimmed, keyValue: keyValueOf(trimmed) };
}

/** "NOTE", "Important", "For example": the label of an aside, never a heading or a key. */
export function isAdmonitionLabel(text: string): boolean {
  return ADMONITION.test(text.trim());
}

export function keyValueOf(text: string): { key: string; value: string } | null {
  const m = KEY_VALUE.exec(text);
  if (!m) return null;
  const key = m[1]!.trim();
  if (ADMONITION.test(key) || /^https?$/i.test(key)) return null;
  return { key, value: m[2]!.trim() };
}

/** A numbered line that is only its marker ("Step 1." or "2."), its words on the next line. */
export function isBareMarker(l: TextLine): boolean {
  return l.kind === "numbered" && NUMBERED.exec(l.trimmed)?.[2] === undefined;
}

// "Port 7202 (TCP) - log collection", "TCP 22 – SSH access", "Ports 137-139 (NetBIOS): name service":
// a port summary line, which KB exports often write without a bullet (extract/key-values.ts reads it).
const SUMMARY_LINE = /^(?:(?:(?:tcp|udp)\s+)?ports?\s+\d[^-\u2013\u2014:]*?|(?:tcp|udp)\s+\d[^-\u2013\u2014:]*?)\s+[-\u2013\u2014:]\s+\S/i;

export function summaryShaped(text: string): boolean {
  return SUMMARY_LINE.test(text);
}
