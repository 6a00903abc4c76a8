// What heads a section in HTML: h1-h6 and role=heading elements, and the paragraphs that stand
// for headings (a bold line, a title line over a table).
import { headingText } from "./cells.js";
import { isChromeText } from "./chrome.js";
import { type DomElement, isElement, isText } from "./dom.js";
import { isEmphasised } from "./header-column.js";
import { isCaption, isPageIndexLabel } from "../text/labels.js";

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

// Pages often mark a sub-section with a bold paragraph ("<p><strong>Inbound ports</strong></p>") or a
// bare title line over a table instead of a heading: the same reading as the Markdown parser's
// pseudo-headings (and the text parser's short standing lines). It ranks below every real heading,
// so the next one replaces it. A bold "Note …" is an aside; a line ending with ':' introduces; a
// caption ("Table 3: Firewall Rules") is prose, as a <caption> is.
export const BOLD_HEADING_LEVEL = 7;
const MAX_CHARS = 100;
const TITLE_MAX_WORDS = 10;
const LABEL_WORDS = /^(?:note|tip|important|warning|caution|info|remember|recommended|example|see also)\b/i;
const TERMINAL_PUNCTUATION = /[.:;,!?\u2026]$/;

/** A paragraph that stands for a heading: wholly bold, or a title-case line right above a table. */
export function isPseudoHeading(p: DomElement): boolean {
  const bold = isEmphasised(p); // first: it gives up at the first plain word
  if (!bold && !tableFollows(p)) return false;
  const text = headingText(p);
  if (!text || text.length > MAX_CHARS || !/\p{L}/u.test(text) || TERMINAL_PUNCTUATION.test(text)) return false;
  if (LABEL_WORDS.test(text) || isChromeText(text) || isCaption(text)) return false;
  return bold || isTitleCase(text);
}

/** Most words of four letters or more capitalized, two of them at least ("Dell Arrays Firewall Rules"). */
function isTitleCase(text: string): boolean {
  const all = text.split(" ");
  const words = all.filter((w) => /^\p{L}{4,}/u.test(w));
  return words.length >= 2 && all.length <= TITLE_MAX_WORDS && words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length >= 0.75;
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
