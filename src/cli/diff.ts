// portflow diff <base> <head>: the changelog between two versions of the documentation.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { diffFlowsDocuments, impactAtLeast, IgnoreFileError, InputError, loadDiffSides, parseIgnoreFile, renderChangelog, REPORT_FORMATS, IMPACTS, type Changelog, type Impact, type IgnoreRules } from "../index.js";
import { writeFileAtomic } from "../io/atomic.js";
import { oneOf, parseCommandArgs } from "./args.js";
import { EXIT, UsageError, type CliIO } from "./io.js";

const FAIL_ON = ["opens", "closes", "modifies", "any"] as const;

export const diffHelp = `Usage: portflow diff <base> <head> [options]
       portflow diff <tree> --versions A,B

Writes the changelog of port requirements from <base> to <head>. Each side is a flows document
(.json from 'portflow extract'), a document file or folder (extracted on the fly), or
git:<ref>:<path> (read from git objects, e.g. git:origin/main:docs; the work tree is not touched).
  --format F          json | markdown (PR comment) | text (default) | github (annotations)
  -o, --output FILE   write to FILE (atomically) instead of standard output
  --fail-on LEVEL     exit 1 when a change not ignored has this impact or above:
                      opens | closes | modifies | any (opens > closes > modifies > cosmetic)
  --ignore FILE       accepted changes: fingerprints or kind:/document:/impact: patterns
                      (default: .portflowignore when present)
  --versions A,B      versioned tree: base keeps documents under path segment A, head under B;
                      documents pair by id without that segment (one path serves both sides)
  --base-label L, --head-label L   names shown for the two sides
Exit: 0 ok, 1 a change at --fail-on or above, 2 usage error, 3 a document or side could not be read
(the changelog is still written for the rest; 3 wins over 1).

Example: portflow diff git:origin/main:docs git:HEAD:docs --format markdown -o changes.md --fail-on opens`;

export async function diffCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: "string" },
    output: { type: "string", short: "o" },
    "fail-on": { type: "string" },
    ignore: { type: "string" },
    versions: { type: "string" },
    "base-label": { type: "string" },
    "head-label": { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) return io.stdout.write(diffHelp + "\n"), EXIT.ok;
  const format = oneOf("format", values.format, REPORT_FORMATS) ?? "text";
  const failOn = oneOf("fail-on", values["fail-on"], FAIL_ON);
  const versions = parseVersions(values.versions);
  if (positionals.length > 2 || positionals.length < (versions ? 1 : 2)) {
    throw new UsageError(versions ? "diff needs one tree (or <base> <head>) with --versions" : "diff needs <base> and <head>");
  }
  const [baseSpec, headSpec = baseSpec] = positionals as [string, string?];
  const ignore = await loadIgnore(values.ignore, io);

  let changelog: Changelog;
  try {
    const { base, head } = await loadDiffSides(baseSpec, headSpec, versions ? { cwd: io.cwd, versions } : { cwd: io.cwd });
    changelog = diffFlowsDocuments(base, head, {
      baseLabel: values["base-label"] ?? versions?.[0] ?? baseSpec,
      headLabel: values["head-label"] ?? versions?.[1] ?? headSpec,
      ...(ignore ? { ignore } : {}),
    });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    io.stderr.write(`portflow diff: ${e.message}\n`);
    return EXIT.unreadable;
  }

  const text = renderChangelog(changelog, format, { isTTY: !values.output && io.stdout.isTTY === true, env: io.env });
  if (values.output) await writeFileAtomic(resolve(io.cwd, values.output), text);
  else io.stdout.write(text);
  for (const p of changelog.problems) io.stderr.write(`portflow diff: could not read ${p.document} (${p.side}): ${p.message}\n`);
  if (changelog.problems.length) return EXIT.unreadable;
  return failOn && failing(changelog, failOn) ? EXIT.findings : EXIT.ok;
}

function failing(changelog: Changelog, failOn: (typeof FAIL_ON)[number]): boolean {
  const threshold: Impact = failOn === "any" ? IMPACTS[IMPACTS.length - 1]! : failOn;
  return changelog.changes.some((c) => !c.ignored && impactAtLeast(c.impact, threshold));
}

function parseVersions(value: string | undefined): [string, string] | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(",").map((v) => v.trim());
  if (parts.length !== 2 || !parts[0] || !parts[1] || parts.some((p) => p.includes("/"))) {
    throw new UsageError(`--versions expects two path segments A,B (e.g. --versions 10.7,10.8), got "${value}"`);
  }
  return [parts[0], parts[1]];
}

/** --ignore FILE must exist; the default .portflowignore is read only when present. */
async function loadIgnore(explicit: string | undefined, io: CliIO): Promise<IgnoreRules | undefined> {
  const file = explicit ?? ".portflowignore";
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, file), "utf8");
  } catch (e) {
    if (explicit === undefined && (e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new UsageError(`--ignore ${file}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}`);
  }
  try {
    return parseIgnoreFile(text, file);
  } catch (e) {
    if (e instanceof IgnoreFileError) throw new UsageError(e.message);
    throw e;
  }
}
