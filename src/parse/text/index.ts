// Plain-text knowledge-base articles to blocks. The first line is the title; heading lines (see
// headings.ts) give a flat trail [title, heading]; runs of "Key: value" lines become key/value blocks,
// bullet and numbered lines lists (the "Inbound to Hub:" line before a list is its intro), the rest
// paragraphs whose text keeps its line breaks, so a sentence's line is block.line + its line index.
import type { Block, Cell, KeyValueBlock, ListBlock, ParsedDocument } from "../blocks.js";
import { SectionTrail } from "../section.js";
import { readHeader } from "./header.js";
import { continuesItem, isHeadingAt } from "./headings.js";
import { isBareMarker, splitLines, summaryShaped, type TextLine } from "./lines.js";
import { isPageIndexLabel } from "./labels.js";
import { findTables } from "./tables.js";

interface Paragraph {
  line: number;
  lines: string[];
  /** a blank line followed it: the next text line opens a new paragraph */
  closed: boolean;
}

export function parseText(text: string): ParsedDocument {
  const lines = splitLines(text);
  const { title, meta, start } = readHeader(lines);
  return { format: "text", title, meta, blocks: new TextBlocks(lines, title).read(start) };
}

/** The walk over the lines, with the block under construction. */
class TextBlocks {
  private readonly blocks: Block[] = [];
  private readonly trail: SectionTrail;
  private paragraph: Paragraph | null = null;
  private list: ListBlock | null = null;
  private keyValues: KeyValueBlock | null = null;

  constructor(
    private readonly lines: readonly TextLine[],
    title: string | null,
  ) {
    this.trail = new SectionTrail(title);
  }

  read(start: number): Block[] {
    const kv = keyValueLines(this.lines);
    const summaries = summaryLines(this.lines);
    const tables = findTables(this.lines);
    // the line before closed a block (the title, a heading, a table's last row): a heading may follow
    let prevClosed = start > 0;
    for (let i = start; i < this.lines.length; i++) {
      const l = this.lines[i]!;
      const table = tables.get(i);
      if (table) {
        this.flushAll();
        this.blocks.push({ ...table.table, section: this.trail.current() });
        i = table.end;
        prevClosed = true;
        continue;
      }
      // "In this article": the label of the page's own table of contents, read as nothing
      if (l.kind === "text" && isPageIndexLabel(l.text)) continue;
      const heading = isHeadingAt(this.lines, i, prevClosed);
      prevClosed = heading;
      if (heading) {
        this.flushAll();
        this.trail.enter(1, headingName(l.trimmed));
        if (this.lines[i + 1]?.kind === "rule") i++; // its underline
      } else if (l.kind === "blank" || l.kind === "rule") {
        this.flushKeyValues();
        if (this.paragraph) this.paragraph.closed = true;
        if (l.kind === "rule") this.flushAll();
      } else if (kv.has(i)) {
        i = this.addKeyValue(i);
      } else if (l.kind === "bullet" || l.kind === "numbered" || summaries.has(i)) {
        i = this.addItem(i);
      } else {
        this.addProseLine(l);
      }
    }
    this.flushAll();
    return this.blocks;
  }

  private addKeyValue(i: number): number {
    this.flushParagraph();
    this.flushList();
    const l = this.lines[i]!;
    const { text, end } = withContinuation(this.lines, i, l.keyValue!.value);
    this.keyValues ??= { kind: "keyValue", section: this.trail.current(), line: l.line, entries: [] };
    this.keyValues.entries.push({ key: l.keyValue!.key, value: text, line: l.line });
    return end;
  }

  private addItem(i: number): number {
    this.flushKeyValues();
    const l = this.lines[i]!;
    let first = l.text;
    let from = i;
    const next = this.lines[i + 1];
    if (isBareMarker(l) && next?.kind === "text") {
      first = l.text ? `${l.text} ${next.text}` : next.text; // "Step 1." with its words below
      from = i + 1;
    }
    const { text, end } = withContinuation(this.lines, from, first, l.indent, l.kind !== "text");
    if (!text) return end; // a lone "2." holds nothing
    if (!this.list) {
      const intro = this.takeIntro();
      this.flushParagraph();
      this.list = { kind: "list", section: this.trail.current(), line: l.line, intro, items: [] };
    }
    this.list.items.push(cell(text, l.line));
    return end;
  }

  private addProseLine(l: TextLine): void {
    this.flushKeyValues();
    this.flushList();
    if (this.paragraph?.closed) this.flushParagraph();
    this.paragraph ??= { line: l.line, lines: [], closed: false };
    this.paragraph.lines.push(l.text);
  }

  /** The paragraph's last line, when it ends with ':', introduces the list that follows. */
  private takeIntro(): string | null {
    const p = this.paragraph;
    if (!p || !/:$/.test(p.lines[p.lines.length - 1]!)) return null;
    const intro = p.lines.pop()!;
    if (p.lines.length === 0) this.paragraph = null;
    return intro;
  }

  private flushAll(): void {
    this.flushParagraph();
    this.flushList();
    this.flushKeyValues();
  }

  private flushParagraph(): void {
    const p = this.paragraph;
    if (p) this.blocks.push({ kind: "prose", section: this.trail.current(), line: p.line, text: p.lines.join("\n") });
    this.paragraph = null;
  }

  private flushList(): void {
    if (this.list) this.blocks.push(this.list);
    this.list = null;
  }

  private flushKeyValues(): void {
    if (this.keyValues) this.blocks.push(this.keyValues);
    this.keyValues = null;
  }
}

/** Indices of lines that belong to key/value runs: a bullet "- Port: 443" always; an unmarked
 * "Port: 443" only next to another key/value line, so a lone "Applies to: …" stays prose. */
function keyValueLines(lines: readonly TextLine[]): Set<number> {
  const out = new Set<number>();
  const shaped = (i: number) => {
    const l = lines[i];
    return l !== undefined && l.keyValue !== null && (l.kind === "bullet" || l.kind === "text");
  };
  for (let i = 0; i < lines.length; i++) {
    if (!shaped(i)) continue;
    if (lines[i]!.kind === "bullet" || shaped(i - 1) || shaped(i + 1)) out.add(i);
  }
  return out;
}

/** Lines indented deeper than the item that opened them continue it (a hard wrap): one item. A list
 * item (`unindented`) also goes on with an unindented line when it plainly breaks mid-sentence
 * ("… an inbound rule for" / "TCP port 7202."). */
function withContinuation(
  lines: readonly TextLine[],
  from: number,
  first: string,
  indent = lines[from]!.indent,
  unindented = false,
): { text: string; end: number } {
  const parts = [first];
  let end = from;
  for (let j = from + 1; j < lines.length; j++) {
    const next = lines[j]!;
    if (next.kind !== "text" || next.keyValue) break;
    if (next.indent <= indent && !(unindented && continuesItem(parts[parts.length - 1]!, next.text))) break;
    parts.push(next.text);
    end = j;
  }
  return { text: parts.join(" "), end };
}

/** Port summary lines written without a bullet ("Port 7202 (TCP) - log collection"): items when two
 * stand together, or when the line before introduces them ("Inbound to Hub:"). */
function summaryLines(lines: readonly TextLine[]): Set<number> {
  const out = new Set<number>();
  const shaped = (i: number) => lines[i]?.kind === "text" && !lines[i]!.keyValue && summaryShaped(lines[i]!.text);
  for (let i = 0; i < lines.length; i++) {
    if (!shaped(i)) continue;
    const introduced = lines[i - 1]?.kind === "text" && /:$/.test(lines[i - 1]!.text);
    if (shaped(i - 1) || shaped(i + 1) || introduced || out.has(i - 1)) out.add(i);
  }
  return out;
}

/** The section name a heading line gives: "2. Requirements" keeps its number, as a reader sees it;
 * "Required Ports:" loses its colon and "== Ports ==" its rules. */
function headingName(line: string): string {
  return line
    .replace(/\s*:$/, "")
    .replace(/^[=*#~_-]{2,}\s*|\s*[=*#~_-]{2,}$/g, "")
    .trim() || line;
}

function cell(text: string, line: number): Cell {
  return { text, items: [text], line };
}
