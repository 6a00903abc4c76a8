// Footnotes that generators put at the end of the page (GitHub-flavoured Markdown, MkDocs, Hugo,
// Pandoc, Sphinx): a cell's reference ("<sup><a href="#fn-1">1</a></sup>") links to an item far
// below the table. The item is read right after the table, as "¹ text", where a footnote under a
// table is looked for, and is not read again where it stands.
import type { ProseBlock } from "../blocks.js";
import { cellOf } from "./cells.js";
import { type DomElement, type DomNode, isElement, type LineOf, textNodesOf } from "./dom.js";
import { collapse, superscript } from "./text.js";

const REFERENCE = /^(?:\[?\d{1,2}\]?|\*{1,3}|[\u2020\u2021])$/;
const FOOTNOTE_WORDS = /footnote|endnote/i;
const FOOTNOTE_ROLES = new Set(["doc-footnote", "doc-endnote", "doc-endnotes"]);
/** How far above the target the footnotes box may be (li > ol > div.footnotes). */
const REACH = 3;

/** The footnotes a table refers to, as prose blocks in the table's section; their targets are added to `used`. */
export function footnotesOf(
  table: DomElement,
  ids: ReadonlyMap<string, DomElement>,
  section: string[],
  lineOf: LineOf,
  used: Set<DomElement>,
): ProseBlock[] {
  const out: ProseBlock[] = [];
  for (const a of anchors(table)) {
    const marker = collapse(textNodesOf(a).map((t) => t.data).join(""));
    const anchor = ids.get(decodeURIComponent((a.attribs.href ?? "").slice(1)));
    const target = anchor && blockOf(anchor);
    if (!REFERENCE.test(marker) || !target || used.has(target) || !isFootnote(target)) continue;
    used.add(target);
    const text = cellOf(target, lineOf(target), { onTable: () => {} }).text;
    if (!text) continue;
    const label = /^\d+$/.test(marker) ? superscript(marker) : marker;
    const bare = marker.replace(/[[\]]/g, "");
    // Sphinx and Pandoc print the label in the footnote itself ("[1] text", "1. text")
    const body = text.startsWith(marker) || text.startsWith(`[${bare}]`) ? text : `${label} ${text}`;
    out.push({ kind: "prose", section, line: lineOf(target), text: body });
  }
  return out;
}

function anchors(root: DomElement): DomElement[] {
  const out: DomElement[] = [];
  const stack: DomNode[] = [...root.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n) || n.type !== "tag") continue;
    if (n.name === "a" && (n.attribs.href ?? "").startsWith("#")) out.push(n);
    else for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}

const INLINE = new Set(["a", "span", "sup", "b", "strong", "em", "i"]);

/** The footnote itself when the link points at an anchor inside it (Word: <p><a name="_ftn1">). */
function blockOf(el: DomElement): DomElement {
  let node = el;
  while (INLINE.has(node.name) && node.parent && isElement(node.parent)) node = node.parent;
  return node;
}

function isFootnote(el: DomElement): boolean {
  let p: DomNode | null = el;
  for (let i = 0; i <= REACH && p && isElement(p); i++, p = p.parent) {
    const a = p.attribs;
    if (FOOTNOTE_ROLES.has(a.role ?? "") || "data-footnotes" in a) return true;
    if (FOOTNOTE_WORDS.test(`${a.class ?? ""} ${a.id ?? ""}`)) return true;
  }
  return false;
}
