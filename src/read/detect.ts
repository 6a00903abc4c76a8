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

export function detectFormatFromContent(text: string): Format {
  const head = text.slice(0, 4096);
  if (/^\s*(<!doctype html|<html[\s>]|<\?xml[^>]*>\s*<html)/i.test(head)) return "html";
  const tags = head.match(/<\/?(p|div|table|tr|td|th|h[1-6]|ul|li|body|head|span|a)\b[^>]*>/gi)?.length ?? 0;
  if (tags >= 5) return "html";
  if (/^---\r?\n[\s\S]*?\r?\n---\r?\n/.test(head)) return "markdown";
  let signals = 0;
  if (/^#{1,6} \S/m.test(text)) signals++;
  if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$/m.test(text)) signals += 2;
  if (/^:::\w+/m.test(text)) signals++;
  if (/\[[^\]]+\]\([^)\s]+\)/.test(text)) signals++;
  if (/\*\*[^*\n]+\*\*/.test(text)) signals++;
  return signals >= 2 ? "markdown" : "text";
}
