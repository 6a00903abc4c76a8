// One entry point per format; all of them return the shared block shape of blocks.ts.
import type { Format } from "../model/flows.js";
import type { ParsedDocument } from "./blocks.js";
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

/** Title and meta only, as parseDocument would give them, for pages that cannot hold ports. */
export function parseDocumentHead(text: string, format: Format): Pick<ParsedDocument, "title" | "meta"> {
  switch (format) {
    case "markdown":
      return parseMarkdownHead(text);
    case "html":
    case "text": {
      const { title, meta } = parseDocument(text, format);
      return { title, meta };
    }
  }
}

export type { Block, Cell, ParsedDocument } from "./blocks.js";
