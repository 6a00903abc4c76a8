// The block walk: one pass over the article, in document order. Inline content gathers into the
// current paragraph; a block element ends it. Headings move the section trail; tables and lists
// become blocks of their own; chrome is skipped unless it holds a table (tables are never dropped).
import type { Block, ListBlock } from "../blocks.js";
import type { SectionTrail } from "../section.js";
import { BLOCK_TAGS, headingText, listItems } from "./cells.js";
import { isChrome, isChromeText, REMOVED } from "./chrome.js";
import { type DomElement, type DomNode, isElement, isText, type LineOf, MAX_DEPTH, textNodesOf } from "./dom.js";
import type { Survey } from "./survey.js";
import { tableBlocks } from "./table-grid.js";
import { ProseCollector, superscript } from "./text.js";

export interface WalkContext {
  survey: Survey;
  lineOf: LineOf;
  trail: SectionTrail;
  /** the trail of the page around a fragment, put before the fragment's own headings */
  outerSection: string[];
  /** inside the article container, where <header>/<footer> belong to the topic */
  inArticle: boolean;
}

export function walkBlocks(nodes: DomNode[], ctx: WalkContext): Block[] {
  const walker = new BlockWalker(ctx);
  walker.visitAll(nodes, false, 0);
  walker.endParagraph();
  return walker.blocks;
}

class BlockWalker {
  readonly blocks: Block[] = [];
  private readonly prose = new ProseCollector();

  constructor(private readonly ctx: WalkContext) {}

  private section(): string[] {
    return [...this.ctx.outerSection, ...this.ctx.trail.current()];
  }

  visitAll(nodes: DomNode[], inSup: boolean, depth: number): void {
    for (const node of nodes) this.visit(node, inSup, depth + 1);
  }

  private visit(node: DomNode, inSup: boolean, depth: number): void {
    if (isText(node)) {
      this.prose.add(inSup ? superscript(node.data) : node.data, this.ctx.lineOf(node));
      return;
    }
    if (!isElement(node) || REMOVED.has(node.name)) return;
    if (depth > MAX_DEPTH) {
      for (const text of textNodesOf(node)) this.prose.add(text.data, this.ctx.lineOf(text));
      return;
    }
    if (this.isSkippedChrome(node)) return;
    const name = node.name;
    if (name === "br") this.prose.add(" ", this.ctx.lineOf(node));
    else if (name === "pre") this.endParagraph(); // code samples, as the Markdown parser skips fenced code
    else if (/^h[1-6]$/.test(name)) {
      this.endParagraph();
      this.ctx.trail.enter(Number(name[1]), headingText(node));
    } else if (name === "table" && !this.isLayoutTable(node)) {
      this.endParagraph();
      this.pushTable(node);
    } else if (name === "ul" || name === "ol") {
      this.endParagraph();
      this.pushList(node);
    } else if (BLOCK_TAGS.has(name)) {
      this.endParagraph();
      this.visitAll(node.children, inSup, depth);
      this.endParagraph();
    } else this.visitAll(node.children, inSup || name === "sup", depth);
  }

  /** Chrome is skipped, except chrome that wraps a table, or a <form> that wraps the page (ASP.NET). */
  private isSkippedChrome(el: DomElement): boolean {
    if (!isChrome(el, this.ctx.inArticle)) return false;
    const { holdsTable, holdsHeading } = this.ctx.survey;
    return !(holdsTable.has(el) || (el.name === "form" && holdsHeading.has(el)));
  }

  /** A table that lays out the page (headings in its cells, or role=presentation) is read as containers. */
  private isLayoutTable(el: DomElement): boolean {
    const role = el.attribs.role;
    return role === "presentation" || role === "none" || this.ctx.survey.holdsHeading.has(el);
  }

  private pushTable(el: DomElement): void {
    const caption = el.children.find((c): c is DomElement => isElement(c) && c.name === "caption");
    if (caption) {
      this.visitAll(caption.children, false, 0);
      this.endParagraph();
    }
    this.blocks.push(...tableBlocks(el, this.section(), this.ctx.lineOf));
  }

  private pushList(el: DomElement): void {
    const tables: { el: DomElement; depth: number }[] = [];
    const items = listItems(el, this.ctx.lineOf, (t, depth) => tables.push({ el: t, depth }));
    // an unmarked account menu or search filter is chrome as a whole; a real list keeps every item
    if (items.length && !items.every((item) => isChromeText(item.text))) {
      const block: ListBlock = { kind: "list", section: this.section(), line: this.ctx.lineOf(el), intro: this.introOf(), items };
      this.blocks.push(block);
    }
    for (const t of tables) this.blocks.push(...tableBlocks(t.el, this.section(), this.ctx.lineOf, t.depth));
  }

  /** The paragraph just before a list introduces it when it ends with ':' ("Inbound to Hub:"). */
  private introOf(): string | null {
    const prev = this.blocks[this.blocks.length - 1];
    if (prev?.kind !== "prose" || prev.section.join("\u0000") !== this.section().join("\u0000")) return null;
    return /:\s*$/.test(prev.text) ? prev.text.trim() : null;
  }

  endParagraph(): void {
    const paragraph = this.prose.flush();
    if (!paragraph || isChromeText(paragraph.text)) return;
    this.blocks.push({ kind: "prose", section: this.section(), line: paragraph.line, text: paragraph.text });
  }
}
