// One pass over the whole page before the block walk: the <title>, the article container, the h1s,
// and which elements hold a table or a heading (so chrome that wraps a table is kept, and layout
// tables are told from data tables, without walking any subtree twice).
import { type DomElement, type DomNode, isElement, isText } from "./dom.js";
import { isChrome } from "./chrome.js";
import { collapse } from "./text.js";

export interface Survey {
  /** the <title> text, collapsed; null when absent or empty */
  titleTag: string | null;
  /** the main article container, or null: then the body minus chrome is read */
  container: DomElement | null;
  /** h1 elements in document order */
  h1s: DomElement[];
  holdsTable: Set<DomElement>;
  holdsHeading: Set<DomElement>;
  /** elements by id (the first of a repeated id), for in-page links such as footnote references */
  ids: Map<string, DomElement>;
}

// Article containers, best first: the page's main region, then an article, then the body containers
// of help-center generators (MadCap Flare, Zendesk, Confluence, static sites).
const CONTAINER_TIERS: ((el: DomElement) => boolean)[] = [
  (el) => el.name === "main" || el.attribs.role === "main" || el.attribs.id === "mc-main-content",
  (el) => el.name === "article" || el.attribs.role === "article",
  (el) => hasClass(el, "article-body") || el.attribs.id === "main-content" || hasClass(el, "wiki-content"),
  (el) => el.attribs.id === "content" || hasClass(el, "topic-content") || hasClass(el, "body-content"),
];

const HEADING = /^h[1-6]$/;

export function surveyPage(root: DomNode): Survey {
  const survey: Survey = { titleTag: null, container: null, h1s: [], holdsTable: new Set(), holdsHeading: new Set(), ids: new Map() };
  const found: (DomElement | undefined)[] = [];
  const stack: DomNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === "root") stack.push(...[...(node as DomElement).children].reverse());
    if (!isElement(node)) continue;
    if (node.name === "title" && survey.titleTag === null) survey.titleTag = collapse(textOf(node)) || null;
    if (node.name === "table") markAncestors(node, survey.holdsTable);
    // <a name="…"> is the older anchor (Word's "_ftn1" footnotes)
    const id = node.attribs.id ?? (node.name === "a" ? node.attribs.name : undefined);
    if (id && !survey.ids.has(id)) survey.ids.set(id, node);
    if (HEADING.test(node.name)) {
      markAncestors(node, survey.holdsHeading);
      if (node.name === "h1") survey.h1s.push(node);
    }
    for (let tier = 0; tier < CONTAINER_TIERS.length; tier++) {
      if (found[tier] === undefined && CONTAINER_TIERS[tier]!(node)) found[tier] = node;
    }
    // children pushed in reverse so they pop in document order
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  survey.container = found.find((el) => el !== undefined && (survey.holdsTable.has(el) || holdsWords(el))) ?? null;
  return survey;
}

function hasClass(el: DomElement, name: string): boolean {
  return (el.attribs.class ?? "").split(/\s+/).includes(name);
}

/** Marks every ancestor; stops at the first one already marked, so the whole pass stays linear. */
function markAncestors(el: DomElement, set: Set<DomElement>): void {
  for (let p = el.parent; p && isElement(p) && !set.has(p); p = p.parent) set.add(p);
}

/** An empty <main> (filled by script at view time) is no container. */
function holdsWords(el: DomElement): boolean {
  const stack: DomNode[] = [...el.children];
  while (stack.length) {
    const node = stack.pop()!;
    if (isText(node) && /\S/.test(node.data)) return true;
    if (isElement(node) && node.type === "tag") stack.push(...node.children);
  }
  return false;
}

export function textOf(el: DomElement): string {
  let out = "";
  for (const child of el.children) {
    if (isText(child)) out += child.data;
    else if (isElement(child) && child.type === "tag") out += textOf(child);
  }
  return out;
}

export function isInside(el: DomElement, ancestor: DomElement): boolean {
  for (let p: DomNode | null = el; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

/**
 * The page title: the topic title (the first h1 of the article, chrome aside) when there is one, since
 * <title> often carries the site name ("Agent Ports | Contoso Docs"); else an h1 the <title> begins
 * with (a page title kept in the page header), or holds ("KB0031337 - Agent Ports - Support Portal")
 * outside the site's header and navigation; else such an h1 when <title> names none (a portal
 * whose <title> is generic: "Knowledge Article"); else <title>.
 */
export function pageTitle(survey: Survey, h1Text: (el: DomElement) => string): string | null {
  const scope = survey.container;
  const inArticle = scope !== null;
  const texts = new Map(survey.h1s.map((h) => [h, withoutSpaceName(h, h1Text(h))]));
  for (const h of survey.h1s) {
    if (scope && !isInside(h, scope)) continue;
    if (inChrome(h, scope, inArticle)) continue;
    const text = texts.get(h);
    if (text) return text;
  }
  const framed = survey.h1s.filter((h) => texts.get(h) && !inSiteFrame(h));
  if (survey.titleTag !== null) {
    const title = survey.titleTag.toLowerCase();
    const named =
      survey.h1s.find((h) => texts.get(h) && title.startsWith(texts.get(h)!.toLowerCase())) ??
      framed.find((h) => title.includes(texts.get(h)!.toLowerCase()));
    if (named) return texts.get(named)!;
  }
  const first = framed[0];
  return first ? texts.get(first)! : survey.titleTag;
}

/** Confluence exports title a page "Space : Page" (in <span id="title-text">): the page is the title. */
function withoutSpaceName(h1: DomElement, text: string): string {
  const exported = h1.attribs.id === "title-heading" || h1.children.some((c) => isElement(c) && c.attribs.id === "title-text");
  const m = exported ? /^.+? : (.+)$/.exec(text) : null;
  return m ? m[1]!.trim() : text;
}

const SITE_FRAME_TAGS = new Set(["header", "nav", "aside", "footer"]);
const SITE_FRAME_ROLES = new Set(["banner", "navigation", "complementary", "contentinfo"]);

/** Inside the site's own header, navigation or footer elements (where a logo h1 sits). */
function inSiteFrame(el: DomElement): boolean {
  for (let p = el.parent; p && isElement(p); p = p.parent) {
    if (SITE_FRAME_TAGS.has(p.name) || SITE_FRAME_ROLES.has(p.attribs.role ?? "")) return true;
  }
  return false;
}

function inChrome(el: DomElement, scope: DomElement | null, inArticle: boolean): boolean {
  for (let p = el.parent; p && p !== scope && isElement(p); p = p.parent) if (isChrome(p, inArticle)) return true;
  return false;
}
