// `portflow diff` end to end: each kind of side (files, folders, flows JSON, git revisions, versioned
// trees), exit codes, the ignore file, atomic output and byte-identical reruns.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { run } from "../src/cli/index.js";
import type { CliIO } from "../src/cli/io.js";
import { ChangelogSchema } from "../src/model/changelog.js";

const ROOT = join(import.meta.dirname, "..");
const FIX = "fixtures/diff";

function memoryIO(cwd: string, isTTY = false, env: Record<string, string> = {}): CliIO & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return { stdout: { write: (s: string) => (out += s), isTTY }, stderr: { write: (s: string) => (err += s) }, cwd, env, out: () => out, err: () => err };
}

async function diff(args: string[], cwd = ROOT, env: Record<string, string> = {}) {
  const io = memoryIO(cwd, false, env);
  const code = await run(["diff", ...args], io);
  return { code, out: io.out(), err: io.err() };
}

/** A repository in a temporary folder: docs/relay.md (ports-added base) committed, then changed to its head. */
function twoCommitRepo() {
  const dir = mkdtempSync(join(tmpdir(), "portflow-git-"));
  const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false", ...args], { cwd: dir, stdio: "pipe" }).toString().trim();
  git("init", "-q");
  mkdirSync(join(dir, "docs"), { recursive: true });
  cpSync(join(ROOT, FIX, "ports-added/base.md"), join(dir, "docs/relay.md"));
  git("add", "-A");
  git("commit", "-q", "-m", "5.0");
  cpSync(join(ROOT, FIX, "ports-added/head.md"), join(dir, "docs/relay.md"));
  git("commit", "-q", "-am", "5.1");
  return { dir, git, first: git("rev-parse", "HEAD~1"), second: git("rev-parse", "HEAD") };
}

const ACTIONS = { GITHUB_ACTIONS: "true", GITHUB_SERVER_URL: "https://github.example.invalid", GITHUB_REPOSITORY: "acme/docs", GITHUB_SHA: "0000000000000000000000000000000000000000" };

describe("portflow diff on files", () => {
  test("two files are one document; JSON validates; --fail-on decides the exit code", async () => {
    const args = [`${FIX}/ports-added/base.md`, `${FIX}/ports-added/head.md`, "--format", "json"];
    const ok = await diff(args);
    expect(ok.code).toBe(0);
    const log = ChangelogSchema.parse(JSON.parse(ok.out));
    expect(log.changes.map((c) => [c.document, c.kind, c.impact])).toEqual([["head.md", "ports-added", "opens"]]);
    expect(log.base.label).toBe(`${FIX}/ports-added/base.md`);
    expect((await diff([...args, "--fail-on", "opens"])).code).toBe(1);
    expect((await diff([...args, "--fail-on", "closes"])).code).toBe(1);
    expect((await diff([`${FIX}/ports-removed/base.md`, `${FIX}/ports-removed/head.md`, "--fail-on", "opens"])).code).toBe(0);
    expect((await diff([`${FIX}/purpose-changed/base.md`, `${FIX}/purpose-changed/head.md`, "--fail-on", "modifies"])).code).toBe(0);
    expect((await diff([`${FIX}/purpose-changed/base.md`, `${FIX}/purpose-changed/head.md`, "--fail-on", "any"])).code).toBe(1);
  });

  test("usage errors exit 2", async () => {
    expect((await diff([`${FIX}/ports-added/base.md`])).code).toBe(2);
    expect((await diff(["a", "b", "--format", "xml"])).code).toBe(2);
    expect((await diff(["a", "b", "--fail-on", "never"])).code).toBe(2);
    expect((await diff(["a", "b", "--versions", "10.7"])).code).toBe(2);
    expect((await diff(["a", "b", "--ignore", "missing-ignore-file"])).code).toBe(2);
  });

  test("an unreadable side exits 3 with a message naming it; a bad flows JSON names the file and field", async () => {
    const missing = await diff(["no/such/dir", `${FIX}/ports-added/head.md`]);
    expect(missing.code).toBe(3);
    expect(missing.err).toContain("no/such/dir: no such file or directory");
    const dir = mkdtempSync(join(tmpdir(), "portflow-diff-"));
    writeFileSync(join(dir, "bad.json"), JSON.stringify({ schemaVersion: 1, documents: [], flows: [{ id: 1 }], mentions: [], diagnostics: [] }));
    const bad = await diff(["bad.json", join(ROOT, FIX, "ports-added/head.md")], dir);
    expect(bad.code).toBe(3);
    expect(bad.err).toMatch(/bad\.json: not a portflow flows document .*at flows\.0\./);
  });

  test("flows JSON sides, -o written atomically, reruns give the same bytes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "portflow-diff-"));
    const io = memoryIO(dir);
    await run(["extract", join(ROOT, FIX, "range-narrowed/base.md"), "-o", "v1/flows.json"], io);
    await run(["extract", join(ROOT, FIX, "range-narrowed/head.md"), "-o", "v2/flows.json"], io);
    // the extracted ids differ (base.md / head.md): make the second one the same document
    const v2 = readFileSync(join(dir, "v2/flows.json"), "utf8").replaceAll('"head.md"', '"base.md"');
    writeFileSync(join(dir, "v2/flows.json"), v2);
    for (const out of ["a.md", "b.md"]) expect((await diff(["v1/flows.json", "v2/flows.json", "--format", "markdown", "-o", out], dir)).code).toBe(0);
    expect(readFileSync(join(dir, "a.md"), "utf8")).toBe(readFileSync(join(dir, "b.md"), "utf8"));
    expect(readFileSync(join(dir, "a.md"), "utf8")).toMatch(/^\+0 opens · −1 closes · 0 modifies\n/);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("a document that could not be read: exit 3, and the changelog is still written for the rest", async () => {
    const dir = mkdtempSync(join(tmpdir(), "portflow-diff-"));
    const io = memoryIO(dir);
    await run(["extract", join(ROOT, FIX, "flow-added/base.md"), "-o", "base.json"], io);
    await run(["extract", join(ROOT, FIX, "flow-added/head.md"), "-o", "head.json"], io);
    const head = JSON.parse(readFileSync(join(dir, "head.json"), "utf8").replaceAll('"head.md"', '"base.md"'));
    head.diagnostics.push({ severity: "error", document: "other.md", line: null, code: "read-failed", message: "docs/other.md: permission denied" });
    writeFileSync(join(dir, "head.json"), JSON.stringify(head));
    const res = await diff(["base.json", "head.json", "--format", "json"], dir);
    expect(res.code).toBe(3);
    expect(res.err).toContain("could not read other.md (head): docs/other.md: permission denied");
    expect(JSON.parse(res.out).changes.map((c: { kind: string }) => c.kind)).toEqual(["flow-added"]);
  });

  test("portflow schema changelog publishes the JSON Schema", async () => {
    const io = memoryIO(ROOT);
    expect(await run(["schema", "changelog"], io)).toBe(0);
    const schema = JSON.parse(io.out());
    expect(schema.title).toMatch(/changelog/);
    expect(schema.properties.changes.items.properties.kind.enum).toContain("range-narrowed");
  });

  test(".portflowignore in the working directory is read; ignored changes are shown and do not fail", async () => {
    const dir = mkdtempSync(join(tmpdir(), "portflow-diff-"));
    cpSync(join(ROOT, FIX, "flow-added"), join(dir, "pair"), { recursive: true });
    const first = await diff(["pair/base.md", "pair/head.md", "--format", "json"], dir);
    const fp = JSON.parse(first.out).changes[0].fingerprint as string;
    writeFileSync(join(dir, ".portflowignore"), `# accepted in review\n${fp}\n`);
    const second = await diff(["pair/base.md", "pair/head.md", "--fail-on", "any"], dir);
    expect(second.code).toBe(0);
    expect(second.out).toContain(`ignored opens flow-added`);
    expect(second.out).toContain(fp);
  });
});

describe("portflow diff on versioned trees and git revisions", () => {
  test("--versions pairs documents by id without the version segment", async () => {
    const dir = mkdtempSync(join(tmpdir(), "portflow-diff-"));
    mkdirSync(join(dir, "docs/relay/5.0"), { recursive: true });
    mkdirSync(join(dir, "docs/relay/5.1"), { recursive: true });
    cpSync(join(ROOT, FIX, "range-widened/base.md"), join(dir, "docs/relay/5.0/ports.md"));
    cpSync(join(ROOT, FIX, "range-widened/head.md"), join(dir, "docs/relay/5.1/ports.md"));
    const res = await diff(["docs", "--versions", "5.0,5.1", "--format", "json"], dir);
    expect(res.code).toBe(0);
    const log = JSON.parse(res.out);
    expect([log.base.label, log.head.label]).toEqual(["5.0", "5.1"]);
    expect(log.changes.map((c: { document: string; kind: string; headLocation: { file: string } }) => [c.document, c.kind, c.headLocation.file])).toEqual([
      ["relay/ports.md", "range-widened", "docs/relay/5.1/ports.md"],
    ]);
  });

  test("git:HEAD~1:docs against git:HEAD:docs, read from objects (the work tree is not touched)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "portflow-git-"));
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false", ...args], { cwd: dir, stdio: "pipe" });
    git("init", "-q");
    mkdirSync(join(dir, "docs/agents"), { recursive: true });
    cpSync(join(ROOT, FIX, "ports-added/base.md"), join(dir, "docs/relay.md"));
    cpSync(join(ROOT, FIX, "document-moved/base/agents/ledger.md"), join(dir, "docs/agents/ledger.md"));
    git("add", "-A");
    git("commit", "-q", "-m", "5.0");
    cpSync(join(ROOT, FIX, "ports-added/head.md"), join(dir, "docs/relay.md"));
    git("rm", "-q", "docs/agents/ledger.md");
    git("add", "-A");
    git("commit", "-q", "-m", "5.1");
    // the work tree now says something else: it must not be read
    writeFileSync(join(dir, "docs/relay.md"), "# Work in progress\n\n| Port | Protocol | Source | Target | Purpose |\n| --- | --- | --- | --- | --- |\n| 9999 | TCP | A | B | C |\n");
    const res = await diff(["git:HEAD~1:docs", "git:HEAD:docs", "--format", "json"], dir);
    expect(res.err).toBe("");
    expect(res.code).toBe(0);
    const log = JSON.parse(res.out);
    expect(log.changes.map((c: { document: string; kind: string }) => [c.document, c.kind])).toEqual([
      ["agents/ledger.md", "document-removed"],
      ["agents/ledger.md", "flow-removed"],
      ["relay.md", "ports-added"],
    ]);
    expect(log.changes[2].headLocation).toEqual({ file: "docs/relay.md", line: 12 });
    const bad = await diff(["git:no-such-ref:docs", "git:HEAD:docs"], dir);
    expect(bad.code).toBe(3);
    expect(bad.err).toContain("git:no-such-ref:docs");
  });
});

describe("file:line links in the Markdown comment", () => {
  test("in GitHub Actions: the git base links to its commit, work-tree files to the checked-out commit", async () => {
    const { dir, first, second } = twoCommitRepo();
    const res = await diff(["git:HEAD~1:docs", "docs", "--format", "markdown"], dir, ACTIONS);
    expect(res.code).toBe(0);
    const url = (sha: string, line: number) => `https://github.example.invalid/acme/docs/blob/${sha}/docs/relay.md?plain=1#L${line}`;
    // both sides at the same line: the head link alone, at the checked-out commit (not GITHUB_SHA)
    expect(res.out).toContain(`| [docs/relay.md:12](${url(second, 12)}) |`);
    expect(res.out).not.toContain(first);
  });

  test("a removed flow links to the base commit; run from a subfolder, paths are made repository paths", async () => {
    const { dir, git, first } = twoCommitRepo();
    writeFileSync(join(dir, "docs/relay.md"), readFileSync(join(dir, "docs/relay.md"), "utf8").replace(/^\| 139, 445 .*\n/m, "").replace(/^\| 445 .*\n/m, ""));
    git("commit", "-q", "-am", "5.2");
    const res = await diff(["git:HEAD~2:.", ".", "--format", "markdown"], join(dir, "docs"), ACTIONS);
    expect(res.out).toContain(`(https://github.example.invalid/acme/docs/blob/${first}/docs/relay.md?plain=1#L12)`);
    const gh = await diff(["git:HEAD~2:.", ".", "--format", "github"], join(dir, "docs"));
    expect(gh.out).toMatch(/^::warning file=docs\/relay\.md,line=12,/m);
  });

  test("--link-base is used for work-tree files; '' turns links off; a flows JSON side gets none; a bad URL is a usage error", async () => {
    const { dir } = twoCommitRepo();
    const explicit = await diff(["git:HEAD~1:docs", "docs", "--format", "markdown", "--link-base", "https://git.example.invalid/acme/docs/-/blob/v5.1"], dir);
    expect(explicit.out).toContain("(https://git.example.invalid/acme/docs/-/blob/v5.1/docs/relay.md?plain=1#L12)");
    const off = await diff(["git:HEAD~1:docs", "docs", "--format", "markdown", "--link-base", ""], dir, ACTIONS);
    expect(off.out).toContain("| docs/relay.md:12 |");
    expect(off.out).not.toContain("](http");
    await run(["extract", "docs", "-o", "flows.json"], memoryIO(dir));
    const json = await diff(["git:HEAD~1:docs", "flows.json", "--format", "markdown"], dir, ACTIONS);
    expect(json.code).toBe(0);
    expect(json.out).toMatch(/\| docs\/relay\.md:12 \|/);
    expect((await diff(["a", "b", "--link-base", "github.com/acme"], dir)).code).toBe(2);
  });

  test("outside a repository, GitHub Actions' GITHUB_SHA names the commit", async () => {
    const dir = mkdtempSync(join(tmpdir(), "portflow-diff-"));
    cpSync(join(ROOT, FIX, "flow-added"), join(dir, "pair"), { recursive: true });
    const res = await diff(["pair/base.md", "pair/head.md", "--format", "markdown"], dir, ACTIONS);
    expect(res.out).toMatch(/\]\(https:\/\/github\.example\.invalid\/acme\/docs\/blob\/0{40}\/pair\/head\.md\?plain=1#L\d+\)/);
  });
});

describe("bad inputs: each message names the input and what is wrong", () => {
  test("a side that cannot be read: exit 3, and the changelog (-o) is still written, saying so", async () => {
    const dir = mkdtempSync(join(tmpdir(), "portflow-diff-"));
    const res = await diff(["missing-dir", join(ROOT, FIX, "ports-added/head.md"), "--format", "markdown", "-o", "comment.md"], dir);
    expect(res.code).toBe(3);
    expect(res.err).toBe("portflow diff: base: missing-dir: no such file or directory\n");
    const md = readFileSync(join(dir, "comment.md"), "utf8");
    expect(md.split("\n")[0]).toBe("+0 opens · −0 closes · 0 modifies");
    expect(md).toContain("- base: `missing-dir`: no such file or directory");
    expect(md).not.toContain("No port changes.");
  });

  test.each([
    ["a folder without documents", (dir: string) => (mkdirSync(join(dir, "empty")), "empty"), /empty: no documents \(\.md, .*\) in this folder/],
    ["JSON that does not parse", (dir: string) => (writeFileSync(join(dir, "x.json"), "{ nope"), "x.json"), /x\.json: not valid JSON/],
    ["a changelog given as a flows document", (dir: string) => (writeFileSync(join(dir, "log.json"), JSON.stringify({ schemaVersion: 1, changes: [] })), "log.json"), /log\.json: not a portflow flows document \(schemaVersion 1\): at documents: /],
    ["a revision starting with '-'", () => "git:--output=x:docs", /a revision cannot start with "-"/],
    ["a git side outside a repository", () => "git:HEAD:docs", /git:HEAD:docs: git ls-tree failed: .*not a git repository/i],
  ])("%s", async (_name, make, message) => {
    const dir = mkdtempSync(join(tmpdir(), "portflow-diff-"));
    const spec = make(dir);
    const res = await diff([spec, join(ROOT, FIX, "ports-added/head.md"), "--format", "json"], dir);
    expect(res.code).toBe(3);
    expect(res.err).toMatch(message);
    const log = ChangelogSchema.parse(JSON.parse(res.out));
    expect(log.changes).toEqual([]);
    expect(log.problems).toEqual([{ side: "base", document: spec, message: expect.any(String) }]);
  });

  test("git: an unknown revision and a path absent at that revision", async () => {
    const { dir } = twoCommitRepo();
    const res = await diff(["git:no-such-ref:docs", "git:HEAD:nothing-here"], dir);
    expect(res.code).toBe(3);
    expect(res.err).toMatch(/^portflow diff: base: git:no-such-ref:docs: git ls-tree failed: .*no-such-ref/m);
    expect(res.err).toContain('portflow diff: head: git:HEAD:nothing-here: no documents under "nothing-here" at HEAD');
  });

  test("--versions: a segment no document has is named", async () => {
    const dir = mkdtempSync(join(tmpdir(), "portflow-diff-"));
    mkdirSync(join(dir, "docs/5.0"), { recursive: true });
    cpSync(join(ROOT, FIX, "range-widened/base.md"), join(dir, "docs/5.0/ports.md"));
    const res = await diff(["docs", "--versions", "5.0,5.1"], dir);
    expect(res.code).toBe(3);
    expect(res.err).toContain('docs: no document has a path segment "5.1"');
  });
});
