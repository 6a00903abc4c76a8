// portflow diff <base> <head>: the changelog between two versions of the documentation.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { diffFlowsDocuments, impactAtLeast, IgnoreFileError, parseIgnoreFile, renderChangelog, REPORT_FORMATS, IMPACTS, type Changelog, type FlowsDocument, type Impact, type IgnoreRules, type RenderOptions, type ReportFormat } from "../index.js";
// not (yet) re-exported by src/index.ts
import { loadDiffInputs, type DiffInputs, type SideSource } from "../diff/inputs.js";
import { resolveCommit, repositoryPrefix } from "../read/git.js";
import { atRevision, githubLinkBase } from "../report/links.js";
import { writeFileAtomic } from "../io/atomic.js";
import { oneOf, parseCommandArgs } from "./args.js";
import { EXIT, UsageError, type CliIO } from "./io.js";

const FAIL_ON = ["opens", "closes", "modifies", "any"] as const;

export const diffHelp = `Usage: portflow diff <base> <head> [options]
       portflow diff <tree> --versions A,B

Writes the changelog of port requirements from <base> to <head>. Each side is a flows document
(.json from 'portflow extract'), a document file or folder (extracted on the fly), or
git:<ref>:<path> (read from git objects, e.g. git:origin/main:docs; the work tree is not touched).
  --format F          text (default) | json | markdown (PR comment) | github (annotations)
  -o, --output FILE   write to FILE (atomically) instead of standard output
  --fail-on LEVEL     exit 1 when a change not ignored has this impact or above:
                      opens | closes | modifies | any (opens > closes > modifies > cosmetic)
  --ignore FILE       accepted changes: fingerprints or kind:/document:/impact: patterns
                      (default: .portflowignore when present)
  --versions A,B      versioned tree: base keeps documents under path segment A, head under B;
                      documents pair by id without that segment (one path serves both sides)
  --link-base URL     markdown: turn file:line into links; URL is the blob URL of the checked-out
                      commit (https://github.com/ORG/REPO/blob/SHA/). git:<ref> sides link to their
                      own commit, flows JSON sides to nothing. Default in GitHub Actions: built from
                      GITHUB_SERVER_URL, GITHUB_REPOSITORY and the commit; --link-base '' turns links off
  --base-label L, --head-label L   names shown for the two sides
Exit: 0 ok, 1 a change at --fail-on or above, 2 usage error, 3 a document or side could not be read
(the changelog is still written; 3 wins over 1).

Example: portflow diff git:origin/main:docs git:HEAD:docs --format markdown -o changes.md --fail-on opens`;

export async function diffCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: "string" },
    output: { type: "string", short: "o" },
    "fail-on": { type: "string" },
    ignore: { type: "string" },
    versions: { type: "string" },
    "link-base": { type: "string" },
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
  const linkBase = parseLinkBase(values["link-base"]);
  const [baseSpec, headSpec = baseSpec] = positionals as [string, string?];
  const ignore = await loadIgnore(values.ignore, io);

  const inputs = await loadDiffInputs(baseSpec, headSpec, versions ? { cwd: io.cwd, versions } : { cwd: io.cwd });
  const labels = { baseLabel: values["base-label"] ?? versions?.[0] ?? baseSpec, headLabel: values["head-label"] ?? versions?.[1] ?? headSpec };
  const changelog = inputs.base && inputs.head
    ? diffFlowsDocuments(inputs.base, inputs.head, { ...labels, ...(ignore ? { ignore } : {}) })
    : unloadable(inputs, labels);

  const render: RenderOptions = { isTTY: !values.output && io.stdout.isTTY === true, env: io.env, ...(await locations(format, linkBase, inputs, io)) };
  const text = renderChangelog(changelog, format, render);
  if (values.output) await writeFileAtomic(resolve(io.cwd, values.output), text);
  else io.stdout.write(text);
  // a side that could not be loaded: its own message (it names the input); else each unreadable document
  for (const f of inputs.failures) io.stderr.write(`portflow diff: ${f.side}: ${f.message}\n`);
  if (!inputs.failures.length) for (const p of changelog.problems) io.stderr.write(`portflow diff: could not read ${p.document} (${p.side}): ${p.message}\n`);
  if (changelog.problems.length) return EXIT.unreadable;
  return failOn && failing(changelog, failOn) ? EXIT.findings : EXIT.ok;
}

/** A side that could not be loaded: nothing is compared, the changelog says why (each side named). */
function unloadable(inputs: DiffInputs, labels: { baseLabel: string; headLabel: string }): Changelog {
  const empty: FlowsDocument = { schemaVersion: 1, documents: [], flows: [], mentions: [], diagnostics: [] };
  const log = diffFlowsDocuments(empty, empty, labels);
  const problems = inputs.failures.map((f) => ({ side: f.side, document: f.spec, message: f.message.startsWith(`${f.spec}: `) ? f.message.slice(f.spec.length + 2) : f.message }));
  return { ...log, problems };
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

/** undefined: not given; null: links turned off (''); else an http(s) URL. */
function parseLinkBase(value: string | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === "") return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--link-base expects a URL such as https://github.com/ORG/REPO/blob/SHA/, got "${value}"`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new UsageError(`--link-base must be an http(s) URL, got "${value}"`);
  return value.endsWith("/") ? value : `${value}/`;
}

/**
 * Where file:line points for each side (markdown links) and the repository path of the working
 * directory (links and annotations use repository paths). Documents read from the work tree link
 * to the checked-out commit; a git:<ref> side to the commit its ref names; a flows JSON side to
 * nothing, since the revision it was extracted from is unknown.
 */
async function locations(format: ReportFormat, linkBase: string | null | undefined, inputs: DiffInputs, io: CliIO): Promise<Pick<RenderOptions, "links" | "repoPath">> {
  if (format !== "markdown" && format !== "github") return {};
  const repoPath = (await repositoryPrefix(io.cwd)) ?? "";
  if (format !== "markdown" || linkBase === null) return { repoPath };
  const headCommit = await resolveCommit("HEAD", io.cwd);
  const workTree = linkBase ?? githubLinkBase(io.env, headCommit);
  if (!workTree) return { repoPath };
  const linkFor = async (source: SideSource): Promise<string | undefined> => {
    if (source.kind === "flows") return undefined;
    if (source.kind === "files") return workTree;
    const commit = await resolveCommit(source.ref, io.cwd);
    if (!commit) return undefined;
    return commit === headCommit ? workTree : (atRevision(workTree, commit) ?? undefined);
  };
  const [base, head] = await Promise.all([linkFor(inputs.sources.base), linkFor(inputs.sources.head)]);
  return { repoPath, links: { ...(base ? { base } : {}), ...(head ? { head } : {}) } };
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
