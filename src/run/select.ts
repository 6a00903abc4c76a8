// The documents of one source: list the files of its root (a folder or a git ref), keep those the
// include / exclude globs select, read their version, and read their bytes. Nothing outside the
// root is ever read: globs with '..' are refused by the manifest schema, symbolic links in a folder
// are not followed, and symbolic links in a git tree are reported instead of read.
import { execFile, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import { join, resolve, sep } from "node:path";
import { promisify } from "node:util";
import { glob } from "tinyglobby";
import type { Format } from "../model/flows.js";
import { sha256Hex } from "../model/ids.js";
import type { Manifest } from "../model/manifest.js";
import { DOCUMENT_GLOB, type ReadFailure, type SourceDocument } from "../read/documents.js";
import { globMatcher } from "./glob.js";
import { compareVersions, versionReader } from "./versions.js";

const run = promisify(execFile);

/** The source as a whole cannot be read (missing root, missing ref): its versions are not touched. */
export class SourceUnreadableError extends Error {}

export interface VersionDocuments {
  version: string;
  documents: SourceDocument[];
  /** format hint of each document that has one, by document id */
  formats: Map<string, Format>;
  failures: ReadFailure[];
}

/** A selected file of a version, not read yet. */
export interface VersionFile {
  id: string;
  /** path relative to the root, '/' separators */
  rel: string;
  /** where the file is on disk; null when it comes from git objects */
  absolute: string | null;
  read: () => Promise<Uint8Array>;
}

export interface VersionFiles {
  version: string;
  files: VersionFile[];
  formats: Map<string, Format>;
  failures: ReadFailure[];
}

interface ListedFile {
  /** path relative to the root, '/' separators */
  rel: string;
  absolute: string | null;
  read: () => Promise<Uint8Array>;
}

/** Reads every selected document of a source, grouped by version in version order. */
export async function selectSource(manifest: Manifest, manifestDir: string): Promise<VersionDocuments[]> {
  const versions = await listSource(manifest, manifestDir);
  const out: VersionDocuments[] = [];
  for (const v of versions) {
    const read: VersionDocuments = { version: v.version, documents: [], formats: v.formats, failures: v.failures };
    for (const file of v.files) {
      const result = await readVersionFile(file);
      if ("message" in result) read.failures.push(result);
      else read.documents.push(result);
    }
    out.push(read);
  }
  return out;
}

/** The selected files of a source, grouped by version in version order, without reading them: a
 * run that will parse every file anyway lets the workers read them. */
export async function listSource(manifest: Manifest, manifestDir: string): Promise<VersionFiles[]> {
  const { files, failures } = typeof manifest.root === "string"
    ? await listFolder(manifest, resolve(manifestDir, manifest.root))
    : await listGitRef(manifest, resolve(manifestDir, manifest.root.git), manifest.root.ref);
  const versionOf = versionReader(manifest.version);
  const formatOf = formatHints(manifest.formats);
  const byVersion = new Map<string, VersionFiles>();
  const group = (version: string) => {
    let v = byVersion.get(version);
    if (!v) byVersion.set(version, (v = { version, files: [], formats: new Map(), failures: [] }));
    return v;
  };
  for (const failure of failures) {
    const versioned = versionOf(failure.path);
    if (versioned) group(versioned.version).failures.push({ ...failure, id: versioned.id });
  }
  for (const file of files) {
    const versioned = versionOf(file.rel);
    if (!versioned) continue;
    const target = group(versioned.version);
    target.files.push({ id: versioned.id, rel: file.rel, absolute: file.absolute, read: file.read });
    const format = formatOf(file.rel);
    if (format) target.formats.set(versioned.id, format);
  }
  return [...byVersion.values()].sort((a, b) => compareVersions(a.version, b.version));
}

/** The document, or why it could not be read. */
export async function readVersionFile(file: VersionFile): Promise<SourceDocument | ReadFailure> {
  try {
    const bytes = await file.read();
    return { id: file.id, path: file.rel, bytes, sha256: sha256Hex(bytes) };
  } catch (err) {
    return { id: file.id, path: file.rel, message: (err as Error).message };
  }
}

function formatHints(hints: Manifest["formats"]): (rel: string) => Format | undefined {
  const matchers = Object.entries(hints ?? {}).map(([g, format]) => ({ match: globMatcher([g], { nocase: true }), format }));
  return (rel) => matchers.find((m) => m.match(rel))?.format;
}

async function listFolder(manifest: Manifest, root: string): Promise<{ files: ListedFile[]; failures: ReadFailure[] }> {
  const info = await stat(root).catch(() => null);
  if (!info?.isDirectory()) throw new SourceUnreadableError(`root "${String(manifest.root)}" is not a folder (resolved from the manifest's folder)`);
  // Symbolic links are not followed (nor listed): a link cannot lead the run out of the root, and
  // a symlinked folder cannot make the walk loop.
  const rels = await glob(manifest.include ?? [DOCUMENT_GLOB], {
    cwd: root,
    ignore: manifest.exclude,
    dot: false,
    onlyFiles: true,
    followSymbolicLinks: false,
    caseSensitiveMatch: false,
    expandDirectories: false,
  });
  const files = rels
    .map((r) => r.split(sep).join("/"))
    .filter((rel) => !rel.split("/").includes(".."))
    .sort()
    // read synchronously: many small files read one after the other are faster than awaited reads
    .map((rel) => ({ rel, absolute: join(root, rel), read: async () => new Uint8Array(readFileSync(join(root, rel))) }));
  return { files, failures: [] };
}

async function listGitRef(manifest: Manifest, repo: string, ref: string): Promise<{ files: ListedFile[]; failures: ReadFailure[] }> {
  const git = (args: string[]) => run("git", ["-C", repo, ...args], { maxBuffer: 1 << 30, encoding: "buffer" });
  const info = await stat(repo).catch(() => null);
  if (!info?.isDirectory()) throw new SourceUnreadableError(`git repository "${(manifest.root as { git: string }).git}" is not a folder`);
  let commit: string;
  try {
    commit = (await git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`])).stdout.toString().trim();
  } catch {
    throw new SourceUnreadableError(`git ref "${ref}" not found in repository "${(manifest.root as { git: string }).git}"`);
  }
  const tree = (await git(["ls-tree", "-r", "-z", "--full-tree", commit])).stdout.toString("utf8");
  const include = globMatcher(manifest.include ?? [DOCUMENT_GLOB], { nocase: true });
  const exclude = globMatcher(manifest.exclude, { nocase: true });
  const wanted: { rel: string; object: string }[] = [];
  const failures: ReadFailure[] = [];
  for (const entry of tree.split("\0")) {
    const m = /^(\d+) (\w+) ([0-9a-f]+)\t(.+)$/s.exec(entry);
    if (!m || !include(m[4]!) || exclude(m[4]!)) continue;
    const [, mode, type, object, rel] = m as unknown as [string, string, string, string, string];
    if (mode === "120000") failures.push({ id: rel, path: rel, message: "is a symbolic link in the git tree; not followed" });
    else if (type === "blob") wanted.push({ rel, object });
  }
  const blobs = await readBlobs(repo, wanted.map((w) => w.object));
  const files = wanted
    .sort((a, b) => (a.rel < b.rel ? -1 : 1))
    .map((w) => ({ rel: w.rel, absolute: null, read: async () => blobs.get(w.object)! }));
  return { files, failures };
}

/** All blobs through one `git cat-file --batch`, not one process per file. */
function readBlobs(repo: string, objects: string[]): Promise<Map<string, Uint8Array>> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn("git", ["-C", repo, "cat-file", "--batch"], { stdio: ["pipe", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`git cat-file exited with ${code}`));
      const out = Buffer.concat(chunks);
      const blobs = new Map<string, Uint8Array>();
      let at = 0;
      while (at < out.length) {
        const eol = out.indexOf(10, at);
        const [object, , size] = out.subarray(at, eol).toString("utf8").split(" ");
        const length = Number(size);
        blobs.set(object!, new Uint8Array(out.subarray(eol + 1, eol + 1 + length)));
        at = eol + 1 + length + 1;
      }
      resolvePromise(blobs);
    });
    child.stdin.end([...new Set(objects)].map((o) => `${o}\n`).join(""));
  });
}
