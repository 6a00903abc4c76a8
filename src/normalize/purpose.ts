// Purpose cells to purpose items. Items are what the source separated (line breaks, list items);
// pages converted from HTML lose those separators, leaving runs of two or more spaces or, worse,
// one space. For the one-space case only two unambiguous seams are cut: a phrase that closes on a
// parenthesis or a version number followed by a new capitalised phrase ("… (RPC) Remote registry",
// "SMB 2.0/3.0 Video files copy"), and "X, used for Y".
import { joinBrokenItems } from "./ports/broken-items.js";
import { cleanText, impliesOptional, splitTrailingCondition } from "./text.js";

const DOUBLE_SPACE = /\s{2,}/;
const CLOSED_PHRASE_SEAM = /(?<=\)|\b\d+(?:\.\d+)+(?:\/\d+(?:\.\d+)+)*)\s(?=[A-Z][a-z]+\s+[a-z])/g;
const USED_FOR_SEAM = /,\s+(?=(?:used|required|needed)\s+(?:for|to|by)\b)/gi;

export function purposeItems(items: readonly string[]): string[] {
  return joinBrokenItems(items, { connectors: false })
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

// A purpose cell often says when the flow is needed: "WMI enabled (optional): required for Auto
// Deploy", "Ledger sync / Optional.", "Optional, typically redirected to HTTPS", "Beacon traps. Only
// required if you want traps forwarded.", "Not needed if the proxy terminates TLS". Those words make
// the flow optional and become its conditions; the purpose keeps what the flow is for.
const OPTIONAL_WORD = String.raw`\(?\s*optional\s*\)?`;
const ONLY_OPTIONAL = new RegExp(String.raw`^${OPTIONAL_WORD}\s*[.:;,\u2013\u2014-]?\s*$`, "i");
const OPTIONAL_THEN = new RegExp(String.raw`^${OPTIONAL_WORD}\s*[.:;,\u2013\u2014-]\s*(\S.*)$`, "i");
const OPTIONAL_PREFIX = /^\(\s*optional\s*\)\s+(\S.*)$/i; // "(Optional) Provide SMTP details": still the purpose
const OPTIONAL_INSIDE = /^(.*?\S)\s*\(\s*optional\s*\)\s*[:;,\u2013\u2014-]\s*(\S.*)$/i;
const QUALIFIER_SENTENCE =
  /^(?:only\s+(?:required|needed|necessary|used|applicable)|(?:required|needed|necessary)\s+only|not\s+(?:needed|required|necessary)|(?:required|needed)\s+(?:if|when|unless)|optional\b)/i;

export interface PurposeReading {
  purpose: string[];
  conditions: string[];
  /** true when the purpose says the flow is optional or needed only sometimes */
  optional: boolean;
}

export function readPurpose(items: readonly string[]): PurposeReading {
  const out: PurposeReading = { purpose: [], conditions: [], optional: false };
  const condition = (text: string) => out.conditions.push(text.replace(/[\s.;,]+$/, ""));
  for (const item of purposeItems(items)) {
    let m: RegExpExecArray | null;
    if (ONLY_OPTIONAL.test(item)) {
      out.optional = true;
    } else if ((m = OPTIONAL_PREFIX.exec(item))) {
      out.optional = true;
      out.purpose.push(m[1]!);
    } else if ((m = OPTIONAL_THEN.exec(item))) {
      out.optional = true;
      condition(m[1]!);
    } else if ((m = OPTIONAL_INSIDE.exec(item))) {
      out.optional = true;
      out.purpose.push(m[1]!);
      condition(m[2]!);
    } else {
      const kept: string[] = [];
      for (const sentence of item.split(/(?<=[.!?])\s+(?=[A-Z])/)) {
        if (ONLY_OPTIONAL.test(sentence)) out.optional = true;
        else if (QUALIFIER_SENTENCE.test(sentence)) {
          out.optional = true;
          condition(sentence);
        } else kept.push(sentence);
      }
      if (kept.length) out.purpose.push(kept.join(" "));
    }
  }
  out.conditions.push(...purposeConditions(out.purpose));
  if (out.conditions.some(impliesOptional)) out.optional = true;
  return out;
}

// "- Windows Management Instrumentation. - Read settings* - Run `gpupdate`*": a list written inline
// in one cell. "5985 - for HTTP" inside it is one item (a number before the dash is not a bullet).
const INLINE_BULLET = /^\s*([-\u2022*])\s+(?=\S)/;

/** The items of an inline dash list, or null when the text is not one. */
export function splitInlineList(text: string): string[] | null {
  const first = INLINE_BULLET.exec(text);
  if (!first) return null;
  const bullet = first[1]!.replace(/[*]/, "\\*");
  const pieces = text.slice(first[0].length).split(new RegExp(String.raw`\s+${bullet}\s+`));
  const items: string[] = [];
  for (const piece of pieces) {
    const previous = items[items.length - 1];
    if (previous !== undefined && /^\d{1,5}$/.test(previous.trim())) items[items.length - 1] = `${previous} - ${piece}`;
    else items.push(piece);
  }
  const clean = items.map((i) => i.trim()).filter(Boolean);
  return clean.length >= 2 ? clean : null;
}
