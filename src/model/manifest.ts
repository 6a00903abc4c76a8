// A source manifest (sources/*.json): which documentation tree `portflow run` reads, and how its
// versions are named. Validation problems become readable messages: file, field, expected, found.
import { z } from "zod";
import { FormatSchema } from "./flows.js";

// Names and version labels become folder names under --out: no separators, no leading dot.
const SLUG = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const slug = (example: string) =>
  z.string().regex(SLUG, { message: `letters, digits, '.', '_' or '-', starting with a letter or digit (e.g. "${example}")` });

/** A glob relative to the root: never absolute, never climbing out with `..`. */
const relativeGlob = z
  .string()
  .min(1, { message: "a non-empty glob relative to the root (e.g. \"docs/**/*.md\")" })
  .refine((g) => !/^(\/|[A-Za-z]:[\\/]|\\)/.test(g) && !g.split(/[\\/]/).includes(".."), {
    message: "a glob relative to the root, without '..' or a leading '/' (e.g. \"docs/**/*.md\")",
  });

export const GitRootSchema = z.strictObject({
  git: z.string().min(1).describe("a local git repository, relative to the manifest file"),
  ref: z.string().min(1).describe("branch, tag or commit to read (read from git objects, the work tree is not touched)"),
});

export const VERSION_PLACEHOLDER = "{version}";

/** `docs/x/{version}/**` (the segment in place of {version} names the version) or a fixed label. */
const versionSpec = z.string().superRefine((v, ctx) => {
  if (!v.includes(VERSION_PLACEHOLDER)) {
    if (!SLUG.test(v)) ctx.addIssue({ code: "custom", message: 'a path pattern holding one "{version}" segment (e.g. "docs/sentinel/{version}/**") or a fixed label such as "4.2"' });
    return;
  }
  const segments = v.split("/");
  const holders = segments.filter((s) => s.includes(VERSION_PLACEHOLDER));
  if (holders.length !== 1 || holders[0] !== VERSION_PLACEHOLDER || v.split(VERSION_PLACEHOLDER).length !== 2) {
    ctx.addIssue({ code: "custom", message: 'exactly one whole path segment "{version}" (e.g. "docs/sentinel/{version}/**")' });
  } else if (segments.includes("..") || v.startsWith("/")) {
    ctx.addIssue({ code: "custom", message: "a pattern relative to the root, without '..' or a leading '/'" });
  } else if (segments.slice(0, segments.indexOf(VERSION_PLACEHOLDER)).some((s) => /[*?[\]{}()!]/.test(s))) {
    // the version is then always the same segment of the path, read without guessing
    ctx.addIssue({ code: "custom", message: 'plain folder names before "{version}", without wildcards (e.g. "docs/sentinel/{version}/**")' });
  }
});

export const ManifestSchema = z.strictObject({
  $schema: z.string().optional(),
  name: slug("sentinel").refine((n) => n.toLowerCase() !== "index.json", { message: 'a name other than "index.json" (the run\'s summary file)' }).describe("folder name of this source under --out; unique across manifests"),
  product: z.string().min(1, { message: "the product's name (e.g. \"Northwind Sentinel\")" }),
  root: z
    .union([z.string().min(1), GitRootSchema], { error: 'a directory relative to the manifest file (e.g. "sample") or { "git": "repo", "ref": "main" }' })
    .describe("a directory relative to the manifest file, or a git repository and ref"),
  include: z.array(relativeGlob).min(1).optional().describe("globs of the documents to read (default: every .md/.html/.txt file)"),
  exclude: z.array(relativeGlob).default([]).describe("globs to leave out"),
  version: versionSpec.default("current").describe('"docs/x/{version}/**" or a fixed label (default "current")'),
  formats: z.record(relativeGlob, FormatSchema).optional().describe("format hints: glob → markdown | html | text"),
});
export type Manifest = z.infer<typeof ManifestSchema>;
export type GitRoot = z.infer<typeof GitRootSchema>;

export interface ManifestProblem {
  file: string;
  field: string;
  expected: string;
  found: string;
}

/** A manifest that cannot be used; `problems` say where and why, one line each. */
export class ManifestError extends Error {
  constructor(
    readonly file: string,
    readonly problems: ManifestProblem[],
  ) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "ManifestError";
  }
}

export function formatProblem(p: ManifestProblem): string {
  return `${p.file}: ${p.field}: expected ${p.expected}, found ${p.found}`;
}

/** Validates parsed JSON; throws a ManifestError naming file, field, expected and found. */
export function parseManifest(file: string, value: unknown): Manifest {
  const result = ManifestSchema.safeParse(value);
  if (result.success) return result.data;
  throw new ManifestError(file, result.error.issues.flatMap((issue) => problemsOf(file, issue, value)));
}

function problemsOf(file: string, issue: z.core.$ZodIssue, input: unknown): ManifestProblem[] {
  // A root given as an object is meant as a git root: say which of its fields is wrong.
  const actual = valueAt(input, issue.path);
  if (issue.code === "invalid_union" && issue.path.join(".") === "root" && actual && typeof actual === "object" && !Array.isArray(actual)) {
    const inner = GitRootSchema.safeParse(actual);
    if (!inner.success) return inner.error.issues.map((i) => problemOf(file, { ...i, path: ["root", ...i.path] }, input));
  }
  return [problemOf(file, issue, input)];
}

function problemOf(file: string, issue: z.core.$ZodIssue, input: unknown): ManifestProblem {
  const path = [...issue.path];
  if (issue.code === "unrecognized_keys") {
    const allowed = Object.keys(path.length === 0 ? ManifestSchema.shape : GitRootSchema.shape);
    return { file, field: fieldName([...path, issue.keys[0] ?? "?"]), expected: `one of the fields ${allowed.join(", ")}`, found: `unknown field(s) ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}` };
  }
  const actual = valueAt(input, path);
  const what =
    issue.code === "invalid_type"
      ? issue.expected === "object" && path.length === 0
        ? "a JSON object"
        : articled(issue.expected)
      : issue.code === "invalid_value"
        ? `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`
        : issue.message;
  const expected = actual === undefined ? `${what} (the field is required)` : what;
  return { file, field: fieldName(path), expected, found: describeValue(actual) };
}

function articled(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function fieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(manifest)";
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join("");
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function describeValue(v: unknown): string {
  if (v === undefined) return "nothing";
  const json = JSON.stringify(v);
  const shown = json.length > 60 ? `${json.slice(0, 57)}...` : json;
  const type = v === null ? "null" : Array.isArray(v) ? "array" : typeof v;
  return `${type} ${shown}`;
}
