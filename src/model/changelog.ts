// The changelog document (`portflow diff --format json`): schemaVersion 1, the contract of
// ../shared/eval/README.md. Every type is inferred from this schema; `portflow schema changelog`
// publishes it.
import { z } from "zod";
import { FlowSchema, MentionSchema, PortRangeSchema } from "./flows.js";
import { CHANGE_KIND_IDS, IMPACTS, IMPACT_RANK, kindRank } from "./changes.js";
import { compareText } from "./order.js";

export const ImpactSchema = z.enum(IMPACTS);
export const ChangeKindSchema = z.enum(CHANGE_KIND_IDS);

export const SourceLocationSchema = z.object({
  file: z.string().describe("the document's path as read (for a versioned tree: with its version segment)"),
  line: z.number().int().min(1).nullable(),
});
export type SourceLocation = z.infer<typeof SourceLocationSchema>;

export const ChangeSchema = z.object({
  kind: ChangeKindSchema.describe("the primary kind; see `also` for the other aspects of the same pair"),
  impact: ImpactSchema.describe("the highest impact of the change's aspects"),
  document: z.string().describe("document id (version segment removed for versioned trees); the head id when both sides have it"),
  fingerprint: z.string().regex(/^[0-9a-f]{12}$/).describe("stable across runs and line moves: kind, document and content, never lines"),
  message: z.string(),
  also: z.array(ChangeKindSchema).describe("further aspects of the same flow pair (e.g. purpose-changed beside ports-added)"),
  baseLocation: SourceLocationSchema.nullable(),
  headLocation: SourceLocationSchema.nullable(),
  before: FlowSchema.nullable().describe("the flow in base; null when the flow is new"),
  after: FlowSchema.nullable().describe("the flow in head; null when the flow is gone"),
  beforeMention: MentionSchema.nullable(),
  afterMention: MentionSchema.nullable(),
  details: z.object({
    from: z.string().nullable().describe("old name or path (endpoint-renamed, document-moved)"),
    to: z.string().nullable(),
    portsAdded: z.array(PortRangeSchema).describe("ports of `after` that `before` lacks (range arithmetic)"),
    portsRemoved: z.array(PortRangeSchema),
  }),
  ignored: z.boolean().describe("accepted by the ignore file: shown, but does not fail the run"),
});
export type Change = z.infer<typeof ChangeSchema>;

export const SideSchema = z.object({
  label: z.string(),
  documents: z.number().int().min(0),
  flows: z.number().int().min(0),
});

export const ProblemSchema = z.object({
  side: z.enum(["base", "head"]),
  document: z.string(),
  message: z.string(),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const SummarySchema = z.object({
  opens: z.number().int().min(0),
  closes: z.number().int().min(0),
  modifies: z.number().int().min(0),
  cosmetic: z.number().int().min(0),
  ignored: z.number().int().min(0).describe("changes accepted by the ignore file (not counted above)"),
});
export type Summary = z.infer<typeof SummarySchema>;

export const ChangelogSchema = z.object({
  schemaVersion: z.literal(1),
  base: SideSchema,
  head: SideSchema,
  summary: SummarySchema,
  changes: z.array(ChangeSchema),
  problems: z.array(ProblemSchema).describe("documents that could not be read on one side; left out of the comparison"),
});
export type Changelog = z.infer<typeof ChangelogSchema>;

const line = (c: Change) => c.headLocation?.line ?? c.baseLocation?.line ?? 0;

/** The one order of changes: by document, document-level first, then impact, kind, line, fingerprint. */
export function compareChanges(a: Change, b: Change): number {
  return (
    compareText(a.document, b.document) ||
    Number(!a.kind.startsWith("document-")) - Number(!b.kind.startsWith("document-")) ||
    IMPACT_RANK[b.impact] - IMPACT_RANK[a.impact] ||
    kindRank(a.kind) - kindRank(b.kind) ||
    line(a) - line(b) ||
    compareText(a.fingerprint, b.fingerprint)
  );
}

export function sortChanges(changes: readonly Change[]): Change[] {
  return [...changes].sort(compareChanges);
}

export function summarize(changes: readonly Change[]): Summary {
  const s: Summary = { opens: 0, closes: 0, modifies: 0, cosmetic: 0, ignored: 0 };
  for (const c of changes) c.ignored ? s.ignored++ : s[c.impact]++;
  return s;
}
