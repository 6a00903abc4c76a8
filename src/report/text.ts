// The terminal view: one line per change under its document, the impact coloured on a terminal
// (never when NO_COLOR is set, or when the output is not a TTY).
import type { Change, Changelog } from "../model/changelog.js";
import type { Impact } from "../model/changes.js";
import { formatLocation, groupByDocument, oneLine, primaryLocation, summaryLine, type RenderOptions } from "./common.js";

const COLOURS: Record<Impact | "ignored" | "heading", string> = {
  opens: "\u001b[31m",
  closes: "\u001b[32m",
  modifies: "\u001b[33m",
  cosmetic: "\u001b[2m",
  ignored: "\u001b[2m",
  heading: "\u001b[1m",
};
const RESET = "\u001b[0m";

/** Colour on a terminal only; NO_COLOR (any non-empty value, no-color.org) and TERM=dumb turn it off. */
export function useColour(options: RenderOptions): boolean {
  const noColor = options.env?.NO_COLOR;
  return options.isTTY === true && (noColor === undefined || noColor === "") && options.env?.TERM !== "dumb";
}

export function renderText(changelog: Changelog, options: RenderOptions = {}): string {
  const colour = useColour(options);
  const paint = (style: keyof typeof COLOURS, s: string) => (colour ? COLOURS[style] + s + RESET : s);
  const lines = [oneLine(`${changelog.base.label} → ${changelog.head.label}: ${summaryLine(changelog.summary)}`)];
  for (const p of changelog.problems) lines.push(oneLine(`could not read (${p.side}) ${p.document}: ${p.message}`));
  if (changelog.changes.length === 0) lines.push(changelog.problems.length ? "no port changes in what could be read" : "no port changes");
  const width = changelog.changes.reduce((w, c) => Math.max(w, label(c).length), 0);
  for (const g of groupByDocument(changelog)) {
    lines.push("", paint("heading", oneLine(g.document)));
    for (const c of g.changes) {
      const where = formatLocation(primaryLocation(c));
      lines.push(`  ${paint(c.ignored ? "ignored" : c.impact, label(c).padEnd(width))}  ${oneLine(`${c.message}${where ? `  (${where})` : ""}`)}  [${c.fingerprint}]`);
    }
  }
  return lines.join("\n") + "\n";
}

function label(c: Change): string {
  return `${c.ignored ? "ignored " : ""}${c.impact} ${c.kind}`;
}
