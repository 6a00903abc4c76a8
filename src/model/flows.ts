// The flows document: the one schema that validates what `portflow extract` writes and from which
// the published JSON Schema is generated. Field names and meanings are the contract of
// ../shared/eval/README.md (schemaVersion 1): fields may be added, never renamed or dropped.
import { z } from "zod";

export const FORMATS = ["markdown", "html", "text"] as const;
export const FormatSchema = z.enum(FORMATS);
export type Format = z.infer<typeof FormatSchema>;

export const DirectionSchema = z.enum(["inbound", "outbound", "bidirectional"]);
export type Direction = z.infer<typeof DirectionSchema>;

export const SeveritySchema = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof SeveritySchema>;

const portNumber = z.number().int().min(1).max(65535);

export const PortRangeSchema = z
  .object({
    from: portNumber,
    to: portNumber,
    dynamic: z.boolean().optional().describe("a dynamic / ephemeral range"),
    assumed: z.boolean().optional().describe("the numbers are not in the text (e.g. 'RPC Dynamic Range')"),
  })
  .refine((r) => r.from <= r.to, { message: "from must not exceed to" });
export type PortRange = z.infer<typeof PortRangeSchema>;

export const DocumentInfoSchema = z.object({
  id: z.string().describe("stable id: path relative to the input root, '/' separators"),
  path: z.string(),
  title: z.string().nullable(),
  format: FormatSchema,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  version: z.string().nullable(),
  meta: z.record(z.string(), z.unknown()).optional().describe("front matter fields other than the title"),
});
export type DocumentInfo = z.infer<typeof DocumentInfoSchema>;

export const LocationSchema = z.object({
  line: z.number().int().min(1).describe("1-based line of the row or item in the original file"),
  alsoAt: z.array(z.number().int().min(1)).optional().describe("other lines that repeat this flow (e.g. a summary)"),
});

export const FlowSchema = z.object({
  id: z.string(),
  document: z.string(),
  section: z.array(z.string()).describe("heading trail, page title first"),
  source: z.string().nullable().describe("who opens the connection; null when not said"),
  target: z.string().nullable().describe("who listens"),
  direction: DirectionSchema.nullable(),
  protocol: z.string().nullable().describe("transport, lower case: tcp | udp | icmp | …"),
  service: z.string().nullable().describe("application protocol when named: https, smb, ssh, …"),
  ports: z.array(PortRangeSchema).describe("destination ports on the target, sorted"),
  purpose: z.array(z.string()),
  conditions: z.array(z.string()),
  optional: z.boolean(),
  location: LocationSchema,
  raw: z.record(z.string(), z.string()).describe("the cells as written, by role (unknown columns by header)"),
});
export type Flow = z.infer<typeof FlowSchema>;

export const MentionSchema = z.object({
  document: z.string(),
  section: z.array(z.string()),
  line: z.number().int().min(1),
  sentence: z.string(),
  ports: z.array(PortRangeSchema),
});
export type Mention = z.infer<typeof MentionSchema>;

export const DiagnosticSchema = z.object({
  severity: SeveritySchema,
  document: z.string(),
  line: z.number().int().min(1).nullable(),
  code: z.string(),
  message: z.string(),
  actual: z.string().optional().describe("the text that caused it"),
});
export type Diagnostic = z.infer<typeof DiagnosticSchema>;

export const FlowsDocumentSchema = z.object({
  schemaVersion: z.literal(1),
  documents: z.array(DocumentInfoSchema),
  flows: z.array(FlowSchema),
  mentions: z.array(MentionSchema),
  diagnostics: z.array(DiagnosticSchema),
});
export type FlowsDocument = z.infer<typeof FlowsDocumentSchema>;
