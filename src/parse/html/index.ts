// PLACEHOLDER until the HTML parser lands (issue 3): every page reads as one prose block.
import type { Block, ParsedDocument } from "../blocks.js";

export function parseHtml(text: string): ParsedDocument {
  return { format: "html", title: null, meta: {}, blocks: [{ kind: "prose", section: [], line: 1, text: text.replace(/<[^>]+>/g, " ") }] };
}

export function parseHtmlFragment(html: string, firstLine: number, section: string[]): Block[] {
  return [{ kind: "prose", section, line: firstLine, text: html.replace(/<[^>]+>/g, " ") }];
}
