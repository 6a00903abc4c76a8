// The ignore file: accepted changes, one per line. A line is a 12-hex fingerprint, or one or more
// `field:pattern` terms that must all match (`kind:purpose-changed`, `document:docs/foo/*.md`,
// `impact:cosmetic kind:mention-*`); `#` starts a comment. Ignored changes stay in the changelog,
// marked, and do not fail the run.
import { createRequire } from "node:module";
import type { Change } from "../model/changelog.js";

type Matcher = (value: string) => boolean;
const picomatch = createRequire(import.meta.url)("picomatch") as (glob: string, options?: { dot?: boolean }) => Matcher;

export const IGNORE_FIELDS = ["fingerprint", "kind", "impact", "document"] as const;
type Field = (typeof IGNORE_FIELDS)[number];

export interface IgnoreRule {
  /** the line as written, for messages */
  text: string;
  line: number;
  terms: { field: Field; pattern: string }[];
}

export interface IgnoreRules {
  rules: IgnoreRule[];
}

export class IgnoreFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}:${line}: ${message}`);
  }
}

const FINGERPRINT = /^[0-9a-f]{12}$/i;

/** Parses the ignore file's text; a line that is neither a fingerprint nor `field:pattern` terms is an error naming its line. */
export function parseIgnoreFile(text: string, file = ".portflowignore"): IgnoreRules {
  const rules: IgnoreRule[] = [];
  // an editor's byte-order mark is not part of the first rule
  text.replace(/^\uFEFF/, "").split(/\r?\n/).forEach((raw, i) => {
    const body = raw.replace(/(^|\s)#.*$/, "").trim();
    if (!body) return;
    const terms = body.split(/\s+/).map((word) => {
      if (FINGERPRINT.test(word)) return { field: "fingerprint" as const, pattern: word.toLowerCase() };
      const colon = word.indexOf(":");
      const field = word.slice(0, colon) as Field;
      if (colon < 1 || !IGNORE_FIELDS.includes(field) || colon === word.length - 1) {
        throw new IgnoreFileError(file, i + 1, `expected a 12-hex fingerprint or field:pattern with field one of ${IGNORE_FIELDS.join(", ")} (e.g. kind:purpose-changed), found "${word}"`);
      }
      return { field, pattern: word.slice(colon + 1) };
    });
    rules.push({ text: body, line: i + 1, terms });
  });
  return { rules };
}

export function ignoreMatcher(rules: IgnoreRules): (change: Change) => boolean {
  const compiled = rules.rules.map((r) => r.terms.map((t) => ({ field: t.field, test: picomatch(t.pattern, { dot: true }) })));
  return (change) => compiled.some((terms) => terms.every((t) => t.test(change[t.field])));
}
