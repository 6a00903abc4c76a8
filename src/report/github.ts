// GitHub Actions workflow commands: one annotation per change, at its file and line. Changes the
// operator must act on are warnings; cosmetic and ignored ones are notices (shown, not hidden).
// The summary comes first: GitHub keeps only the first few annotations of each level per step.
import type { Change, Changelog } from "../model/changelog.js";
import { primaryLocation, summaryLine, type RenderOptions } from "./common.js";
import { repositoryPath } from "./links.js";

export function renderGithub(changelog: Changelog, options: RenderOptions = {}): string {
  const lines = [`::notice title=portflow changelog::${data(`${changelog.base.label} → ${changelog.head.label}: ${summaryLine(changelog.summary)}`)}`];
  for (const p of changelog.problems) lines.push(`::error title=${property(`portflow: could not read (${p.side})`)}::${data(`${p.document}: ${p.message}`)}`);
  for (const c of changelog.changes) lines.push(annotation(c, options));
  return lines.join("\n") + "\n";
}

function annotation(c: Change, options: RenderOptions): string {
  const level = c.ignored || c.impact === "cosmetic" ? "notice" : "warning";
  const at = primaryLocation(c);
  // annotations attach to repository paths; a path outside the repository is left out
  const file = at ? repositoryPath(at.file, options.repoPath) : null;
  const props = [file ? `file=${property(file)}` : null, file && at?.line ? `line=${at.line}` : null, `title=${property(`portflow ${c.impact}${c.ignored ? " (ignored)" : ""}: ${c.kind}`)}`];
  return `::${level} ${props.filter(Boolean).join(",")}::${data(`${c.message} [${c.fingerprint}]`)}`;
}

/** A command's message, escaped as the actions toolkit does (`%`, CR, LF), so it stays one command line. */
export function data(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, " ").replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A property value: also `:` and `,`, which end a property or the property list (`::`). */
export function property(s: string): string {
  return data(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
