// Text as a reader sees it. Cells and list items collapse whitespace the HTML way and keep the items
// the markup separated; prose keeps one "\n" per source line so a sentence's line can be computed
// from the block's line. Superscript footnote markers are kept recognisable ("¹", "*", "†").
import { stripMarkdownEmphasis } from "./emphasis.js";
import { joinAcrossBreak } from "./line-breaks.js";

const SUPERSCRIPT_DIGITS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079";

/** `<sup>1</sup>` reads "¹" so a marker stays bound to its word ("Server¹"); "*" and "†" stay. */
export function superscript(text: string): string {
  return text.replace(/[0-9]/g, (d) => SUPERSCRIPT_DIGITS[Number(d)]!);
}

// HTML whitespace plus the no-break space (a cell "443&nbsp;TCP" reads "443 TCP") and zero-width marks.
const SPACES = /[\s\u00a0]+/g;
const INVISIBLE = /[\u200b\u200c\u200d\u2060\ufeff\u00ad]/g;

export function collapse(text: string): string {
  return text.replace(INVISIBLE, "").replace(SPACES, " ").trim();
}

/** Items of a cell or list item: what <br>, <p>, <div>, <li> separated, each collapsed. A <br> alone
 * may only wrap a line: line-breaks.ts decides when its two pieces stay one item, and a word
 * hyphenated by hand ("Secure-<br>Transport<br>Edge") shows that every <br> of its run wraps. */
export class ItemCollector {
  private readonly items: string[] = [];
  /** pieces that only <br> separated, not yet items */
  private run: string[] = [];
  private current = "";

  add(text: string): void {
    this.current += text;
  }

  /** An item boundary (`soft`: a <br>); empty items are not kept. */
  break(soft = false): void {
    const piece = stripMarkdownEmphasis(collapse(this.current));
    this.current = "";
    if (piece) this.run.push(piece);
    // a block boundary, or "<br><br>" (a blank line), ends the run
    if (!soft || !piece) this.endRun();
  }

  finish(): string[] {
    this.break();
    return this.items.splice(0);
  }

  private endRun(): void {
    const merged: string[] = [];
    let wrapped = false;
    for (const piece of this.run) {
      const joined = merged.length ? joinAcrossBreak(merged[merged.length - 1]!, piece) : null;
      if (joined) merged[merged.length - 1] = joined.text;
      else merged.push(piece);
      wrapped ||= joined?.hyphenated === true;
    }
    this.run = [];
    if (wrapped) this.items.push(merged.join(" "));
    else this.items.push(...merged);
  }
}

/** A piece of a paragraph between two <br>, with the source line it starts on. */
export interface Segment {
  line: number;
  text: string;
}

/** The text of one paragraph, aligned to source lines: line k of the text is line start+k. The
 * pieces <br> separates are kept too ("Port: 443<br>Protocol: TCP" reads like two text lines). */
export class ProseCollector {
  private text = "";
  private start = 0;
  private line = 0;
  /** offsets in `text` where a <br> ended a piece */
  private breaks: number[] = [];

  /** A <br>: a space in the text, and the end of a piece. */
  lineBreak(line: number): void {
    if (!this.text) return;
    this.add(" ", line);
    this.breaks.push(this.text.length);
  }

  /** Appends a text node that begins on source line `line`. */
  add(raw: string, line: number): void {
    let text = raw.replace(INVISIBLE, "");
    if (!this.text) {
      const lead = /^[\s\u00a0]*/.exec(text)![0];
      if (lead.length === text.length) return; // whitespace before the first word carries nothing
      line += countNewlines(lead);
      text = text.slice(lead.length);
      this.start = this.line = line;
    } else if (line > this.line) {
      // a tag that spans lines (`<a\n href=…>`) holds newlines no text node shows
      this.text += "\n".repeat(line - this.line);
      this.line = line;
    }
    this.text += text;
    this.line += countNewlines(text);
  }

  /** The paragraph so far (null when it holds no words), and a fresh start. */
  flush(): { line: number; text: string; segments: Segment[] } | null {
    if (!this.text) return null;
    const lines = this.text.split("\n").map((l) => l.replace(SPACES, " ").trim());
    while (lines.length && !lines[lines.length - 1]) lines.pop();
    const segments = this.segments();
    this.text = "";
    this.breaks = [];
    return lines.length ? { line: this.start, text: lines.join("\n"), segments } : null;
  }

  private segments(): Segment[] {
    const out: Segment[] = [];
    let from = 0;
    for (const to of [...this.breaks, this.text.length]) {
      const piece = this.text.slice(from, to);
      const lead = /^[\s\u00a0]*/.exec(piece)![0];
      const text = collapse(piece);
      if (text) out.push({ line: this.start + countNewlines(this.text.slice(0, from) + lead), text });
      from = to;
    }
    return out;
  }
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf("\n"); i >= 0; i = s.indexOf("\n", i + 1)) n++;
  return n;
}
