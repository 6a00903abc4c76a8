// Which plain-text lines are headings. Plain text has no markup for them, so a heading is a line
// shaped like one (short, no closing punctuation, not a sentence cut by a hard wrap) standing where a
// heading stands: after the end of a block, and opening the next one.
import { isAdmonitionLabel, summaryShaped, type TextLine } from "./lines.js";
import { isCaption, isPageIndexLabel } from "./labels.js";

const MAX_CHARS = 80;
const MAX_WORDS = 12;
// A numbered line reads as a heading ("2. Requirements", "Step 2 – Install") only when this short.
const MAX_NUMBERED_WORDS = 6;
// A wrapped sentence often breaks after one of these; a heading never ends on one.
const TRAILING_FUNCTION_WORD =
  /\b(?:a|an|the|and|or|nor|of|to|for|with|in|on|at|by|from|as|is|are|was|be|that|which|this|these|your|our|its|their|if|when|than|via|per)$/i;

/** The line alone: could it be a heading? */
export function headingShaped(text: string, maxWords = MAX_WORDS): boolean {
  if (text.length > MAX_CHARS || !/\p{L}/u.test(text)) return false;
  if (text.split(/\s+/).length > maxWords) return false;
  if (/[.:;,!?]$/.test(text)) return false;
  if (TRAILING_FUNCTION_WORD.test(text)) return false;
  if (/^[^:]{1,40}:\s/.test(text)) return false; // "NOTE: Use SSH", "Port: 443" are statements
  if (/\b[a-z][a-z0-9+.-]*:\/\/|\bwww\./i.test(text)) return false; // a URL on its own line
  // "iOS agents" may open in lower case; a hard-wrapped sentence's tail does not carry capitals
  const firstWord = /^[^\p{L}\p{N}]*([\p{L}\p{N}][^\s]*)/u.exec(text)?.[1] ?? "";
  return !/^\p{Ll}/u.test(firstWord) || /\p{Lu}/u.test(firstWord);
}

/** Does the line at index i read as a heading, given the lines around it? `prevClosed` says whether
 * the line before ended a block the parser recognised: a heading ("Network Devices" over
 * "SSH-Based Monitoring") or the last row of a table. */
export function isHeadingAt(lines: readonly TextLine[], i: number, prevClosed: boolean): boolean {
  const l = lines[i]!;
  if (l.kind === "text" && isNotASection(l.text)) return false;
  if (l.kind === "text" && !l.keyValue && /:$/.test(l.text)) return isColonHeading(lines, i, prevClosed);
  if (l.kind === "text" && underlinedQuestion(lines, i)) return closesBefore(lines, i, prevClosed) && opensAfter(lines, i);
  if (l.kind === "text") {
    if (l.keyValue || !headingShaped(l.text) || opensSummaryRun(lines, i)) return false;
  } else if (l.kind === "numbered") {
    if (!headingShaped(l.text, MAX_NUMBERED_WORDS) || isNumberedNeighbour(lines, i)) return false;
  } else {
    return false;
  }
  return closesBefore(lines, i, prevClosed) && opensAfter(lines, i);
}

/** "In this article", "Table 3: Firewall Rules", "NOTE:": shaped like headings, heading nothing. */
function isNotASection(text: string): boolean {
  return isPageIndexLabel(text) || isCaption(text) || isAdmonitionLabel(text.replace(/\s*:$/, ""));
}

/** An RST or setext title that asks a question ("What Ports Are Needed?" over a "~~~~" rule at least
 * as long): the underline makes it a heading whatever its closing mark. Other underlined titles go
 * the ordinary way (headingShaped and a rule after). */
function underlinedQuestion(lines: readonly TextLine[], i: number): boolean {
  const l = lines[i]!;
  const rule = lines[i + 1];
  if (rule?.kind !== "rule" || rule.trimmed.length < l.text.length || l.keyValue) return false;
  return /\?$/.test(l.text) && headingShaped(l.text.replace(/\?$/, ""));
}

/** "Port 7202 (TCP) - log collection" over another such line: the first item of a summary run. */
function opensSummaryRun(lines: readonly TextLine[], i: number): boolean {
  if (!summaryShaped(lines[i]!.text)) return false;
  let j = i + 1;
  while (lines[j]?.kind === "blank") j++;
  return lines[j] !== undefined && summaryShaped(lines[j]!.text);
}

/** The line before ends a block: nothing, a blank, a rule, a heading, a table, an item, or a full sentence. */
function closesBefore(lines: readonly TextLine[], i: number, prevClosed: boolean): boolean {
  const prev = lines[i - 1];
  if (!prev || prev.kind === "blank" || prev.kind === "rule" || prevClosed) return true;
  if (prev.kind === "bullet" || prev.kind === "numbered" || prev.keyValue) return true;
  return /[.!?]["')\]]?$/.test(prev.text);
}

/** Something follows and the line is not the head of a wrapped sentence. A line followed by a blank
 * must stand alone (a one-line paragraph) to count. */
function opensAfter(lines: readonly TextLine[], i: number): boolean {
  const next = lines[i + 1];
  if (!next) return false;
  if (next.kind === "rule") return lastContent(lines) > i + 1;
  if (next.kind === "blank") {
    const prev = lines[i - 1];
    const standsAlone = !prev || prev.kind === "blank" || prev.kind === "rule";
    return standsAlone && lastContent(lines) > i;
  }
  if (next.kind === "text" && next.indent > lines[i]!.indent) return false; // an indented continuation
  return next.kind !== "text" || !/^\p{Ll}/u.test(next.text);
}

const lastContentOf = new WeakMap<readonly TextLine[], number>();

/** Index of the last line with words, computed once per document (a scan per line would be quadratic). */
function lastContent(lines: readonly TextLine[]): number {
  let last = lastContentOf.get(lines);
  if (last === undefined) {
    last = lines.findLastIndex((l) => l.kind !== "blank" && l.kind !== "rule");
    lastContentOf.set(lines, last);
  }
  return last;
}

/** A numbered line next to another numbered line is a step, not a heading. */
function isNumberedNeighbour(lines: readonly TextLine[], i: number): boolean {
  const near = (step: -1 | 1) => {
    for (let j = i + step; j >= 0 && j < lines.length; j += step) {
      if (lines[j]!.kind !== "blank") return lines[j]!;
    }
    return undefined;
  };
  const before = near(-1);
  const after = near(1);
  return before?.kind === "numbered" || after?.kind === "numbered" || after?.kind === "bullet" || wrappedItemBefore(lines, i)?.kind === "numbered";
}

/** The item whose wrapped lines end just above line i ("2. Limit the rule to the web tier," /
 * "then name it Press Render."), if any. */
function wrappedItemBefore(lines: readonly TextLine[], i: number): TextLine | undefined {
  for (let j = i - 1; j > 0 && lines[j]!.kind === "text" && !lines[j]!.keyValue; j--) {
    const prev = lines[j - 1]!;
    if (!continuesItem(prev.text, lines[j]!.text)) return undefined;
    if (prev.kind === "numbered" || prev.kind === "bullet") return prev;
    if (prev.kind !== "text") return undefined;
  }
  return undefined;
}

/** "REQUIRED PORTS:", or "Firewall Requirements:" standing alone between blank lines: a heading
 * written with a colon. A sentence ("The following ports must be open:") and a line that introduces
 * a list ("Inbound to Hub:" over "- Port 443 …") are not. */
function isColonHeading(lines: readonly TextLine[], i: number, prevClosed: boolean): boolean {
  const text = lines[i]!.text.replace(/\s*:$/, "");
  if (!headingShaped(text) || !(isUpperCase(text) || isTitleCase(text))) return false;
  let j = i + 1;
  while (lines[j]?.kind === "blank") j++;
  const next = lines[j];
  if (!next || next.kind === "bullet" || next.kind === "numbered" || summaryShaped(next.text)) return false;
  if (isUpperCase(text)) return closesBefore(lines, i, prevClosed);
  const prev = lines[i - 1];
  const alone = !prev || prev.kind === "blank" || prev.kind === "rule" || prevClosed;
  return alone && lines[i + 1]?.kind === "blank";
}

function isUpperCase(text: string): boolean {
  return /\p{Lu}.*\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

/** Every word of four letters or more opens with a capital ("Firewall Requirements", "Ports for the Hub"). */
function isTitleCase(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /^\p{L}{4,}/u.test(w));
  return words.length > 0 && words.every((w) => /^\p{Lu}/u.test(w));
}

/** An unindented line after a list item goes on with it when the item breaks off mid-sentence: it
 * ends on a comma or a function word ("… an inbound rule for"), or the line opens in lower case. */
export function continuesItem(item: string, next: string): boolean {
  if (/[.!?:;]["')\]]?$/.test(item)) return false;
  if (/^\p{Lu}/u.test(next) && headingShaped(next)) return false;
  const midSentence = /,$/.test(item) || (TRAILING_FUNCTION_WORD.test(item) && item.split(/\s+/).length >= 3);
  return midSentence || /^\p{Ll}/u.test(next);
}
