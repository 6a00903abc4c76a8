// <dl> definition lists. Terms that name fields ("Port", "Protocol:", "Direction") with their
// definitions are key/value blocks, a new block starting where a field repeats (one record after
// another in the same list). Other terms ("TCP 9273", "Vault node") make a list of "term – definition"
// items, which reads like a summary list ("TCP 9273 – Metrics exporter"). A single field pair stays
// prose, as a lone "Applies to: …" line does in plain text.
import type { Block, Cell, KeyValueBlock } from "../blocks.js";
import { keyValueOf } from "../text/lines.js";
import { cellOf } from "./cells.js";
import { childElements, type DomElement, type LineOf } from "./dom.js";

interface Pair {
  term: Cell;
  definitions: Cell[];
}

/** Blocks for the list, or null when it should be read as prose. Tables inside go to `onTable`. */
export function definitionListBlocks(
  dl: DomElement,
  section: string[],
  lineOf: LineOf,
  intro: () => string | null,
  onTable: (el: DomElement, depth: number) => void,
): Block[] | null {
  const pairs = pairsOf(dl, lineOf, onTable).filter((p) => p.term.text);
  if (pairs.length === 0) return null;
  const keys = pairs.map((p) => keyValueOf(`${p.term.text.replace(/\s*:$/, "")}: x`)?.key ?? null);
  if (keys.every((k) => k !== null)) {
    if (pairs.length < 2) return null;
    return keyValueBlocks(pairs, keys as string[], section);
  }
  const items = pairs.map((p) => {
    const definition = p.definitions.map((d) => d.text).filter(Boolean).join(" ");
    const text = definition ? `${p.term.text} \u2013 ${definition}` : p.term.text;
    return { text, items: [text], line: p.term.line };
  });
  return [{ kind: "list", section, line: lineOf(dl), intro: intro(), items }];
}

function keyValueBlocks(pairs: Pair[], keys: string[], section: string[]): KeyValueBlock[] {
  const blocks: KeyValueBlock[] = [];
  let seen = new Set<string>();
  pairs.forEach((pair, i) => {
    const key = keys[i]!;
    const value = pair.definitions.map((d) => d.text).filter(Boolean).join(" ");
    if (!blocks.length || seen.has(key.toLowerCase())) {
      blocks.push({ kind: "keyValue", section, line: pair.term.line, entries: [] });
      seen = new Set();
    }
    seen.add(key.toLowerCase());
    blocks[blocks.length - 1]!.entries.push({ key, value, line: pair.term.line });
  });
  return blocks;
}

/** dt/dd in order; HTML allows each group wrapped in a <div>. Several dt before a dd share it. */
function pairsOf(dl: DomElement, lineOf: LineOf, onTable: (el: DomElement, depth: number) => void): Pair[] {
  const pairs: Pair[] = [];
  const children = childElements(dl).flatMap((c) => (c.name === "div" ? childElements(c) : [c]));
  for (const el of children) {
    if (el.name === "dt") {
      const term = cellOf(el, lineOf(el), { onTable });
      const last = pairs[pairs.length - 1];
      if (last && last.definitions.length === 0) {
        last.term = { text: `${last.term.text} ${term.text}`.trim(), items: [...last.term.items, ...term.items], line: last.term.line };
      } else pairs.push({ term, definitions: [] });
    } else if (el.name === "dd") {
      const definition = cellOf(el, lineOf(el), { onTable });
      if (pairs.length === 0) pairs.push({ term: { text: "", items: [], line: definition.line }, definitions: [] });
      pairs[pairs.length - 1]!.definitions.push(definition);
    }
  }
  return pairs;
}
