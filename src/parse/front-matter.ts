// YAML front matter without the cost of a YAML library on the common shape: one `key: value` per
// line with plain, quoted, boolean, null or small integer values (what docs generators write).
// Anything else goes to the `yaml` package, loaded on first need (it costs ~40 ms at start-up), so
// the result is always the one `yaml.parse` gives.
import { createRequire } from "node:module";

type YamlParse = (source: string) => unknown;
let yamlParse: YamlParse | undefined;

/** `yaml.parse(source)`: the flat shape read here, the rest by the yaml package (which may throw). */
export function parseYaml(source: string): unknown {
  const flat = parseFlatYaml(source);
  if (flat !== undefined) return flat;
  // the package's Node entry point is CommonJS, so it loads synchronously where it is needed
  yamlParse ??= (createRequire(import.meta.url)("yaml") as { parse: YamlParse }).parse;
  return yamlParse(source);
}

const LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;
// keys YAML would read as a boolean or null, or that an object cannot hold as an own plain key
const SPECIAL_KEY = /^(?:true|false|null|__proto__)$/i;
// a plain scalar may not open with an indicator
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;
const SAFE_INT = /^(?:0|-?[1-9][0-9]{0,14})$/;

/**
 * The mapping of a flat front matter block, or undefined when the block uses any YAML beyond the
 * shape above (nesting, lists, comments, escapes, floats, dates, anchors, multi-line values...).
 */
export function parseFlatYaml(source: string): Record<string, unknown> | null | undefined {
  // tabs, lone CRs, control and separator characters: left to yaml
  if (/[\t\r\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]/.test(source.replace(/\r\n/g, "\n"))) return undefined;
  const out: Record<string, unknown> = {};
  let keys = 0;
  for (const line of source.split(/\r?\n/)) {
    if (line === "") continue;
    const m = LINE.exec(line);
    if (!m) return undefined;
    const key = m[1]!;
    if (SPECIAL_KEY.test(key) || Object.hasOwn(out, key)) return undefined; // duplicates: yaml throws
    const value = scalar((m[2] ?? "").replace(/ +$/, ""));
    if (value === undefined) return undefined;
    out[key] = value;
    keys++;
  }
  return keys === 0 ? null : out; // an empty document is null in YAML
}

function scalar(text: string): unknown {
  if (text === "") return null;
  if (text.startsWith('"')) return /^"([^"\\]*)"$/.exec(text)?.[1];
  if (text.startsWith("'")) return /^'([^']*)'$/.exec(text)?.[1];
  if (INDICATOR.test(text) || text.includes(": ") || text.includes(" #") || text.endsWith(":")) return undefined;
  if (/^(?:null|Null|NULL|~)$/.test(text)) return null;
  if (/^(?:true|True|TRUE)$/.test(text)) return true;
  if (/^(?:false|False|FALSE)$/.test(text)) return false;
  if (SAFE_INT.test(text)) return Number(text);
  // anything else that opens like a number (floats, hex, octal, .inf, dates) is left to yaml
  if (/^[-+.0-9]/.test(text)) return undefined;
  return text;
}
