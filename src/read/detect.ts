// Which parser a document needs. The extension decides for .md/.html; a .txt or unknown extension is
// judged by its content, because docs exports often save Markdown or HTML under .txt.
import { extname } from "node:path";
import type { Format } from "../model/flows.js";

const BY_EXTENSION: Record<string, Format> = {
  ".md": "markdown",
  ".mdx": "markdown",
  ".markdown": "markdown",
  ".html": "html",
  ".htm": "html",
  ".xhtml": "html",
};

export const DOCUMENT_EXTENSIONS = [...Object.keys(BY_EXTENSION), ".txt", ".text"];

export function detectFormat(path: string, text: string): Format {
  return BY_EXTENSION[extname(path).toLowerCase()] ?? detectFormatFromContent(text);
}

// The head is enough to judge by, and keeps detection cheap on large files.
const HEAD_CHARS = 16_384;
const HTML_DOCUMENT = /^\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype html|<html[\s>]|<\?xml[^>]*>\s*(?:<!doctype[^>]*>\s*)?<html)/i;
const HTML_TAG = /<\/?(?:p|div|table|thead|tbody|tr|td|th|h[1-6]|ul|ol|li|body|head|span|a|section|article|nav|br)\b[^>]*>/gi;
// YAML (or TOML) front matter: a fence, a "key:" line, the closing fence
const FRONT_MATTER = /^(?:---[ \t]*\r?\n[\w-]+[ \t]*:[\s\S]*?\r?\n(?:---|\.\.\.)|\+\+\+[ \t]*\r?\n[\s\S]*?\r?\n\+\+\+)[ \t]*(?:\r?\n|$)/;
const PIPE_TABLE_DELIMITER = /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$/m;
const ADMONITION_FENCE = /^:::[ \t]*[A-Za-z][\w-]*.*\r?\n[\s\S]*?^:::[ \t]*$/m;
const CODE_FENCE = /^[ \t]{0,3}(?:```|~~~)[\w+-]*[ \t]*\r?\n[\s\S]*?^[ \t]{0,3}(?:```|~~~)[ \t]*$/m;
const INLINE_LINK = /!?\[[^\]\n]+\]\((?:[^()\s]|\([^()\s]*\))+\)/g;
const STRONG = /(?:\*\*|__)[^*_\n]+(?:\*\*|__)/g;
const INLINE_CODE = /`[^`\n]+`/g;

/** How much of the head is written the way only Markdown writes: 2 or more reads as Markdown. */
function markdownSyntax(head: string): number {
  let score = 0;
  if (FRONT_MATTER.test(head)) score += 3;
  if (PIPE_TABLE_DELIMITER.test(head)) score += 2;
  if (ADMONITION_FENCE.test(head)) score += 2;
  if (CODE_FENCE.test(head)) score += 1;
  score += Math.min(atxHeadings(head), 2);
  if (ATX.test(head.trimStart())) score += 1; // a page that opens with "# Title"
  // plain text does not write "[text](url)"; "**word**" and `code` it may, so those count only together
  score += Math.min(count(head, INLINE_LINK), 2);
  if (Math.min(count(head, STRONG), 2) + Math.min(count(head, INLINE_CODE), 1) >= 2) score += 1;
  return score;
}

export function detectFormatFromContent(text: string): Format {
  const head = text.slice(0, HEAD_CHARS).replace(/^\uFEFF/, "");
  if (HTML_DOCUMENT.test(head)) return "html";
  const markdown = markdownSyntax(head);
  const tags = count(head, HTML_TAG);
  // Markdown may hold a raw HTML table; a page that opens with a tag and is full of them is HTML
  if (tags >= 5 && (markdown < 2 || (/^\s*</.test(head) && tags > 20 * markdown))) return "html";
  return markdown >= 2 ? "markdown" : "text";
}

const ATX = /^[ \t]{0,3}#{1,6}[ \t]+\S/;

/** "# Heading" lines; one next to another "#" line is a comment block in a shell snippet, not a heading. */
function atxHeadings(head: string): number {
  const lines = head.split(/\r?\n/);
  const hashed = (i: number) => /^\s*#/.test(lines[i] ?? "");
  return lines.filter((l, i) => ATX.test(l) && !hashed(i - 1) && !hashed(i + 1)).length;
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}
