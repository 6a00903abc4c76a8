// The text of a table cell or list item as separate items: block boundaries and <br> separate them,
// inline markup does not ("<b>80</b> for http" is one item). Nested tables and lists are handed back
// to the caller, which makes blocks or items of them.
import type { Cell } from "../blocks.js";
import { isPermalink, REMOVED } from "./chrome.js";
import { type DomElement, type DomNode, isElement, isText, type LineOf, MAX_DEPTH, textNodesOf } from "./dom.js";
import { ItemCollector, superscript } from "./text.js";

/** Elements whose start and end separate items. */
export const BLOCK_TAGS = new Set([
  "address", "article", "aside", "blockquote", "caption", "center", "dd", "details", "dialog", "div", "dl", "dt",
  "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
  "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
  "tr", "ul", "body", "html",
]);

export interface ItemHooks {
  /** a table inside the cell: it becomes a block of its own */
  onTable(el: DomElement, depth: number): void;
  /** a list inside a list item: its items follow the item; absent, its <li> are items of the cell */
  onList?(el: DomElement, depth: number): void;
}

/** `depth`: how deep the cell sits, counting enclosing tables and lists (bounds the recursion). */
export function cellOf(el: DomElement, line: number, hooks: ItemHooks, depth = 0): Cell {
  const collector = new ItemCollector();
  collect(el.children, collector, hooks, false, depth);
  const items = collector.finish();
  return { text: items.join(" "), items, line };
}

function collect(nodes: DomNode[], out: ItemCollector, hooks: ItemHooks, inSup: boolean, depth: number): void {
  for (const node of nodes) {
    if (isText(node)) {
      out.add(inSup ? superscript(node.data) : node.data);
      continue;
    }
    if (!isElement(node) || REMOVED.has(node.name) || isPermalink(node)) continue;
    if (depth > MAX_DEPTH) {
      for (const text of textNodesOf(node)) out.add(text.data);
      continue;
    }
    if (node.name === "br") out.break(true);
    else if (node.name === "table") {
      out.break();
      hooks.onTable(node, depth);
    } else if ((node.name === "ul" || node.name === "ol") && hooks.onList) {
      out.break();
      hooks.onList(node, depth);
    } else if (BLOCK_TAGS.has(node.name)) {
      out.break();
      collect(node.children, out, hooks, inSup, depth + 1);
      out.break();
    } else collect(node.children, out, hooks, inSup || node.name === "sup", depth + 1);
  }
}

/** Items of a <ul>/<ol>, nested lists flattened after their parent item (as the Markdown parser does). */
export function listItems(
  list: DomElement,
  lineOf: LineOf,
  onTable: ItemHooks["onTable"],
  depth = 0,
  skip: (li: DomElement) => boolean = () => false,
): Cell[] {
  const out: Cell[] = [];
  for (const li of list.children) {
    if (!isElement(li) || li.name !== "li" || skip(li)) continue;
    const nested: Cell[] = [];
    const onList = (el: DomElement, d: number) => nested.push(...listItems(el, lineOf, onTable, d + 1, skip));
    const cell = cellOf(li, lineOf(li), { onTable, onList }, depth + 1);
    if (cell.items.length) out.push(cell);
    out.push(...nested);
  }
  return out;
}

/** A heading's text on one line. */
export function headingText(el: DomElement): string {
  return cellOf(el, 0, { onTable: () => {} }).text;
}
