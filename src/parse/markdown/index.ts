// Markdown (CommonMark + GFM + front matter) to blocks. Positions come from the mdast, so every
// block, row and list item keeps the line it has in the original file.
import type { Heading, List, Nodes, Paragraph, Root, RootContent, Table } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { parseYaml } from "../front-matter.js";
import type { Block, Cell, ParsedDocument, TableBlock } from "../blocks.js";
import { SectionTrail } from "../section.js";
import { isTitleLine, mayStandForHeading, PSEUDO_HEADING_DEPTH } from "../pseudo-heading.js";
import { repairMarkdown } from "./repair.js";

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ["yaml"]);

const BR = /^<br\s*\/?>$/i;
// Docusaurus admonition fences (":::note", ":::tip Title", ":::") carry no words of their own.
const ADMONITION_FENCE = /^:::[\w-]*.*$/gm;

export interface MarkdownHooks {
  /** parses raw HTML blocks (an HTML table inside Markdown); absent: the block is read as prose */
  parseHtmlFragment?: (html: string, firstLine: number, section: string[]) => Block[];
}

export function parseMarkdown(text: string, hooks: MarkdownHooks = {}): ParsedDocument {
  const repaired = repairMarkdown(text);
  const tree = processor.parse(repaired.text) as Root;
  const { title, meta } = headOf(tree);
  const trail = new SectionTrail(title);
  const blocks: Block[] = [];
  const lineOf: LineOf = (node) => {
    const line = node.position?.start.line ?? 1;
    return repaired.originalLine[line - 1] ?? line;
  };
  walk(tree.children, trail, blocks, { hooks, lineOf });
  return { format: "markdown", title, meta, blocks };
}

/** Title and front matter: the front matter `title`, else the first top-level h1. */
export function headOf(tree: Root): Pick<ParsedDocument, "title" | "meta"> {
  const meta: Record<string, unknown> = {};
  let title: string | null = null;
  const first = tree.children[0];
  if (first?.type === "yaml") {
    for (const [k, v] of Object.entries(safeYaml(first.value))) {
      if (k === "title" && typeof v === "string" && v.trim()) title = v.trim();
      else meta[k] = v;
    }
  }
  if (title === null) {
    const h1 = tree.children.find((n): n is Heading => n.type === "heading" && n.depth === 1);
    if (h1) title = proseText(h1).trim() || null;
  }
  return { title, meta };
}

// A line that may open or underline an h1; the parser has the last word on whether it does.
const H1_CANDIDATE = /^ {0,3}(?:#(?:[ \t]|$)|=+[ \t]*$)/gm;
const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** The same title and meta as parseMarkdown, parsing only the head of the page: the front matter
 * and the text up to the first h1. Pages that cannot hold a port requirement need no more. */
export function parseMarkdownHead(original: string): Pick<ParsedDocument, "title" | "meta"> {
  const text = repairMarkdown(original).text; // what parseMarkdown parses
  const frontMatter = FRONT_MATTER.exec(text)?.[0] ?? "";
  const head = headOf(processor.parse(frontMatter) as Root);
  if (head.title !== null) return head;
  for (const m of text.matchAll(H1_CANDIDATE)) {
    const lineEnd = text.indexOf("\n", m.index);
    const prefix = lineEnd < 0 ? text : text.slice(0, lineEnd + 1);
    const line = prefix.slice(prefix.lastIndexOf("\n", prefix.length - 2) + 1);
    // link references may be defined further down; then only the whole page tells the title
    if (/\[[^\]]*\]/.test(line)) return headOf(processor.parse(text) as Root);
    const found = headOf(processor.parse(prefix) as Root);
    if (found.title !== null) return found;
  }
  return head;
}

function safeYaml(source: string): Record<string, unknown> {
  try {
    const data: unknown = parseYaml(source);
    return data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  } catch {
    return {}; // broken front matter costs the title, never the document
  }
}

/** The text of a paragraph that stands for a heading, or null. */
function pseudoHeading(node: Paragraph, next?: RootContent, afterNext?: RootContent): string | null {
  if (!next) return null;
  const parts = node.children.filter((c) => !(c.type === "text" && !c.value.trim()));
  const text = proseText(node).replace(/\s+/g, " ").trim();
  if (!mayStandForHeading(text) || /\n/.test(inlineText(node).trim())) return null;
  if (parts.length === 1 && parts[0]!.type === "strong") return text;
  // a bare line reads as a title only when a table follows and most of its words are capitalized
  const tableFollows = next.type === "table" || (next.type === "paragraph" && afterNext?.type === "table");
  if (!tableFollows || !parts.every((c) => c.type === "text")) return null;
  return isTitleLine(text) ? text : null;
}

/** The original file's line of a node (the parsed text may have mended lines, see repair.ts). */
type LineOf = (node: { position?: { start: { line: number } } | undefined }) => number;

interface WalkContext {
  hooks: MarkdownHooks;
  lineOf: LineOf;
}

function walk(nodes: RootContent[], trail: SectionTrail, blocks: Block[], ctx: WalkContext): void {
  const { hooks, lineOf } = ctx;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    switch (node.type) {
      case "heading":
        trail.enter(node.depth, proseText(node));
        break;
      case "table":
        blocks.push(tableBlock(node, trail.current(), lineOf));
        break;
      case "list": {
        const prev = nodes[i - 1];
        const intro = prev?.type === "paragraph" && /:\s*$/.test(proseText(prev)) ? proseText(prev).trim() : null;
        blocks.push({ kind: "list", section: trail.current(), line: lineOf(node), intro, items: listItems(node, lineOf) });
        break;
      }
      case "paragraph": {
        const heading = pseudoHeading(node, nodes[i + 1], nodes[i + 2]);
        if (heading !== null) {
          trail.enter(PSEUDO_HEADING_DEPTH, heading);
          break;
        }
        const text = proseText(node).replace(ADMONITION_FENCE, "");
        if (text.trim()) blocks.push({ kind: "prose", section: trail.current(), line: lineOf(node), text });
        break;
      }
      case "blockquote":
        walk(node.children, trail, blocks, ctx);
        break;
      case "html":
        if (hooks.parseHtmlFragment && /<table[\s>]/i.test(node.value)) {
          blocks.push(...hooks.parseHtmlFragment(node.value, lineOf(node), trail.current()));
        } else {
          const text = node.value.replace(/<[^>]+>/g, " ");
          if (text.trim()) blocks.push({ kind: "prose", section: trail.current(), line: lineOf(node), text });
        }
        break;
      default:
        break; // code, images, thematic breaks, definitions: no port requirements
    }
  }
}

// Marks a hard break (`<br>`, trailing backslash) apart from a soft wrap, which is only a space.
const HARD_BREAK = "\u2028";

// Inline HTML that separates items in a cell, as `<br>` does: list items, paragraphs, blocks.
const ITEM_TAG = /^<\/?(?:ul|ol|li|p|div)(?:\s[^>]*)?\/?>$/i;

/** Text of inline content; soft wraps stay "\n" (so prose keeps its lines), hard breaks are marked. */
function inlineText(node: Nodes): string {
  if (node.type === "html") return BR.test(node.value.trim()) || ITEM_TAG.test(node.value.trim()) ? HARD_BREAK : "";
  if (node.type === "break") return HARD_BREAK + "\n";
  if (node.type === "image" || node.type === "imageReference") return "";
  if ("children" in node) return (node.children as Nodes[]).map(inlineText).join("");
  return toString(node);
}

function proseText(node: Nodes): string {
  return inlineText(node).replaceAll(HARD_BREAK, " ");
}

/** Items are what hard breaks separate; a soft wrap inside an item is folded to a space. */
function toCell(text: string, line: number): Cell {
  const items = text.split(HARD_BREAK).map((s) => s.replace(/\n/g, " ").trim()).filter(Boolean);
  return { text: items.join(" "), items, line };
}

function tableBlock(node: Table, section: string[], lineOf: LineOf): TableBlock {
  const [head, ...body] = node.children;
  return {
    kind: "table",
    section,
    line: lineOf(node),
    header: head ? head.children.map((c) => toCell(inlineText(c), lineOf(head))) : [],
    rows: body.map((row) => ({ line: lineOf(row), cells: row.children.map((c) => toCell(inlineText(c), lineOf(row))) })),
  };
}

function listItems(list: List, lineOf: LineOf): Cell[] {
  const out: Cell[] = [];
  for (const item of list.children) {
    const paragraphs = item.children.filter((c): c is Paragraph => c.type === "paragraph");
    const entry = toCell(paragraphs.map(inlineText).join(HARD_BREAK), lineOf(item));
    if (entry.items.length) out.push(entry);
    for (const child of item.children) if (child.type === "list") out.push(...listItems(child, lineOf));
  }
  return out;
}
