// One small named rule per messy port-cell shape, tried in order; the first that recognises the
// cell reads it. Rules that strip a wrapper (a condition prefix, "or Custom", list bullets) read
// what is left through the whole registry again.
import type { PortCellResult, PortRule, PortSegment } from "./types.js";
import { joinBrokenItems } from "./broken-items.js";
import { readNumberList } from "./number-list.js";
import { TRANSPORTS, serviceName } from "../vocabulary.js";

/** The Windows default for the RPC dynamic range since Server 2008, and IANA's dynamic range. */
export const DEFAULT_DYNAMIC_RANGE = { from: 49152, to: 65535 } as const;

const NO_PORT = /^(?:[-\u2010-\u2015\u2212_*]+|n\/?a|none|not applicable|not required|no port)?$/i;
// A bullet opens the cell, and later ones follow a word, never a number ("1024 - 65535" is a range).
const FIRST_BULLET = /^[-\u2022*]\s+(?=\d)/;
const NEXT_BULLET = /(?<=[^\d\s])\s+[-\u2022*]\s+(?=\d)/g;
const CONDITION_PREFIX = /^((?:for|when|if|only|with|in|on)\b[^:\d]{2,80}):\s*(.+)$/i;
const OR_CUSTOM = /^(.*\d.*?)\s*(?:,\s*)?\bor\s+(?:a\s+|any\s+)?(?:custom|configurable|user[- ]defined|other|alternative)\b.*$/i;
// "1,024" and "65,535" write one number with a thousands separator; "80,443" and "22,443" are lists.
// Only a single leading digit, a ",000" group, or a range with both ends grouped reads as one number.
const GROUPED_RANGE = /(?<![\d,])(\d{1,2}),(\d{3})\s*(-|\u2013|\u2014|to|through)\s*(\d{1,2}),(\d{3})(?![\d,])/gi;
const GROUPED_NUMBER = /(?<![\d,])(?:(\d),(\d{3})|(\d{1,2}),(000))(?![\d,])/g;
// "1024+", "1024 and above", ">1023", "≥ 1024", "above 1023": from there to the top of the port space.
const OPEN_ENDED_AFTER = /(?<![\d,])(\d{1,5})\s*(?:\+(?!\s*[A-Za-z\d])|(?:and|or)\s+(?:above|higher|greater|up)\b|(?:and|or)\s+over\b)/gi;
const OPEN_ENDED_BEFORE = /(?:(>=?|\u2265)\s*|\b(above|over|greater than|higher than)\s+)(\d{1,5})(?![\d,])/gi;
const TOP_PORT = 65535;
// "49152-65535 (for Windows Server 2008 and later)", "1025-5000 (Windows 2003)": when the numbers
// apply, not more numbers. "(HTTPS)" and "(dynamic)" are read as ports, "(or 8443 if …)" by alternative-port.
const TRAILING_CONDITION = /^(.*\d.*?)\s*[(\[]\s*((?:for|when|if|only|unless|except|on|with|in|where|not|required|needed|used (?:for|by|when|with)|windows|linux|unix|macos|mac os|esxi)\b[^()\[\]]*)[)\]]\s*[.,;]?$/i;
// "(for HTTPS)" after a number names its service, not when it applies
const FOR_SERVICE = /^(?:for|over|via)\s+([A-Za-z][\w-]*)$/i;
// "3343 (This port is required during a node join operation.)": a note in words, kept as a condition
const TRAILING_NOTE = /^(.*\d.*?)\s*\(\s*([A-Za-z][^()\d]*?)\s*\)\s*[.,;]?$/;
const NOTE_WORDS = 3; // words that are not port vocabulary; fewer is a qualifier ("secure IMAP")
const PORT_WORDS = /^(?:and|or|the|a|an|of|port|ports|range|default|dynamic|ephemeral|high|random|randomly|only|secure|non|ssl|tls)$/i;
// "RPC" alone in a port cell (a Windows firewall rule's port): the RPC dynamic range
const RPC_WORD = /^rpc(?:\s+dynamic(?:\s+ports?)?)?$/i;
// "RPCEPMap", "RPC Endpoint Mapper" alone in a port cell: the endpoint mapper's well-known port
const RPC_ENDPOINT_MAPPER = /^rpc[\s-]*(?:ep[\s-]*map(?:per)?|endpoint[\s-]*mapper)$/i;
const EPMAP_PORT = 135;
const ALTERNATIVE = /^(.*\d.*?)\s*[(\[]\s*or\s+((?:ports?\s+)?\d[\d\s,/-]*?)\s+((?:if|when|for|on|with|behind|unless|in|where)\b[^()\[\]]*)[)\]]\s*[.,;]?$/i;
// "8443 (configurable)", "Configurable (default 8443)", "Default 9443, configurable"
const CONFIGURABLE_NOTE = /[(\[]\s*(?:user[- ])?(?:configurable|customi[sz]able|changeable|can be changed)\b[^()\[\]]*[)\]]/i;
const CONFIGURABLE = /\b(?:user[- ])?(?:configurable|customi[sz]able|changeable|can be changed)\b/i;

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
      const parts = items.length > 1 ? joinBrokenItems(items) : splitBullets(text);
      if (parts.length === 1 && items.length > 1) {
        const whole = readNested(parts[0]!); // "Dynamic Range 49152" / "65535": one range, split by a bullet
        return { ...whole, rule: `listed-items>${whole.rule}` };
      }
      if (parts.length < 2) return null;
      const results = parts.map((p) => readNested(p));
      return {
        segments: mergeSegments(results.flatMap((r) => r.segments)),
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
    name: "alternative-port", // "443 (or 8443 if behind a proxy)": the second port only under its condition
    read: (text, _items, readNested) => {
      const m = ALTERNATIVE.exec(text.trim());
      if (!m) return null;
      const main = readNested(m[1]!);
      const alternative = withCondition(readNested(m[2]!), m[3]!.trim(), "alternative-port");
      return {
        segments: [...main.segments, ...alternative.segments],
        issues: [...main.issues, ...alternative.issues],
        empty: false,
        wordsOnly: false,
        rule: "alternative-port",
      };
    },
  },
  {
    name: "trailing-condition", // "49152-65535 (for Windows Server 2008 and later)"
    read: (text, _items, readNested) => {
      const m = TRAILING_CONDITION.exec(text.trim());
      if (!m) return null;
      const service = FOR_SERVICE.exec(m[2]!.trim());
      if (service && serviceName(service[1]!) !== null) return null; // "5985 (for HTTP)"
      return withCondition(readNested(m[1]!), m[2]!.trim(), "trailing-condition");
    },
  },
  {
    name: "configurable", // "8443 (configurable)", "Configurable (default 8443)"
    read: (text, _items, readNested) => {
      if (!/\d/.test(text) || !CONFIGURABLE.test(text)) return null;
      const rest = text
        .replace(CONFIGURABLE_NOTE, " ") // "(configurable within the console)": said by the condition
        .replace(CONFIGURABLE, " ")
        .replace(/\bdefault(?:s\s+to|\s+is)?\b\s*:?/gi, " ")
        .replace(/\(\s*\)|[(),;]+\s*$|^\s*[(),;]+/g, " ")
        .trim();
      return withCondition(readNested(rest), "a custom port may be used", "configurable");
    },
  },
  {
    name: "trailing-note", // "3343 (This port is required during a node join operation.)"
    read: (text, _items, readNested) => {
      const m = TRAILING_NOTE.exec(text.trim());
      if (!m) return null;
      const words = m[2]!.split(/[^A-Za-z]+/).filter(Boolean);
      const plain = words.filter((w) => !PORT_WORDS.test(w) && !TRANSPORTS.has(w.toLowerCase()) && serviceName(w) === null);
      if (plain.length < NOTE_WORDS) return null;
      return withCondition(readNested(m[1]!), m[2]!.replace(/[\s.;,]+$/, ""), "trailing-note");
    },
  },
  {
    name: "dynamic-range-in-words", // "RPC Dynamic Range", a bare "RPC": the numbers are not in the text
    read: (text) => {
      const words = /\b(?:dynamic|ephemeral|random(?:ly)?|high (?:\w+ )?(?:ports?|range))\b/i.test(text) || RPC_WORD.test(text.trim());
      if (/\d/.test(text) || !words) return null;
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
    name: "endpoint-mapper-in-words", // "RPCEPMap": the port is not in the text
    read: (text) => {
      if (!RPC_ENDPOINT_MAPPER.test(text.trim())) return null;
      return {
        segments: [{ ports: [{ from: EPMAP_PORT, to: EPMAP_PORT, assumed: true }], protocol: null, service: "rpc", conditions: [] }],
        issues: [{ code: "port-range-assumed", message: `"${text.trim()}" gives no number; assumed ${EPMAP_PORT}, the RPC endpoint mapper`, actual: text }],
        empty: false,
        wordsOnly: false,
        rule: "endpoint-mapper-in-words",
      };
    },
  },
  {
    name: "thousands-separator", // "1,024 - 65,535", "10,000": one number each, not a list
    read: (text, _items, readNested) => {
      const rewritten = text
        .replace(GROUPED_RANGE, (_m, a, b, dash, c, d) => `${a}${b} ${dash} ${c}${d}`)
        .replace(GROUPED_NUMBER, (_m, a, b, c, d) => `${a ?? c}${b ?? d}`);
      if (rewritten === text) return null;
      const result = readNested(rewritten);
      return { ...result, rule: `thousands-separator>${result.rule}` };
    },
  },
  {
    name: "open-ended-range", // "1024+", "1024 and above", ">1023": up to 65535
    read: (text, _items, readNested) => {
      let changed = false;
      const rewritten = text
        .replace(OPEN_ENDED_AFTER, (_m, n: string) => {
          changed = true;
          return `${n}-${TOP_PORT}`;
        })
        .replace(OPEN_ENDED_BEFORE, (_m, op: string | undefined, _word: string | undefined, n: string) => {
          changed = true;
          const from = op === ">" || op === undefined ? Number(n) + 1 : Number(n); // "> 1023" and "above 1023" exclude 1023
          return `${Math.min(from, TOP_PORT)}-${TOP_PORT}`;
        });
      if (!changed) return null;
      const result = readNested(rewritten);
      return { ...result, rule: `open-ended-range>${result.rule}` };
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

/** Segments alike in transport, service and conditions are one: "139" / "445" reads as "139 445". */
function mergeSegments(segments: readonly PortSegment[]): PortSegment[] {
  const merged: PortSegment[] = [];
  for (const s of segments) {
    const same = merged.find(
      (m) => m.protocol === s.protocol && m.service === s.service && m.conditions.join("\u0000") === s.conditions.join("\u0000"),
    );
    if (same) same.ports = [...same.ports, ...s.ports];
    else merged.push({ ...s, ports: [...s.ports] });
  }
  return merged;
}
