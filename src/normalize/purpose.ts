// Purpose cells to purpose items. Items are what the source separated (line breaks, list items);
// pages converted from HTML lose those separators, leaving runs of two or more spaces or, worse,
// one space. For the one-space case only two unambiguous seams are cut: a phrase that closes on a
// parenthesis or a version number followed by a new capitalised phrase ("… (RPC) Remote registry",
// "SMB 2.0/3.0 Video files copy"), and "X, used for Y".
import { cleanText, splitTrailingCondition } from "./text.js";

const DOUBLE_SPACE = /\s{2,}/;
const CLOSED_PHRASE_SEAM = /(?<=\)|\b\d+(?:\.\d+)+(?:\/\d+(?:\.\d+)+)*)\s(?=[A-Z][a-z]+\s+[a-z])/g;
const USED_FOR_SEAM = /,\s+(?=(?:used|required|needed)\s+(?:for|to|by)\b)/gi;

export function purposeItems(items: readonly string[]): string[] {
  return items
    .flatMap((item) => {
      const spaced = item.replace(/\u00a0/g, " ");
      if (DOUBLE_SPACE.test(spaced.trim())) return spaced.split(DOUBLE_SPACE);
      return spaced.split(CLOSED_PHRASE_SEAM);
    })
    .flatMap((item) => item.split(USED_FOR_SEAM))
    .map(cleanText)
    .filter(Boolean);
}

/** A purpose that closes on a condition, "Catalog callbacks (only if indexing is enabled)" or
 * "DTLS tunnel (optional)": the condition, the purpose kept as written. */
export function purposeConditions(items: readonly string[]): string[] {
  return items.flatMap((item) => {
    const { condition } = splitTrailingCondition(item);
    return condition !== null && PURPOSE_CONDITION.test(condition) ? [condition] : [];
  });
}

const PURPOSE_CONDITION = /^(?:optional|only|if|when|unless|required (?:only|if|when))\b/i;
