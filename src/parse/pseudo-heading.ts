// Converted pages often mark a sub-section with a bold line or a bare title line over a table
// instead of a heading ("**Dell Arrays Additional Firewall Rules**"). One reading for the Markdown and
// HTML parsers, so the same page gives the same sections in both. Such a heading ranks below every
// real one: the next pseudo-heading replaces it, the next real heading closes it.
import { isCaption, isPageIndexLabel } from "./text/labels.js";

export const PSEUDO_HEADING_DEPTH = 7;
const MAX_CHARS = 100;
const MAX_WORDS = 14;
// A bold "Note …" is an aside, not a section.
const LABEL_WORDS = /^(?:note|tip|important|warning|caution|info|remember|recommended|example|see also)\b/i;
// A line ending with ':' introduces what follows; one ending with '.' is a sentence.
const TERMINAL_PUNCTUATION = /[.:;,!?\u2026]$/;
// Title case leaves these in lower case ("Rules for Integration between A and B").
const FUNCTION_WORDS = /^(?:with|from|into|onto|over|under|about|between|through|within|without|when|that|this|than|using|across|after|before|during|upon|via)$/i;

/** Could this one-line text stand for a heading at all (bold or not)? Captions and labels cannot. */
export function mayStandForHeading(text: string): boolean {
  if (!text || text.length > MAX_CHARS || !/\p{L}/u.test(text) || TERMINAL_PUNCTUATION.test(text)) return false;
  return !LABEL_WORDS.test(text) && !isCaption(text) && !isPageIndexLabel(text);
}

/** Written like a title: most words of four letters or more capitalized, two of them at least. */
export function isTitleLine(text: string): boolean {
  const all = text.split(" ");
  const words = all.filter((w) => /^\p{L}{4,}/u.test(w) && !FUNCTION_WORDS.test(w));
  return words.length >= 2 && all.length <= MAX_WORDS && words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length >= 0.75;
}
