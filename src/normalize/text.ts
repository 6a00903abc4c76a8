// Cell text as a reader sees it: Markdown escapes gone, white space folded. (Mojibake is already
// repaired when the bytes are decoded.)

export function cleanText(text: string): string {
  return text
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, "$1")
    .replace(/[\u00a0\u2007\u202f]/g, " ")
    .replace(/[\u200b\u200c\u200d\ufeff]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

const CONDITION_START = /^(?:when|if|only|unless|except|not|for|where|optional|required)\b/i;

/** Splits a trailing parenthesis that states when something applies:
 * "Activity Agent Server (when not same server)" → ["Activity Agent Server", "when not same server"]. */
export function splitTrailingCondition(text: string): { text: string; condition: string | null } {
  const m = /^(.*\S)\s*\(([^()]+)\)$/.exec(text);
  if (m && CONDITION_START.test(m[2]!.trim())) return { text: m[1]!.trim(), condition: m[2]!.trim() };
  return { text, condition: null };
}

const OPTIONAL =
  /\b(optional(ly)?|only (required|needed|necessary|if|when)|(required|needed) only|if (required|needed|applicable|used|enabled)|when (required|needed)|not (required|needed|necessary)|(does|do) not need)\b/i;

export function impliesOptional(text: string): boolean {
  return OPTIONAL.test(text);
}
