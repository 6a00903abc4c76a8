// One small named rule per messy port-cell shape, tried in order; the first that recognises the
// cell reads it. Rules that strip a wrapper (a condition prefix, "or Custom", list bullets) read
// what is left through the whole registry again.
import type { PortCellResult, PortRule, PortSegment } from "./types.js";
import { readNumberList } from "./number-list.js";

/** The Windows default for the RPC dynamic range since Server 2008, and IANA's dynamic range. */
export const DEFAULT_DYNAMIC_RANGE = { from: 49152, to: 65535 } as const;

const NO_PORT = /^(?:[-\u2010-\u2015\u2212_*]+|n\/?a|none|not applicable|not required|no port)?$/i;
// A bullet opens the cell, and later ones follow a word, never a number ("1024 - 65535" is a range).
const FIRST_BULLET = /^[-\u2022*]\s+(?=\d)/;
const NEXT_BULLET = /(?<=[^\d\s])\s+[-\u2022*]\s+(?=\d)/g;
const CONDITION_PREFIX = /^((?:for|when|if|only|with|in|on)\b[^:\d]{2,80}):\s*(.+)$/i;
const OR_CUSTOM = /^(.*\d.*?)\s*(?:,\s*)?\bor\s+(?:a\s+|any\s+)?(?:custom|configurable|user[- ]defined|other|alternative)\b.*$/i;

const none = (rule: string, extra: Partial<PortCellResult> = {}): PortCellResult => ({
  segments: [],
  issues: [],
  empty: false,
  wordsOnly: false,
  rule,
  ...extra,
});

function withCondition(result: PortCellResult, condition: string, rule: string): PortCellResult {
  const segments: PortSegment[] = result.segments.map((s) => ({ ...s, conditions: [...s.conditions, condition] }));
  return { ...result, segments, rule: `${rule}>${result.rule}` };
}

export const PORT_RULES: readonly PortRule[] = [
  {
    name: "no-port", // "–", "-", "N/A", empty
    read: (text) => (NO_PORT.test(text.trim()) ? none("no-port", { empty: true }) : null),
  },
  {
    name: "listed-items", // "- 80 for http - 443 for https", or <br>/<li> separated items
    read: (text, items, readNested) => {
      const parts = items.length > 1 ? [...items] : splitBullets(text);
      if (parts.length < 2) return null;
      const results = parts.map((p) => readNested(p));
      return {
        segments: results.flatMap((r) => r.segments),
        issues: results.flatMap((r) => r.issues),
        empty: results.every((r) => r.empty),
        wordsOnly: results.every((r) => r.wordsOnly || r.empty) && results.some((r) => r.wordsOnly),
        rule: "listed-items",
      };
    },
  },
  {
    name: "condition-prefix", // "For Managed Service Providers: 443"
    read: (text, _items, readNested) => {
      const m = CONDITION_PREFIX.exec(text.trim());
      if (!m || !/\d/.test(m[2]!)) return null;
      return withCondition(readNested(m[2]!), m[1]!.trim(), "condition-prefix");
    },
  },
  {
    name: "or-custom", // "443 (HTTPS) or Custom"
    read: (text, _items, readNested) => {
      const m = OR_CUSTOM.exec(text.trim());
      if (!m) return null;
      return withCondition(readNested(m[1]!), "a custom port may be used", "or-custom");
    },
  },
  {
    name: "dynamic-range-in-words", // "RPC Dynamic Range": the numbers are not in the text
    read: (text) => {
      if (/\d/.test(text) || !/\b(dynamic|ephemeral)\b/i.test(text)) return null;
      return {
        segments: [{ ports: [{ ...DEFAULT_DYNAMIC_RANGE, dynamic: true, assumed: true }], protocol: null, service: null, conditions: [] }],
        issues: [
          {
            code: "port-range-assumed",
            message: `"${text.trim()}" gives no numbers; assumed ${DEFAULT_DYNAMIC_RANGE.from}-${DEFAULT_DYNAMIC_RANGE.to}, the Windows and IANA dynamic range`,
            actual: text,
          },
        ],
        empty: false,
        wordsOnly: false,
        rule: "dynamic-range-in-words",
      };
    },
  },
  {
    name: "words-only", // "Predefined", "Any", "Configurable"
    read: (text) => (/\d/.test(text) ? null : none("words-only", { wordsOnly: true })),
  },
  { name: "number-list", read: (text) => readNumberList(text) },
];

/** "- 80 for http - 443 for https" → ["80 for http", "443 for https"]; not a bulleted cell: [] */
function splitBullets(text: string): string[] {
  if (!FIRST_BULLET.test(text)) return [];
  const parts = text.replace(FIRST_BULLET, "").split(NEXT_BULLET).map((p) => p.trim()).filter(Boolean);
  return parts.length >= 2 ? parts : [];
}
