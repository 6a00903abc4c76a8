// HTML help pages (MadCap Flare, Zendesk, Confluence, static site output) to blocks. parse5 source
// locations give every block, row and list item the line it has in the original file.
import * as cheerio from "../lazy-cheerio.js";
import type { Block, ParsedDocument } from "../blocks.js";
import { SectionTrail } from "../section.js";
import { headingText } from "./cells.js";
import { type DomElement, type DomNode, isElement, lineMapper } from "./dom.js";
import { pageTitle, surveyPage } from "./survey.js";
import { walkBlocks } from "./walk.js";

function domOf(html: string, isDocument: boolean): DomNode {
  return cheerio.load(html, { sourceCodeLocationInfo: true }, isDocument).root()[0] as unknown as DomNode;
}

export function parseHtml(text: string): ParsedDocument {
  const root = domOf(text, true);
  const survey = surveyPage(root);
  const title = pageTitle(survey, headingText);
  const scope = survey.container ?? bodyOf(root);
  const blocks = walkBlocks(scope ? (scope as DomElement).children : [], {
    survey,
    lineOf: lineMapper(1),
    trail: new SectionTrail(title),
    outerSection: [],
    inArticle: survey.container !== null,
  });
  return { format: "html", title, meta: {}, blocks };
}

/** Raw HTML inside a Markdown page (a <table> block): lines offset to the page, the page's trail kept. */
export function parseHtmlFragment(html: string, firstLine: number, section: string[]): Block[] {
  const root = domOf(html, false) as DomElement;
  return walkBlocks(root.children, {
    survey: surveyPage(root),
    lineOf: lineMapper(firstLine),
    trail: new SectionTrail(null),
    outerSection: section,
    inArticle: true,
  });
}

function bodyOf(root: DomNode): DomElement | null {
  const html = (root as DomElement).children.find((c): c is DomElement => isElement(c) && c.name === "html");
  return html?.children.find((c): c is DomElement => isElement(c) && c.name === "body") ?? null;
}
