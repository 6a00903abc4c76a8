// Documents of a git revision, read from git objects (never the work tree): `git ls-tree -r -z`
// lists the blobs under a path, and ONE `git cat-file --batch` process returns all their bytes.
import { spawn } from "node:child_process";
import { basename, extname } from "node:path";
import { sha256Hex } from "../model/ids.js";
import { DOCUMENT_EXTENSIONS } from "./detect.js";
import type { SourceDocument } from "./documents.js";

export interface GitSpec {
  ref: string;
  /** path inside the revision, relative to the working directory ("." for all of it) */
  path: string;
}

export class GitReadError extends Error {}

/** `git:<ref>:<path>` → {ref, path}; null when the text is not a git spec. */
export function parseGitSpec(spec: string): GitSpec | null {
  if (!spec.startsWith("git:")) return null;
  const rest = spec.slice(4);
  const colon = rest.indexOf(":");
  const ref = colon < 0 ? rest : rest.slice(0, colon);
  const path = (colon < 0 ? "" : rest.slice(colon + 1)).replace(/\/+$/, "") || ".";
  if (!ref) throw new GitReadError(`"${spec}": expected git:<ref>:<path>, e.g. git:origin/main:docs`);
  // a ref is handed to git as an argument: one that starts with "-" would be read as an option
  if (ref.startsWith("-")) throw new GitReadError(`"${spec}": a revision cannot start with "-" (expected git:<ref>:<path>, e.g. git:HEAD~1:docs)`);
  return { ref, path };
}

export interface GitBlob {
  oid: string;
  /** path as git lists it (relative to the working directory) */
  path: string;
}

/** Blobs under spec.path at spec.ref whose names pass `keep`. */
export async function listGitBlobs(spec: GitSpec, cwd: string, keep: (path: string) => boolean = isDocumentPath): Promise<GitBlob[]> {
  const { stdout } = await git(["ls-tree", "-r", "-z", spec.ref, "--", spec.path], cwd);
  const blobs: GitBlob[] = [];
  for (const entry of stdout.toString("utf8").split("\0")) {
    const tab = entry.indexOf("\t");
    if (tab < 0) continue;
    const [mode, type, oid] = entry.slice(0, tab).split(" ");
    const path = entry.slice(tab + 1);
    // symlinks (120000) and submodules are not documents
    if (type !== "blob" || mode === "120000" || !oid || !keep(path)) continue;
    blobs.push({ oid, path });
  }
  return blobs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function isDocumentPath(path: string): boolean {
  return DOCUMENT_EXTENSIONS.includes(extname(path).toLowerCase());
}

/** The bytes of every blob, from one `git cat-file --batch`. */
export async function readGitBlobs(oids: readonly string[], cwd: string): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  if (oids.length === 0) return out;
  const { stdout } = await git(["cat-file", "--batch"], cwd, oids.join("\n") + "\n");
  let at = 0;
  for (const oid of oids) {
    const eol = stdout.indexOf(0x0a, at);
    if (eol < 0) throw new GitReadError(`git cat-file: output ended before ${oid}`);
    const header = stdout.subarray(at, eol).toString("utf8");
    const [, type, size] = header.split(" ");
    if (type === undefined || size === undefined || header.endsWith(" missing")) throw new GitReadError(`git cat-file: ${header}`);
    const start = eol + 1;
    const end = start + Number(size);
    out.set(oid, new Uint8Array(stdout.subarray(start, end)));
    at = end + 1; // the newline after the contents
  }
  return out;
}

/** The documents under a git spec, ids relative to spec.path (a single file: its name). */
export async function readGitDocuments(spec: GitSpec, cwd: string, keep?: (path: string) => boolean): Promise<SourceDocument[]> {
  const blobs = await listGitBlobs(spec, cwd, keep);
  const bytes = await readGitBlobs([...new Set(blobs.map((b) => b.oid))], cwd);
  return blobs.map((b) => {
    const data = bytes.get(b.oid)!;
    return { id: idUnder(spec.path, b.path), path: b.path, bytes: data, sha256: sha256Hex(data) };
  });
}

function idUnder(root: string, path: string): string {
  if (root === "." || root === "") return path;
  if (path === root) return basename(path);
  return path.startsWith(root + "/") ? path.slice(root.length + 1) : path;
}

/** The commit a revision names (full hex), or null when it names none or `cwd` is not in a repository. */
export async function resolveCommit(ref: string, cwd: string): Promise<string | null> {
  if (ref.startsWith("-")) return null;
  const out = await git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], cwd).catch(() => null);
  const sha = out?.stdout.toString("utf8").trim() ?? "";
  return /^[0-9a-f]{40,64}$/.test(sha) ? sha : null;
}

/** The working directory's path inside its repository ("" at the root, else ending in "/"); null outside a repository. */
export async function repositoryPrefix(cwd: string): Promise<string | null> {
  const out = await git(["rev-parse", "--show-prefix"], cwd).catch(() => null);
  return out ? out.stdout.toString("utf8").trim() : null;
}

function git(args: string[], cwd: string, input?: string): Promise<{ stdout: Buffer }> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, { cwd, stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => err.push(d));
    child.on("error", (e) => reject(new GitReadError(`git ${args[0]}: ${e.message}`)));
    child.on("close", (code) => {
      if (code === 0) resolve({ stdout: Buffer.concat(out) });
      else reject(new GitReadError(`git ${args[0]} failed: ${Buffer.concat(err).toString("utf8").trim() || `exit ${code}`}`));
    });
    child.stdin.on("error", () => {}); // git may exit before reading all input; its exit code tells
    child.stdin.end(input ?? "");
  });
}
