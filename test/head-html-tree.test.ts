// The cheap HTML head (src/parse/html-head.ts) builds the element tree itself and gives up where
// parse5 could build a different one. Property test: on thousands of generated pages, plainly
// written or not, every tree it does build equals cheerio/parse5's (up to the <html>, <head>,
// <body> and <tbody> parse5 implies), and so do the page survey and title read from it.
import * as cheerio from "cheerio";
import { describe, expect, test } from "vitest";
import { headingText } from "../src/parse/html/cells.js";
import type { DomNode } from "../src/parse/html/dom.js";
import { pageTitle, surveyPage } from "../src/parse/html/survey.js";
import { plainTree } from "../src/parse/html-head.js";
import { rng } from "../scripts/synthetic-docs.mjs";


const TAGS = ["div", "p", "span", "h1", "h2", "main", "article", "nav", "header", "footer", "aside", "section", "table", "tr", "td", "th",
  "tbody", "ul", "ol", "li", "a", "b", "i", "br", "hr", "img", "sup", "title", "script", "style", "svg", "path", "form", "button", "dl",
  "dt", "dd", "caption", "html", "head", "body", "meta", "noscript", "template", "textarea", "font", "center", "pre", "select", "option",
  "em", "strong", "code", "colgroup", "col", "thead", "iframe", "object", "label"];
const VOIDS = new Set(["br", "hr", "img", "meta", "col"]);
const ATTRS = ["", ' class="nav"', ' id="content"', ' role="main"', ' class="article-body"', ' class="sidebar-left"', ' class="x"',
  " id=main-content", ' aria-label="Breadcrumb"', ' role="navigation"', ' class="wiki-content"', ' title="a>b"', " hidden",
  ' class="layout-with-sidebar"', ' id="title-heading"', ' class="a&amp;b"'];
const SNIPPETS = ["Agent ports", " ", "\n", "Title &amp; more", "&nbsp;", "x &lt; y", "&para;", "Ports&#8212;list", "a < b", "&copy",
  "&foo;", "<!-- c -->", "<!-->", "Hello\tWorld", "&#0;", "&#x1F600;", "<?xml x?>", "<!doctype html>", "</>", "<br/>", "  Ports  ",
  "<svg><path/><title>Icon</title><g><path d=x /></g></svg>", "<svg/>", "<path/>", "<math><mi>x</mi></math>",
  "<template><h1>T</h1></template>", "</body>", "</html>", "<meta x=1>", "<title>T2</title>", "<head>", "<body class=nav>",
  "<h1>Heading</h1>", "<p>", "<li>", "<td>", "<svg><title>S</title></svg>", "<table><col><col class=a><tr><td>x</td></tr></table>",
  "<table><col></table>", "<table><col>x</table>", "<table><col><colgroup><col></colgroup></table>", "<span id=title-text>Space : Page</span>"];

function generatedPage(r: () => number): string {
  const pick = <T,>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const tree = (depth: number): string => {
    const parts: string[] = [];
    for (let i = Math.floor(r() * 4); i > 0; i--) {
      if (r() < 0.35 || depth > 5) {
        parts.push(pick(SNIPPETS));
        continue;
      }
      const t = pick(TAGS);
      const open = `<${r() < 0.05 ? t.toUpperCase() : t}${pick(ATTRS)}${r() < 0.03 ? "/" : ""}>`;
      if (VOIDS.has(t)) parts.push(open);
      else parts.push(open + tree(depth + 1) + (r() < 0.03 ? "" : `</${r() < 0.02 ? pick(TAGS) : t}>`)); // now and then misnested
    }
    return parts.join(r() < 0.5 ? "" : "\n");
  };
  const head = r() < 0.7 ? `<head>${r() < 0.7 ? `<title>${pick(SNIPPETS)}${pick(SNIPPETS)}</title>` : ""}${r() < 0.3 ? "<meta charset=utf-8>" : ""}</head>` : "";
  const body = tree(0) + tree(0);
  const wrapped = r() < 0.7 ? `<body${pick(ATTRS)}>${body}</body>` : body;
  return (r() < 0.5 ? "<!DOCTYPE html>\n" : "") + (r() < 0.7 ? `<html>${head}${wrapped}</html>` : head + wrapped);
}

type Node = { type: string; name?: string; attribs?: Record<string, string>; children?: Node[]; data?: string };
const WRAPPERS = new Set(["html", "head", "body", "tbody"]);

/** Elements (path, attributes, kind) and texts (path, collapsed) in document order, wrappers folded. */
function shape(root: Node): string[] {
  const out: { key: string; text?: string }[] = [];
  const visit = (n: Node, path: string) => {
    if (n.type === "text") {
      const last = out.at(-1);
      if (last?.text !== undefined && last.key === path) last.text += n.data!; // texts split by a comment read as one
      else out.push({ key: path, text: n.data! });
      return;
    }
    if (n.type !== "tag" && n.type !== "script" && n.type !== "style" && n.type !== "root") return;
    let inner = path;
    if (n.type !== "root") {
      if (WRAPPERS.has(n.name!)) {
        if (Object.keys(n.attribs!).length) out.push({ key: `@${n.name} ${JSON.stringify(n.attribs)}` });
      } else {
        inner = `${path}/${n.name}`;
        out.push({ key: `${inner} ${JSON.stringify(n.attribs)} ${n.type}` });
      }
    }
    for (const c of n.children ?? []) visit(c, inner);
  };
  visit(root, "");
  return out.flatMap((x) => {
    if (x.text === undefined) return [x.key];
    const text = x.text.replace(/[\t\n\f\r ]+/g, " ").trim();
    return text ? [`${x.key} "${text}"`] : [];
  });
}

/** What the title rule reads: <title>, the container, the h1s, the holders of tables and headings. */
function survey(root: Node): string {
  const ids = new Map<unknown, string>();
  let k = 0;
  const number = (n: Node) => {
    if (n.type === "tag" || n.type === "script" || n.type === "style") {
      ids.set(n, WRAPPERS.has(n.name!) ? (Object.keys(n.attribs!).length ? `@${n.name}` : "") : String(k++));
    }
    for (const c of n.children ?? []) number(c);
  };
  number(root);
  const s = surveyPage(root as unknown as DomNode);
  const id = (e: unknown) => (e ? (ids.get(e) ?? "?") : null);
  const set = (xs: Set<unknown>) => [...xs].map(id).filter(Boolean).sort().join(",");
  return JSON.stringify({ titleTag: s.titleTag, container: id(s.container), h1s: s.h1s.map(id), tables: set(s.holdsTable), headings: set(s.holdsHeading), title: pageTitle(s, headingText) });
}

const parse5Tree = (html: string) => cheerio.load(html, { sourceCodeLocationInfo: true }, true).root()[0] as unknown as Node;

describe("cheap HTML tree", () => {
  test("equals parse5's wherever it is built, on generated pages", () => {
    let built = 0;
    for (let seed = 0; seed < 20000; seed++) {
      const html = generatedPage(rng(seed));
      const mine = plainTree(html) as unknown as Node | null;
      if (!mine) continue;
      built++;
      const theirs = parse5Tree(html);
      expect(shape(mine), html).toEqual(shape(theirs));
      expect(survey(mine), html).toEqual(survey(theirs));
    }
    expect(built).toBeGreaterThan(2000); // the generator keeps enough pages plain to mean something
  });

  test.each([
    ["text after </body> (parse5 moves it into the body)", '<html><body id="content"></body>words</html>'],
    ["an element in <head> that belongs in <body>", "<head><div>x</div></head><h1>T</h1>"],
    ["<head> after an element that implied one", "<meta charset=utf-8><head></head><h1>T</h1>"],
    ["a second <body>", "<body><h1>T</h1><body class=nav></body>"],
    ["an HTML element inside SVG", "<svg><div>x</div></svg><h1>T</h1>"],
    ["a <td> outside a table", "<td>x</td><h1>T</h1>"],
    ["an unclosed comment", "<h1>T</h1><!-- no end"],
    ["a <script> holding '<!--'", "<script>a<!--b</script><h1>T</h1>"],
    ["<li> in <li>", "<ul><li>a<li>b</ul>"],
  ])("gives up on %s", (_name, html) => {
    expect(plainTree(html)).toBeNull();
  });
});
