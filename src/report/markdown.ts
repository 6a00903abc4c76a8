// The PR comment: the summary line first, then one table per document (old → new, file:line), long
// detail folded in <details>. Never over the size limit: details go first, then rows, with a note
// saying how much was left out.
import type { Change, Changelog, SourceLocation } from "../model/changelog.js";
import { formatPorts } from "../model/changes.js";
import { fileUrl } from "./links.js";
import { flowLabel, formatLocation, groupByDocument, kindLabel, oldAndNew, oneLine, summaryLine, type DocumentGroup, type RenderOptions } from "./common.js";

export const MARKDOWN_LIMIT = 65_000;
const NOTE_RESERVE = 400;
const PROBLEMS_SHOWN = 20;
const CLIP = 300;

const clip = (s: string) => (s.length > CLIP ? `${s.slice(0, CLIP - 1)}…` : s);

export function renderMarkdown(changelog: Changelog, options: RenderOptions = {}): string {
  const limit = options.maxChars ?? MARKDOWN_LIMIT;
  const head = header(changelog);
  const groups = groupByDocument(changelog);
  const full = (head + groups.map((g) => section(g, options, true)).join("")).trimEnd() + "\n";
  if (full.length <= limit) return full;
  const lean = (head + groups.map((g) => section(g, options, false)).join("")).trimEnd() + "\n\n";
  const total = changelog.changes.length;
  if (lean.length + NOTE_RESERVE <= limit) {
    return lean + note(`Details of the ${total} changes were left out to stay under ${limit.toLocaleString("en-US")} characters; the JSON changelog has them.`);
  }
  return truncated(head, groups, options, limit, total);
}

function header(c: Changelog): string {
  const lines = [summaryLine(c.summary), "", `**portflow changelog** \`${code(c.base.label)}\` → \`${code(c.head.label)}\` (${c.base.documents} → ${c.head.documents} documents, ${c.base.flows} → ${c.head.flows} flows)`, ""];
  if (c.changes.length === 0) lines.push(c.problems.length ? "No port changes in what could be read." : "No port changes.", "");
  if (c.problems.length) {
    lines.push(`**${c.problems.length} input(s) could not be read** and were left out of the comparison:`, "");
    // a tree of unreadable pages must not fill the comment: the first few, then a count
    for (const p of c.problems.slice(0, PROBLEMS_SHOWN)) lines.push(`- ${p.side}: \`${code(clip(p.document))}\`: ${cell(clip(p.message))}`);
    if (c.problems.length > PROBLEMS_SHOWN) lines.push(`- … and ${c.problems.length - PROBLEMS_SHOWN} more (the JSON changelog lists them all)`);
    lines.push("");
  }
  return lines.join("\n") + "\n";
}

const TABLE_HEAD = "| Impact | Change | Flow | Old → new | Where |\n| --- | --- | --- | --- | --- |\n";

function section(g: DocumentGroup, options: RenderOptions, withDetails: boolean, rows = g.changes): string {
  let out = `### \`${code(g.document)}\`\n\n${TABLE_HEAD}${rows.map((c) => row(c, options)).join("")}\n`;
  if (withDetails) out += details(rows);
  return out;
}

function row(c: Change, options: RenderOptions): string {
  const [was, now] = oldAndNew(c);
  const impact = c.ignored ? `~~${c.impact}~~ ignored` : c.impact;
  const change = kindLabel(c.kind) + (c.also.length ? ` (+${c.also.map(kindLabel).join(", ")})` : "");
  return `| ${impact} | ${cell(change)} | ${cell(flowLabel(c))} | ${cell(was)} → ${cell(now)} | ${where(c, options)} |\n`;
}

function where(c: Change, options: RenderOptions): string {
  const link = (l: SourceLocation | null, prefix: string | undefined) => {
    if (!l) return "";
    const text = cell(formatLocation(l));
    const url = prefix ? fileUrl(prefix, l.file, l.line, options.repoPath) : null;
    // the URL has no space, parenthesis or pipe (fileUrl encodes them): safe in a link inside a table cell
    return url ? `[${text}](${url.replace(/\|/g, "%7C")})` : text;
  };
  const b = link(c.baseLocation, options.links?.base);
  const h = link(c.headLocation, options.links?.head);
  return b && h ? (formatLocation(c.baseLocation) === formatLocation(c.headLocation) ? h : `${b} → ${h}`) : b || h;
}

function details(changes: readonly Change[]): string {
  const items = changes.map((c) => {
    const lines = [`- \`${c.fingerprint}\` **${c.kind}** (${c.impact}${c.ignored ? ", ignored" : ""}): ${html(c.message)}`];
    if (c.before?.raw && Object.keys(c.before.raw).length) lines.push(`  - before: ${html(rawCells(c.before.raw))}`);
    if (c.after?.raw && Object.keys(c.after.raw).length) lines.push(`  - after: ${html(rawCells(c.after.raw))}`);
    if (c.beforeMention) lines.push(`  - before: ${html(c.beforeMention.sentence)}`);
    if (c.afterMention) lines.push(`  - after: ${html(c.afterMention.sentence)}`);
    if (c.details.portsAdded.length) lines.push(`  - ports added: ${formatPorts(c.details.portsAdded)}`);
    if (c.details.portsRemoved.length) lines.push(`  - ports removed: ${formatPorts(c.details.portsRemoved)}`);
    return lines.join("\n");
  });
  return `<details><summary>Details (${changes.length})</summary>\n\n${items.join("\n")}\n\n</details>\n\n`;
}

function truncated(head: string, groups: DocumentGroup[], options: RenderOptions, limit: number, total: number): string {
  const budget = limit - NOTE_RESERVE;
  let out = head;
  let shown = 0;
  for (const g of groups) {
    const start = `### \`${code(g.document)}\`\n\n${TABLE_HEAD}`;
    if (out.length + start.length + 200 > budget) break;
    let body = "";
    let rows = 0;
    for (const c of g.changes) {
      const r = row(c, options);
      if (out.length + start.length + body.length + r.length + 1 > budget) break;
      body += r;
      rows++;
    }
    if (rows === 0) break;
    out += start + body + "\n";
    shown += rows;
    if (rows < g.changes.length) break;
  }
  const left = total - shown;
  const docsLeft = new Set(groups.flatMap((g) => g.changes).slice(shown).map((c) => c.document)).size;
  return out + note(`**Truncated:** ${left} of ${total} changes (in ${docsLeft} document(s)) and all details were left out to stay under ${limit.toLocaleString("en-US")} characters; the JSON changelog has them all.`);
}

const note = (text: string) => `> ${text}\n`;

/** A table cell: one line, pipes escaped, Markdown and HTML kept as text. */
function cell(s: string): string {
  return html(s).replace(/\|/g, "\\|");
}

/**
 * Text from the documents as literal text: one line, Markdown punctuation escaped ("NetApp*" is not
 * emphasis, "[x](y)" not a link), HTML as text.
 */
function html(s: string): string {
  return oneLine(s)
    .replace(/[\\`*_[\]!~]/g, "\\$&")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** Inside an inline code span: no backtick can end it early. */
function code(s: string): string {
  return oneLine(s).replace(/`/g, "'");
}

function rawCells(raw: Record<string, string>): string {
  return Object.keys(raw).sort().map((k) => `${k}: "${raw[k]}"`).join(", ");
}
