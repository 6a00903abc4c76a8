// The block walk: one pass over the article, in document order. Inline content gathers into the
// current paragraph; a block element ends it. Headings move the section trail; tables and lists
// become blocks of their own; chrome is skipped unless it holds a table (tables are never dropped).
import type { Block, KeyValueBlock, ListBlock, ProseBlock } from "../blocks.js";
import type { SectionTrail } from "../section.js";
import { keyValueOf } from "../text/lines.js";
import { isAriaTable } from "./aria-table.js";
import { BLOCK_TAGS, headingText, listItems } from "./cells.js";
import { inAdmonition, isChrome, isChromeText, isInPageIndex, isPermalink, isRelatedLinks, REMOVED } from "./chrome.js";
import { definitionListBlocks } from "./definition-list.js";
import { type DomElement, type DomNode, isElement, isText, type LineOf, MAX_DEPTH, textNodesOf } from "./dom.js";
import { footnotesOf } from "./footnotes.js";
import { BOLD_HEADING_LEVEL, headingLevel, isPseudoHeading } from "./headings.js";
import { preTables } from "./pre-tables.js";
import { segmentBlock } from "./segments.js";
import type { Survey } from "./survey.js";
import { isCodeTable, tableBlocks } from "./table-grid.js";
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
  /** a one-line "Key: value" paragraph that may open a run of them, and the block such a run became */
  private kvCandidate: { block: ProseBlock; entry: { key: string; value: string } } | null = null;
  private kvRun: KeyValueBlock | null = null;
  /** footnotes already read after the table that refers to them */
  private readonly usedFootnotes = new Set<DomElement>();
  /** blocks.length when a code sample was last skipped: a paragraph before it introduces nothing after it */
  private codeAt = -1;

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
    if (this.isSkippedChrome(node) || isPermalink(node) || this.usedFootnotes.has(node)) return;
    const name = node.name;
    if (name === "br") this.prose.lineBreak(this.ctx.lineOf(node));
    else if (name === "pre" || (name === "table" && isCodeTable(node))) {
      // code samples, as the Markdown parser skips fenced code; a plain-text table pasted in one is data
      this.endParagraph();
      if (name === "pre") this.blocks.push(...preTables(node, this.ctx.lineOf, this.section()));
      this.codeAt = this.blocks.length;
    } else if (headingLevel(node) && !inAdmonition(node, this.ctx.survey.container)) {
      this.endParagraph();
      this.ctx.trail.enter(headingLevel(node)!, headingText(node));
    } else if (name === "p" && isPseudoHeading(node) && !inAdmonition(node, this.ctx.survey.container)) {
      this.endParagraph(); // a level below h6: the next heading or bold line replaces it
      this.ctx.trail.enter(BOLD_HEADING_LEVEL, headingText(node));
    } else if ((name === "table" && !this.isLayoutTable(node)) || isAriaTable(node)) {
      this.endParagraph();
      this.pushTable(node);
    } else if (name === "ul" || name === "ol") {
      this.endParagraph();
      if (!isInPageIndex(node) && !isRelatedLinks(node, this.ctx.trail.current().at(-1))) this.pushList(node);
    } else if (name === "dl" && this.pushDefinitionList(node)) {
      // read as key/values or items
    } else if (BLOCK_TAGS.has(name) || headingLevel(node)) {
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
    this.blocks.push(...footnotesOf(el, this.ctx.survey.ids, this.section(), this.ctx.lineOf, this.usedFootnotes));
  }


  /** A <dl> as key/value blocks or a list; false when it reads as prose (the caller walks it). */
  private pushDefinitionList(el: DomElement): boolean {
    this.endParagraph();
    const tables: DomElement[] = [];
    const blocks = definitionListBlocks(el, this.section(), this.ctx.lineOf, () => this.introOf(), (t) => tables.push(t));
    if (!blocks) return false;
    this.blocks.push(...blocks);
    for (const t of tables) this.blocks.push(...tableBlocks(t, this.section(), this.ctx.lineOf, 1));
    return true;
  }

  private pushList(el: DomElement): void {
    const tables: { el: DomElement; depth: number }[] = [];
    const items = listItems(el, this.ctx.lineOf, (t, depth) => tables.push({ el: t, depth }), 0, (li) => this.usedFootnotes.has(li));
    // an unmarked account menu or search filter is chrome as a whole; a real list keeps every item
    if (items.length && !items.every((item) => isChromeText(item.text))) {
      const block: ListBlock = { kind: "list", section: this.section(), line: this.ctx.lineOf(el), intro: this.introOf(), items };
      this.blocks.push(block);
    }
    for (const t of tables) this.blocks.push(...tableBlocks(t.el, this.section(), this.ctx.lineOf, t.depth));
  }

  /** The paragraph just before a list introduces it when it ends with ':' ("Inbound to Hub:"). */
  private introOf(): string | null {
    if (this.codeAt === this.blocks.length) return null;
    const prev = this.blocks[this.blocks.length - 1];
    if (prev?.kind !== "prose" || prev.section.join("\u0000") !== this.section().join("\u0000")) return null;
    return /:\s*$/.test(prev.text) ? prev.text.trim() : null;
  }

  endParagraph(): void {
    const paragraph = this.prose.flush();
    if (!paragraph || isChromeText(paragraph.text)) return;
    const section = this.section();
    const shaped = segmentBlock(paragraph.segments, section);
    if (shaped) this.blocks.push(shaped);
    else this.pushProse({ kind: "prose", section, line: paragraph.line, text: paragraph.text });
  }

  /** One-line "Key: value" paragraphs in a row ("<p><b>Port:</b> 443</p><p><b>Protocol:</b> TCP</p>")
   * are one key/value block, as such lines are in plain text. */
  private pushProse(block: ProseBlock): void {
    const entry = block.text.includes("\n") ? null : keyValueOf(block.text);
    const last = this.blocks[this.blocks.length - 1];
    const same = last !== undefined && last.section.join("\u0000") === block.section.join("\u0000");
    if (entry && same && last === this.kvRun) {
      this.kvRun.entries.push({ ...entry, line: block.line });
      return;
    }
    if (entry && same && last === this.kvCandidate?.block) {
      const first = this.kvCandidate;
      this.kvRun = { kind: "keyValue", section: block.section, line: first.block.line, entries: [{ ...first.entry, line: first.block.line }, { ...entry, line: block.line }] };
      this.blocks[this.blocks.length - 1] = this.kvRun;
      this.kvCandidate = null;
      return;
    }
    this.blocks.push(block);
    this.kvCandidate = entry ? { block, entry } : null;
  }
}
