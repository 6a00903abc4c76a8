// What heads a section in HTML: h1-h6 and role=heading elements, and the paragraphs that stand
// for headings (a bold line, a title line over a table).
import { headingText } from "./cells.js";
import { isChromeText } from "./chrome.js";
import { type DomElement, isElement, isText } from "./dom.js";
import { isEmphasised } from "./header-column.js";
import { isPageIndexLabel } from "../text/labels.js";
import { isTitleLine, mayStandForHeading, PSEUDO_HEADING_DEPTH } from "../pseudo-heading.js";

/** h1-h6, or an element with role=heading (its aria-level, 2 when absent). The label of an in-page
 * table of contents ("In this article") heads no section: null, so it is read as (dropped) chrome text. */
export function headingLevel(el: DomElement): number | null {
  const level = markedLevel(el);
  return level !== null && isPageIndexLabel(headingText(el)) ? null : level;
}

function markedLevel(el: DomElement): number | null {
  if (/^h[1-6]$/.test(el.name)) return Number(el.name[1]);
  if (el.attribs.role !== "heading") return null;
  const level = Number.parseInt(el.attribs["aria-level"] ?? "", 10);
  return level >= 1 && level <= 6 ? level : 2;
}

// A bold paragraph ("<p><strong>Inbound ports</strong></p>") or a bare title line over a table
// stands for a heading, read as the Markdown parser reads it (src/parse/pseudo-heading.ts).
export const BOLD_HEADING_LEVEL = PSEUDO_HEADING_DEPTH;

/** A paragraph that stands for a heading: wholly bold, or a title-case line right above a table. */
export function isPseudoHeading(p: DomElement): boolean {
  const bold = isEmphasised(p); // first: it gives up at the first plain word
  if (!bold && !tableFollows(p)) return false;
  const text = headingText(p);
  if (!mayStandForHeading(text) || isChromeText(text)) return false;
  return bold || isTitleLine(text);
}

/** The next element is a table (or a wrapper around one), or a paragraph and then a table. */
function tableFollows(p: DomElement): boolean {
  const next = nextElement(p);
  if (!next) return false;
  if (holdsTableFirst(next)) return true;
  const after = next.name === "p" ? nextElement(next) : null;
  return after !== null && holdsTableFirst(after);
}

function nextElement(el: DomElement): DomElement | null {
  const siblings = (el.parent as DomElement | null)?.children ?? [];
  for (let i = siblings.indexOf(el) + 1; i < siblings.length; i++) {
    const s = siblings[i]!;
    if (isElement(s)) return s;
    if (isText(s) && /\S/.test(s.data)) return null;
  }
  return null;
}

/** A table, or a wrapper ("table-wrap", "md-typeset__scrollwrap") whose first element is one. */
function holdsTableFirst(el: DomElement, depth = 0): boolean {
  if (el.name === "table") return true;
  if (depth >= 2 || el.name !== "div") return false;
  const first = el.children.find(isElement);
  return first !== undefined && holdsTableFirst(first, depth + 1);
}
