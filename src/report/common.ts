// What every renderer shares: the one order, grouping by document, the summary line and the
// old → new values of a change, so the formats never disagree.
import { compareChanges, type Change, type Changelog, type SourceLocation, type Summary } from "../model/changelog.js";
import { describeFlow, flowName, formatPorts } from "../model/changes.js";
import type { Flow } from "../model/flows.js";

export interface RenderOptions {
  /** text: colour when the stream is a terminal (and NO_COLOR is not set) */
  isTTY?: boolean;
  env?: Record<string, string | undefined>;
  /** markdown: the size limit of a PR comment (default 65,000 characters) */
  maxChars?: number;
  /**
   * markdown: blob URL prefixes of the revision each side was read from, turning file:line into links
   * (e.g. https://github.com/o/r/blob/<sha>/); a side without one shows plain file:line
   */
  links?: { base?: string; head?: string };
  /** the working directory's path inside the repository ("" at its root): file paths in the changelog
   * are relative to the working directory; links and GitHub annotations need repository paths */
  repoPath?: string;
}

export interface DocumentGroup {
  document: string;
  changes: Change[];
}

/** Changes in the one order (src/model/changelog.ts), grouped by document in that order. */
export function groupByDocument(changelog: Changelog): DocumentGroup[] {
  const groups: DocumentGroup[] = [];
  for (const c of [...changelog.changes].sort(compareChanges)) {
    const last = groups[groups.length - 1];
    if (last && last.document === c.document) last.changes.push(c);
    else groups.push({ document: c.document, changes: [c] });
  }
  return groups;
}

/** `+2 opens · −1 closes · 3 modifies`, then cosmetic and ignored when there are any. */
export function summaryLine(s: Summary): string {
  const parts = [`+${s.opens} opens`, `−${s.closes} closes`, `${s.modifies} modifies`];
  if (s.cosmetic) parts.push(`${s.cosmetic} cosmetic`);
  if (s.ignored) parts.push(`${s.ignored} ignored`);
  return parts.join(" · ");
}

export const kindLabel = (kind: string) => kind.replace(/-/g, " ");

/**
 * Text from the documents on one line, without control characters: a newline could start a
 * workflow command in a CI log, an escape sequence could rewrite the reader's terminal.
 */
export function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ");
}

export function formatLocation(l: SourceLocation | null): string {
  return l ? (l.line === null ? l.file : `${l.file}:${l.line}`) : "";
}

/** The location a reader should look at: head when the flow still exists, else base. */
export function primaryLocation(c: Change): SourceLocation | null {
  return c.headLocation ?? c.baseLocation;
}

export function flowLabel(c: Change): string {
  if (c.after || c.before) return flowName(c.after ?? c.before);
  if (c.afterMention || c.beforeMention) return "prose mention";
  return "document";
}

const none = "—";
const words = (v: readonly string[] | undefined) => (v && v.length ? v.join("; ") : none);
const ports = (f: Flow | null) => (f ? formatPorts(f.ports) : none);

/** The old and new value the reviewer compares, for the change's primary kind. */
export function oldAndNew(c: Change): [string, string] {
  const b = c.before;
  const a = c.after;
  switch (c.kind) {
    case "protocol-changed":
      return [(b?.protocol ?? none).toUpperCase(), (a?.protocol ?? none).toUpperCase()];
    case "service-changed":
      return [b?.service ?? none, a?.service ?? none];
    case "direction-changed":
      return [b?.direction ?? none, a?.direction ?? none];
    case "endpoint-renamed":
      return [c.details.from ?? none, c.details.to ?? none];
    case "condition-changed":
      return [words(b?.conditions), words(a?.conditions)];
    case "optional-changed":
      return [b?.optional ? "optional" : "required", a?.optional ? "optional" : "required"];
    case "purpose-changed":
      return [words(b?.purpose), words(a?.purpose)];
    case "mention-added":
    case "mention-removed":
      return [c.beforeMention ? formatPorts(c.beforeMention.ports) : none, c.afterMention ? formatPorts(c.afterMention.ports) : none];
    case "document-added":
    case "document-removed":
    case "document-moved":
      return [c.baseLocation?.file ?? none, c.headLocation?.file ?? none];
    default:
      return [ports(b), ports(a)];
  }
}

export { describeFlow };
