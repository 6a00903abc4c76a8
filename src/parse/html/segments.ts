// A paragraph whose <br>-separated pieces are written like plain-text lines is read the way the
// plain-text parser reads such lines: "Port: 443<br>Protocol: TCP" is a key/value block, and
// "Inbound to Hub:<br>- Port 443 (HTTPS) - console" a list of port summaries with its intro.
// Rich-text editors of knowledge bases write both shapes this way.
import type { Block } from "../blocks.js";
import { classifyLine, keyValueOf, summaryShaped } from "../text/lines.js";
import type { Segment } from "./text.js";

export function segmentBlock(segments: readonly Segment[], section: string[]): Block | null {
  if (segments.length < 2) return null;
  const entries = segments.map((s) => ({ s, kv: keyValueOf(s.text) }));
  if (entries.every((e) => e.kv)) {
    return { kind: "keyValue", section, line: segments[0]!.line, entries: entries.map((e) => ({ ...e.kv!, line: e.s.line })) };
  }
  const intro = /:$/.test(segments[0]!.text) ? segments[0]! : null;
  const items = intro ? segments.slice(1) : segments;
  const lines = items.map((s) => classifyLine(s.text, s.line));
  const bullets = lines.every((l) => l.kind === "bullet");
  // only items that read as port summaries or fields: other lines keep their words together as
  // prose, where "Ports:<br>- 443<br>- 8443" is still a sentence that names ports
  const texts = lines.map((l, i) => (bullets ? l.text : items[i]!.text));
  if (!texts.every((t) => summaryShaped(t) || (bullets && keyValueOf(t)))) return null;
  if (!intro && items.length < 2) return null;
  return {
    kind: "list",
    section,
    line: items[0]!.line,
    intro: intro?.text ?? null,
    items: lines.map((l, i) => ({ text: texts[i]!, items: [texts[i]!], line: l.line })),
  };
}
