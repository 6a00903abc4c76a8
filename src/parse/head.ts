// Cheap heads: the title and meta of a page that cannot hold ports, read without parsing the page,
// for the common shapes only. Each reader returns null when the page is not plainly one of those
// shapes; the caller then parses (parse/index.ts). A head given here is always the one the full
// parser gives (test/head-equality.test.ts proves it on every fixture, sample and synthetic page).
import type { Format } from "../model/flows.js";
import type { ParsedDocument } from "./blocks.js";
import type { RootContent } from "mdast";
import { htmlHead } from "./html-head.js";
import { headOf } from "./markdown/index.js";
import { readHeader } from "./text/header.js";
import { splitLines } from "./text/lines.js";

export type Head = Pick<ParsedDocument, "title" | "meta">;

export function cheapHead(text: string, format: Format): Head | null {
  switch (format) {
    case "markdown":
      return markdownHead(text);
    case "html":
      return htmlHead(text);
    case "text":
      return textHead(text);
  }
}

// --- Markdown ----------------------------------------------------------------------------------

/** Front matter as remark-frontmatter reads it: a `---` fence on line 1 (spaces or tabs may follow),
 * closed by the first later `---` line; `value` is what lies between, `end` where the page goes on. */
export function frontMatterOf(text: string): { value: string; end: number } | null {
  const open = /^---[ \t]*(?:\r\n|\r|\n)/.exec(text);
  if (!open) return null;
  const close = /(?:\r\n|\r|\n)---[ \t]*(?:\r\n|\r|\n|$)/g;
  // the closing fence may directly follow the opening one (empty front matter)
  const start = open[0].length;
  if (/^---[ \t]*(?:\r\n|\r|\n|$)/.test(text.slice(start))) {
    const fence = /^---[ \t]*(?:\r\n|\r|\n|$)/.exec(text.slice(start))!;
    return { value: "", end: start + fence[0].length };
  }
  close.lastIndex = start;
  const m = close.exec(text);
  if (!m) return null;
  return { value: text.slice(start, m.index), end: m.index + m[0].length };
}

// Characters that may start inline syntax (emphasis, code, links, HTML, references, escapes,
// strikethrough) or a closing sequence; a heading holding none of them is its own text.
const INLINE_SYNTAX = /[\\`*_[\]<>!&~#|\0\t]|https?:|www\.|@/i;

/**
 * The head when the page opens (after any front matter) with a plain ATX h1: then that h1 is the
 * first top-level h1 the parser finds, and the page's head is the one the Markdown parser's own rule
 * (headOf) gives for the front matter and that heading. Anything else (setext, inline markup, an h1
 * further down) returns null. Front matter holding a "|" is left to the parser too: the table repair
 * that runs before parsing (markdown/repair.ts) may rewrite such lines.
 */
function markdownHead(text: string): Head | null {
  const fm = frontMatterOf(text);
  if (fm?.value.includes("|")) return null;
  const rest = fm ? text.slice(fm.end) : text;
  const line = /^(?:[ \t]*(?:\r\n|\r|\n))*([^\r\n]*)/.exec(rest)![1]!;
  const h1 = /^ {0,3}#[ \t]+(.*)$/.exec(line);
  const content = h1?.[1]!.replace(/[ \t]+$/, "");
  const children: RootContent[] = [];
  if (fm) children.push({ type: "yaml", value: fm.value });
  if (content && content.trim() && !INLINE_SYNTAX.test(content)) {
    children.push({ type: "heading", depth: 1, children: [{ type: "text", value: content }] });
  } else {
    // without a plain h1 on top, the front matter alone tells only when it names the title
    const head = headOf({ type: "root", children });
    return head.title !== null ? head : null;
  }
  return headOf({ type: "root", children });
}

// --- Plain text --------------------------------------------------------------------------------

/** The text parser's header (its first lines), without building the page's blocks. */
function textHead(text: string): Head {
  const { title, meta } = readHeader(splitLines(text));
  return { title, meta };
}
