// The title of an HTML page without parse5: a light tag scanner builds the element tree of a page
// written plainly (every element closed where it opens, nothing the HTML tree builder would move),
// then the HTML parser's own survey and title rule (html/survey.ts) read it. Wherever parse5 could
// build a different tree (a misnested or implied end tag, a <p> holding a block, text or a stray
// element inside a table, foreign content, raw-text elements other than script/style/title, an entity
// this file does not know...), the scanner gives up and the page is parsed for real. So the title is
// always the one parseHtml gives, only cheaper on plain pages.
import { headingText } from "./html/cells.js";
import type { DomElement, DomNode, DomText } from "./html/dom.js";
import { pageTitle, surveyPage } from "./html/survey.js";

/** The page title as parseHtml gives it, or null when the page is not plain enough to be sure. */
export function htmlHead(text: string): { title: string | null; meta: Record<string, unknown> } | null {
  const root = plainTree(text);
  if (!root) return null;
  return { title: pageTitle(surveyPage(root), headingText), meta: {} };
}

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param"]);
/** Elements whose tree building parse5 special-cases in ways this scanner does not follow. */
const GIVE_UP = new Set([
  "math", "template", "frameset", "frame", "plaintext", "xmp", "iframe", "noembed", "noframes", "noscript",
  "textarea", "select", "option", "optgroup", "datalist", "image", "isindex", "keygen", "basefont", "bgsound",
  "rb", "rp", "rt", "rtc", "menuitem", "listing",
]);
const HEAD_CONTENT = new Set(["base", "link", "meta", "title", "style", "script"]);
/** Start tags that close an open <p> (HTML tree construction, "in body"). */
const CLOSES_P = new Set([
  "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
  "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "search", "section",
  "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "form", "li", "dd", "dt", "table", "hr",
]);
const HEADING = /^h[1-6]$/;
/** HTML start tags that end SVG content (parse5 pops out of foreign content for them). */
const BREAKS_OUT_OF_SVG = new Set([
  "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2", "h3",
  "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s",
  "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var", "font",
  "script", "style", "math", "template",
]);
/** SVG elements whose content is HTML again. */
const SVG_HTML_POINTS = new Set(["foreignobject", "desc", "title"]);
/** Elements that parse5 closes or ignores when one of the same name is already open. */
const NO_NESTING = new Set(["a", "nobr", "button", "form"]);
/** What a table part may hold directly; anything else would be moved out of the table. */
const TABLE_CHILDREN: Record<string, Set<string>> = {
  table: new Set(["caption", "colgroup", "thead", "tbody", "tfoot", "tr", "script", "style"]),
  thead: new Set(["tr", "script", "style"]),
  tbody: new Set(["tr", "script", "style"]),
  tfoot: new Set(["tr", "script", "style"]),
  tr: new Set(["td", "th", "script", "style"]),
  colgroup: new Set(["col"]),
};
/** Table parts and the parents they need (outside a table parse5 drops their tags). */
const TABLE_PARENTS: Record<string, Set<string>> = {
  caption: new Set(["table"]),
  colgroup: new Set(["table"]),
  col: new Set(["colgroup"]),
  thead: new Set(["table"]),
  tbody: new Set(["table"]),
  tfoot: new Set(["table"]),
  tr: new Set(["table", "thead", "tbody", "tfoot"]),
  td: new Set(["tr"]),
  th: new Set(["tr"]),
};

const WS = "[\\t\\n\\f\\r ]";
const START_TAG = new RegExp(
  `<([a-zA-Z][^\\t\\n\\f\\r />\\0]*)((?:${WS}+[^\\t\\n\\f\\r />"'<=\\0]+(?:${WS}*=${WS}*(?:"[^"\\0]*"|'[^'\\0]*'|[^\\t\\n\\f\\r >"'<=\`\\0]+))?)*)${WS}*(/?)>`,
  "y",
);
const ATTRIBUTE = new RegExp(`${WS}+([^\\t\\n\\f\\r />"'<=\\0]+)(?:${WS}*=${WS}*(?:"([^"\\0]*)"|'([^'\\0]*)'|([^\\t\\n\\f\\r >"'<=\`\\0]+)))?`, "g");
const END_TAG = new RegExp(`</([a-zA-Z][^\\t\\n\\f\\r />\\0]*)${WS}*>`, "y");
const DOCTYPE = /<!doctype[^>]*>/iy;
const RAW_TEXT_END: Record<string, RegExp> = {
  script: /<\/script[\t\n\f\r />]/gi,
  style: /<\/style[\t\n\f\r />]/gi,
  title: /<\/title[\t\n\f\r />]/gi,
};

class GiveUp extends Error {}
const giveUp = (): never => {
  throw new GiveUp();
};

/** The element tree of a plainly written page, shaped as cheerio's (domhandler) nodes; null if unsure. */
export function plainTree(text: string): DomNode | null {
  if (text.includes("\0")) return null;
  try {
    return new Scanner(text).run();
  } catch (err) {
    if (err instanceof GiveUp) return null;
    throw err;
  }
}

class Scanner {
  private readonly root: DomElement = { type: "root", name: "", attribs: {}, children: [], parent: null };
  private readonly stack: DomElement[] = [];
  /** a <colgroup> parse5 implies around <col> tags written directly in a <table> */
  private impliedColgroup: DomElement | null = null;
  /** open SVG elements (foreign content: other tree rules, self-closing tags honoured) */
  private readonly svg = new Set<DomElement>();
  private pos = 0;
  private sawElement = false;
  /** an element or text that belongs in <body> was seen (parse5 then implies <body>) */
  private bodyContent = false;
  private sawHead = false;
  private sawOtherThanHtml = false;
  private sawBody = false;
  /** </body> or </html> was seen: parse5 would move anything after it back into <body> */
  private closed = false;

  constructor(private readonly text: string) {}

  run(): DomNode {
    const t = this.text;
    while (this.pos < t.length) {
      const lt = t.indexOf("<", this.pos);
      if (lt < 0) {
        this.addText(t.slice(this.pos));
        break;
      }
      if (lt > this.pos) this.addText(t.slice(this.pos, lt));
      this.pos = lt;
      const next = t.charCodeAt(lt + 1);
      if (next === 0x21 /* ! */) this.markup();
      else if (next === 0x2f /* / */) this.endTag();
      else if (isAsciiAlpha(next)) this.startTag();
      else if (next === 0x3f /* ? */) this.bogusComment(); // "<?xml …?>"
      else {
        this.addText("<"); // "a < b": a literal "<"
        this.pos = lt + 1;
      }
    }
    return this.root;
  }

  private current(): DomElement {
    return this.stack[this.stack.length - 1] ?? this.root;
  }

  private append(node: DomNode): void {
    const parent = this.current();
    node.parent = parent;
    parent.children.push(node);
  }

  private addText(raw: string): void {
    const data = decodeText(raw);
    // HTML whitespace only (a no-break space is not): where text goes is decided by that
    if (/[^\t\n\f\r ]/.test(data)) {
      const top = this.current().name;
      if (this.closed || top === "head" || TABLE_CHILDREN[top]) giveUp(); // moved elsewhere by parse5
      if (!this.sawBody) this.bodyContent = true;
    }
    const last = this.current().children.at(-1);
    if (last?.type === "text") (last as DomText).data += data; // one text node, as parse5 makes it
    else this.append({ type: "text", data, parent: null } as DomText);
  }

  /** Comments and the doctype; nothing else that opens with "<!". */
  private markup(): void {
    const t = this.text;
    if (t.startsWith("<!--", this.pos)) {
      const end = t.indexOf("-->", this.pos + 4);
      if (end < 0) giveUp();
      const body = t.slice(this.pos + 4, end);
      if (body.startsWith(">") || body.startsWith("->") || body.includes("--!>")) giveUp(); // abrupt or odd endings
      this.pos = end + 3;
      return;
    }
    DOCTYPE.lastIndex = this.pos;
    const m = DOCTYPE.exec(t);
    if (!m || this.sawElement || this.bodyContent) giveUp();
    this.pos += m![0].length;
  }

  /** "<?…>" is a comment to parse5, ended by the first ">". */
  private bogusComment(): void {
    const end = this.text.indexOf(">", this.pos);
    if (end < 0) giveUp();
    this.pos = end + 1;
  }

  private endTag(): void {
    END_TAG.lastIndex = this.pos;
    const m = END_TAG.exec(this.text);
    if (!m) giveUp();
    const name = m![1]!.toLowerCase();
    this.closeImpliedColgroup(name);
    // only the innermost open element may close: anything else makes parse5 imply or ignore tags
    if (this.current().name !== name || this.stack.length === 0) giveUp();
    this.stack.pop();
    if (name === "body" || name === "html") this.closed = true;
    this.pos += m![0].length;
  }

  private startTag(): void {
    START_TAG.lastIndex = this.pos;
    const m = START_TAG.exec(this.text);
    if (!m) giveUp();
    const name = m![1]!.toLowerCase();
    this.pos += m![0].length;
    this.closeImpliedColgroup(name);
    if (name === "col" && this.current().name === "table") this.openImpliedColgroup();
    const inSvg = this.svg.has(this.current());
    if (inSvg) this.checkSvgPlacement(name);
    else this.checkPlacement(name);
    this.sawElement = true;
    const el = {
      type: name === "script" || name === "style" ? name : "tag",
      name,
      attribs: attributesOf(m![2]!),
      children: [],
      parent: null,
    } as DomElement;
    this.append(el);
    if (inSvg || name === "svg") {
      if (m![3]) return; // "<path … />" is closed in SVG
      this.svg.add(el);
      this.stack.push(el);
      return;
    }
    if (name === "script" || name === "style" || name === "title") {
      this.rawText(el);
      return;
    }
    if (!VOID.has(name)) this.stack.push(el);
  }

  private openImpliedColgroup(): void {
    const colgroup = { type: "tag", name: "colgroup", attribs: {}, children: [], parent: null } as unknown as DomElement;
    this.append(colgroup);
    this.stack.push(colgroup);
    this.impliedColgroup = colgroup;
  }

  /** Any tag but another <col> ends an implied <colgroup> (then the table takes the tag). */
  private closeImpliedColgroup(next: string): void {
    if (this.impliedColgroup && this.current() === this.impliedColgroup && next !== "col") {
      this.stack.pop();
      this.impliedColgroup = null;
    }
  }

  /** Inside SVG only SVG elements are kept simple; an HTML element there gives up. */
  private checkSvgPlacement(name: string): void {
    if (BREAKS_OUT_OF_SVG.has(name) || SVG_HTML_POINTS.has(this.current().name)) giveUp();
  }

  /** Gives up wherever parse5 would not simply append the element to the innermost open one. */
  private checkPlacement(name: string): void {
    const top = this.current().name;
    const open = (n: string) => this.stack.some((e) => e.name === n);
    const lastIndex = (names: string[]) => this.stack.findLastIndex((e) => names.includes(e.name));
    if (this.closed || GIVE_UP.has(name)) giveUp();
    if (name === "html") {
      if (this.sawElement || this.bodyContent) giveUp();
      return;
    }
    const sawOther = this.sawOtherThanHtml;
    this.sawOtherThanHtml = true;
    if (name === "head") {
      // an element before <head> already implied one (parse5 then ignores this tag)
      if (this.sawHead || this.sawBody || this.bodyContent || sawOther) giveUp();
      this.sawHead = true;
      return;
    }
    if (name === "body") {
      if (this.sawBody || this.bodyContent || this.stack.some((e) => e.name !== "html")) giveUp();
      this.sawBody = true;
      return;
    }
    if (top === "head" && !HEAD_CONTENT.has(name)) giveUp();
    if (!HEAD_CONTENT.has(name) && !this.sawBody) this.bodyContent = true;
    const allowed = TABLE_CHILDREN[top];
    if (allowed && !allowed.has(name)) giveUp();
    const parents = TABLE_PARENTS[name];
    if (parents && !parents.has(top)) giveUp();
    if (CLOSES_P.has(name) && open("p")) giveUp();
    if (HEADING.test(name) && this.stack.some((e) => HEADING.test(e.name))) giveUp();
    if (NO_NESTING.has(name) && open(name)) giveUp();
    if (name === "li" && lastIndex(["li"]) > lastIndex(["ul", "ol", "menu"])) giveUp();
    if ((name === "dd" || name === "dt") && lastIndex(["dd", "dt"]) > lastIndex(["dl"])) giveUp();
  }

  /** The text of <script>, <style> (kept as is) or <title> (entities decoded), up to its end tag. */
  private rawText(el: DomElement): void {
    const t = this.text;
    const close = RAW_TEXT_END[el.name]!;
    close.lastIndex = this.pos;
    const m = close.exec(t);
    if (!m) giveUp();
    const body = t.slice(this.pos, m!.index);
    // "<!--" inside a script switches the tokenizer into its escaped states
    if (el.name === "script" && body.includes("<!--")) giveUp();
    if (body) el.children.push({ type: "text", data: el.name === "title" ? decodeText(body) : body, parent: el } as DomText);
    END_TAG.lastIndex = m!.index;
    const end = END_TAG.exec(t);
    if (!end) giveUp();
    this.pos = m!.index + end![0].length;
  }
}

function isAsciiAlpha(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** Attributes as parse5 gives them: names lower-cased, the first of a repeated name kept. */
function attributesOf(source: string): Record<string, string> {
  const attribs: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(source); m; m = ATTRIBUTE.exec(source)) {
    const name = m[1]!.toLowerCase();
    if (Object.hasOwn(attribs, name)) continue;
    attribs[name] = decodeText(m[2] ?? m[3] ?? m[4] ?? "");
  }
  return attribs;
}

const NAMED: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", copy: "\u00a9", reg: "\u00ae",
  trade: "\u2122", hellip: "\u2026", ndash: "\u2013", mdash: "\u2014", lsquo: "\u2018", rsquo: "\u2019",
  ldquo: "\u201c", rdquo: "\u201d", laquo: "\u00ab", raquo: "\u00bb", bull: "\u2022", middot: "\u00b7",
  times: "\u00d7", deg: "\u00b0", shy: "\u00ad", ensp: "\u2002", emsp: "\u2003", thinsp: "\u2009",
  rarr: "\u2192", larr: "\u2190", harr: "\u2194", uarr: "\u2191", darr: "\u2193", rArr: "\u21d2", lArr: "\u21d0",
  sup1: "\u00b9", sup2: "\u00b2", sup3: "\u00b3", para: "\u00b6", sect: "\u00a7", dagger: "\u2020", Dagger: "\u2021",
  euro: "\u20ac", pound: "\u00a3", yen: "\u00a5", cent: "\u00a2", plusmn: "\u00b1", micro: "\u00b5", frac12: "\u00bd",
  frac14: "\u00bc", frac34: "\u00be", ne: "\u2260", le: "\u2264", ge: "\u2265", minus: "\u2212", prime: "\u2032",
  Prime: "\u2033", sbquo: "\u201a", bdquo: "\u201e", lsaquo: "\u2039", rsaquo: "\u203a", iexcl: "\u00a1",
  iquest: "\u00bf", not: "\u00ac", zwj: "\u200d", zwnj: "\u200c", lrm: "\u200e", rlm: "\u200f", check: "\u2713",
  cross: "\u2717",
};

/**
 * Character references decoded as parse5 decodes them, for the references that end in ";" and name
 * a known entity or a plain code point; any other "&" followed by a letter, digit or "#" gives up
 * (legacy references without ";" have rules of their own).
 */
function decodeText(raw: string): string {
  if (!raw.includes("&")) return raw;
  return raw.replace(/&(#[xX][0-9a-fA-F]+;|#[0-9]+;|[A-Za-z][A-Za-z0-9]*;|[A-Za-z0-9#])?/g, (ref: string, body?: string) => {
    if (body === undefined) return "&"; // "&" before a space or punctuation is literal
    if (!body.endsWith(";")) return giveUp();
    if (body.startsWith("#")) {
      const code = /^#[xX]/.test(body) ? parseInt(body.slice(2, -1), 16) : parseInt(body.slice(1, -1), 10);
      const plain = (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfdcf) || (code >= 0xfdf0 && code <= 0xfffd);
      return plain ? String.fromCodePoint(code) : giveUp();
    }
    return NAMED[body.slice(0, -1)] ?? giveUp();
  });
}
