// One entry point per format; all of them return the shared block shape of blocks.ts.
import type { Format } from "../model/flows.js";
import type { ParsedDocument } from "./blocks.js";
import { cheapHead } from "./head.js";
import { parseHtml, parseHtmlFragment } from "./html/index.js";
import { parseMarkdown, parseMarkdownHead } from "./markdown/index.js";
import { parseText } from "./text/index.js";

export function parseDocument(text: string, format: Format): ParsedDocument {
  switch (format) {
    case "markdown":
      return parseMarkdown(text, { parseHtmlFragment });
    case "html":
      return parseHtml(text);
    case "text":
      return parseText(text);
  }
}

/** Title and meta only, as parseDocument would give them, for pages that cannot hold ports: read
 * cheaply when the page is plainly shaped (head.ts), else from the parser. */
export function parseDocumentHead(text: string, format: Format): Pick<ParsedDocument, "title" | "meta"> {
  return cheapHead(text, format) ?? parsedHead(text, format);
}

/** The head the parser gives (no cheap reading). */
export function parsedHead(text: string, format: Format): Pick<ParsedDocument, "title" | "meta"> {
  if (format === "markdown") return parseMarkdownHead(text);
  const { title, meta } = parseDocument(text, format);
  return { title, meta };
}

export type { Block, Cell, ParsedDocument } from "./blocks.js";
