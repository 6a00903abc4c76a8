// Pipe tables broken by HTML-to-Markdown converters, mended before parsing so that their rows are
// not lost to prose. Two shapes are common in real docs repos:
//   - a row whose cell text runs onto the next lines (`| 389<br> | LDAP<br>` ⏎ `<br>Common queries |`):
//     the lines are joined into one row;
//   - a block of pipe lines with no delimiter row (`| Port | Protocol |` ⏎ `| 389 | TCP |`), often
//     under an empty-header table the converter emitted first: a delimiter row is added.
// Line numbers must still point into the original file, so the repair returns, for every line of
// the mended text, the original line it came from.

export interface RepairedMarkdown {
  text: string;
  /** originalLine[i] is the 1-based original line of mended line i + 1 */
  originalLine: number[];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const PIPE_ROW = /^ {0,3}\|.*\|\s*$/;
const DELIMITER_ROW = /^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
/** how many following lines a runaway row may take before we give up on it */
const MAX_CONTINUATION = 12;

export function repairMarkdown(text: string): RepairedMarkdown {
  const lines = text.split("\n");
  const out: string[] = [];
  const originalLine: number[] = [];
  const push = (line: string, from: number) => (out.push(line), originalLine.push(from));
  let fence: string | null = null;
  let inTable = false;

  // front matter is YAML, never a table: copy it as it is
  const frontMatterEnd = lines[0]?.trimEnd() === "---" ? lines.findIndex((l, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(l)) : -1;
  for (let i = 0; i <= frontMatterEnd; i++) push(lines[i]!, i + 1);

  for (let i = frontMatterEnd + 1; i < lines.length; i++) {
    const line = lines[i]!;
    const fenceMark = FENCE.exec(line)?.[1];
    if (fence !== null || fenceMark) {
      if (fence === null) fence = fenceMark![0]!.repeat(3);
      else if (line.trim().startsWith(fence)) fence = null;
      push(line, i + 1);
      inTable = false;
      continue;
    }
    if (inTable && /^ {0,3}\|/.test(line) && !PIPE_ROW.test(line)) {
      const end = continuationEnd(lines, i);
      if (end !== null) {
        push(lines.slice(i, end + 1).map((l) => l.trim()).join(" "), i + 1);
        i = end;
        continue;
      }
    }
    if (!inTable && PIPE_ROW.test(line) && !isTableStart(lines, i) && (i === 0 || !PIPE_ROW.test(lines[i - 1]!))) {
      const width = cellCount(line);
      let end = i;
      while (end + 1 < lines.length && PIPE_ROW.test(lines[end + 1]!) && cellCount(lines[end + 1]!) === width) end++;
      if (width >= 2 && end > i) {
        push(line, i + 1);
        push(`|${" --- |".repeat(width)}`, i + 1);
        inTable = true;
        continue;
      }
    }
    if (DELIMITER_ROW.test(line) && i > 0 && /\|/.test(line) && /\|/.test(lines[i - 1]!)) inTable = true;
    else if (!/^ {0,3}\|/.test(line)) inTable = inTable && /\|/.test(line) && line.trim() !== "";
    push(line, i + 1);
  }
  return { text: out.join("\n"), originalLine };
}

/** The last line of a row that starts at `start` and runs on until a line that ends with a pipe. */
function continuationEnd(lines: string[], start: number): number | null {
  for (let j = start + 1; j < lines.length && j <= start + MAX_CONTINUATION; j++) {
    const l = lines[j]!;
    if (l.trim() === "" || /^ {0,3}\|/.test(l) || FENCE.test(l)) return null;
    if (/\|\s*$/.test(l)) return j;
  }
  return null;
}

/** A pipe line followed by a delimiter row: GFM reads it as a table without help. */
function isTableStart(lines: string[], i: number): boolean {
  const next = lines[i + 1];
  return next !== undefined && DELIMITER_ROW.test(next) && /\|/.test(next);
}

/** Cells of a pipe row, not counting escaped pipes or the outer ones. */
function cellCount(line: string): number {
  return line.trim().replace(/\\\|/g, "").replace(/^\||\|$/g, "").split("|").length;
}
