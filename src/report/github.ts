// GitHub Actions workflow commands: one annotation per change, at its file and line. Changes the
// operator must act on are warnings; cosmetic and ignored ones are notices (shown, not hidden).
import type { Change, Changelog } from "../model/changelog.js";
import { primaryLocation, summaryLine, type RenderOptions } from "./common.js";

export function renderGithub(changelog: Changelog, _options: RenderOptions = {}): string {
  const lines = changelog.problems.map((p) => `::error title=${property(`portflow: could not read (${p.side})`)}::${data(`${p.document}: ${p.message}`)}`);
  for (const c of changelog.changes) lines.push(annotation(c));
  lines.push(`::notice title=portflow changelog::${data(`${changelog.base.label} → ${changelog.head.label}: ${summaryLine(changelog.summary)}`)}`);
  return lines.join("\n") + "\n";
}

function annotation(c: Change): string {
  const level = c.ignored || c.impact === "cosmetic" ? "notice" : "warning";
  const at = primaryLocation(c);
  const props = [at ? `file=${property(at.file)}` : null, at?.line ? `line=${at.line}` : null, `title=${property(`portflow ${c.impact}${c.ignored ? " (ignored)" : ""}: ${c.kind}`)}`];
  return `::${level} ${props.filter(Boolean).join(",")}::${data(`${c.message} [${c.fingerprint}]`)}`;
}

// escaping of workflow command values, as the actions toolkit does it
function data(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function property(s: string): string {
  return data(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
