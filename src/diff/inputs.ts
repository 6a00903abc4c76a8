// One side of a diff as a flows document: a flows JSON file, document files or folders (extracted
// on the fly), or `git:<ref>:<path>` (read from git objects). With a version, only documents with
// that path segment are kept and the segment is removed from their ids, so 10.7/a.md and 10.8/a.md
// are the same document.
import { readFile, stat } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { FlowsDocumentSchema, type FlowsDocument } from "../model/flows.js";
import { assembleFlowsDocument } from "../pipeline/assemble.js";
import { processDocument } from "../pipeline/document.js";
import { readDocuments, type SourceDocument } from "../read/documents.js";
import { DOCUMENT_EXTENSIONS } from "../read/detect.js";
import { GitReadError, isDocumentPath, parseGitSpec, readGitDocuments } from "../read/git.js";

/** The side could not be loaded at all (as opposed to one of its documents). */
export class InputError extends Error {}

export interface LoadSideOptions {
  cwd: string;
  /** keep documents under this version segment, and drop the segment from their ids */
  version?: string;
}

export async function loadDiffSide(spec: string, options: LoadSideOptions): Promise<FlowsDocument> {
  return (await loadSide(spec, options)).doc;
}

/** Where a side's documents came from: what a link to one of its lines can point at. */
export type SideSource = { kind: "git"; ref: string } | { kind: "flows" } | { kind: "files" };

export interface SideFailure {
  side: "base" | "head";
  spec: string;
  message: string;
}

export interface DiffInputs {
  base: FlowsDocument | null;
  head: FlowsDocument | null;
  sources: { base: SideSource; head: SideSource };
  /** sides that could not be loaded at all (each message names the input and what is wrong) */
  failures: SideFailure[];
}

/**
 * Both sides of a diff, each loaded on its own, so one bad side is reported without hiding what is
 * wrong with the other. Two single document files (`a/ports.md` vs `b/ports.md`, or one file at two
 * git revisions) are the same document whatever their names: the base takes the head's id.
 */
export async function loadDiffInputs(baseSpec: string, headSpec: string, options: { cwd: string; versions?: [string, string] }): Promise<DiffInputs> {
  const at = (i: 0 | 1): LoadSideOptions => (options.versions ? { cwd: options.cwd, version: options.versions[i] } : { cwd: options.cwd });
  const [b, h] = await Promise.allSettled([loadSide(baseSpec, at(0)), loadSide(headSpec, at(1))]);
  const failures: SideFailure[] = [];
  const settle = (r: PromiseSettledResult<Loaded>, side: "base" | "head", spec: string): Loaded | null => {
    if (r.status === "fulfilled") return r.value;
    if (!(r.reason instanceof InputError)) throw r.reason;
    failures.push({ side, spec, message: r.reason.message });
    return null;
  };
  const base = settle(b, "base", baseSpec);
  const head = settle(h, "head", headSpec);
  const sources = { base: sourceOf(baseSpec, base), head: sourceOf(headSpec, head) };
  const headId = head?.doc.documents[0]?.id ?? head?.doc.diagnostics[0]?.document;
  if (base?.single && head?.single && headId !== undefined) return { base: renameDocuments(base.doc, headId), head: head.doc, sources, failures };
  return { base: base?.doc ?? null, head: head?.doc ?? null, sources, failures };
}

/** Both sides, or an InputError naming the first side that could not be loaded. */
export async function loadDiffSides(baseSpec: string, headSpec: string, options: { cwd: string; versions?: [string, string] }): Promise<{ base: FlowsDocument; head: FlowsDocument }> {
  const inputs = await loadDiffInputs(baseSpec, headSpec, options);
  if (inputs.failures[0] || !inputs.base || !inputs.head) throw new InputError(inputs.failures[0]?.message ?? "a side could not be loaded");
  return { base: inputs.base, head: inputs.head };
}

function sourceOf(spec: string, loaded: Loaded | null): SideSource {
  if (loaded?.json) return { kind: "flows" };
  const git = parseGitSpecOrNull(spec);
  return git ? { kind: "git", ref: git.ref } : { kind: "files" };
}

interface Loaded {
  doc: FlowsDocument;
  /** one document file (not a folder): pairs with the other side's single file whatever its name */
  single: boolean;
  /** read from a flows JSON document (its locations point at files of an unknown revision) */
  json: boolean;
}

async function loadSide(spec: string, options: LoadSideOptions): Promise<Loaded> {
  const git = parseGitSpecOrThrow(spec);
  if (git) {
    const isJson = extname(git.path).toLowerCase() === ".json";
    const docs = await readGitDocuments(git, options.cwd, isJson ? (p) => p === git.path : isDocumentPath).catch(rethrow(spec));
    if (isJson) {
      if (!docs[0]) throw new InputError(`${spec}: no such file at ${git.ref}`);
      return { doc: versioned(parseFlowsJson(new TextDecoder().decode(docs[0].bytes), spec), options.version, spec), single: false, json: true };
    }
    if (docs.length === 0) throw new InputError(`${spec}: no documents under "${git.path}" at ${git.ref}`);
    return { doc: extract(docs, [], options.version, spec), single: docs.length === 1 && docs[0]!.path === git.path, json: false };
  }
  const abs = resolve(options.cwd, spec);
  const info = await stat(abs).catch(() => null);
  if (!info) throw new InputError(`${spec}: no such file or directory`);
  if (info.isFile() && extname(abs).toLowerCase() === ".json") {
    const text = await readFile(abs, "utf8").catch((e: Error) => {
      throw new InputError(`${spec}: ${e.message}`);
    });
    return { doc: versioned(parseFlowsJson(text, spec), options.version, spec), single: false, json: true };
  }
  const { documents, failures } = await readDocuments([spec], options.cwd);
  if (documents.length === 0 && failures.length === 0) {
    throw new InputError(info.isFile() ? `${spec}: not a document (expected ${DOCUMENT_EXTENSIONS.join(", ")} or a flows .json)` : `${spec}: no documents (${DOCUMENT_EXTENSIONS.join(", ")}) in this folder`);
  }
  return { doc: extract(documents, failures, options.version, spec), single: info.isFile(), json: false };
}

/** A flows document from JSON text, or an error naming the file and what is wrong where. */
export function parseFlowsJson(text: string, file: string): FlowsDocument {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  const parsed = FlowsDocumentSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join(".") : "(top level)";
    throw new InputError(`${file}: not a portflow flows document (schemaVersion 1): at ${where}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}

function extract(docs: SourceDocument[], failures: { id: string; path: string; message: string }[], version: string | undefined, spec: string): FlowsDocument {
  const kept = version === undefined ? docs : keepVersion(docs, version, spec);
  const keptFailures = version === undefined ? failures : failures.flatMap((f) => (withoutSegment(f.id, version) === null ? [] : [{ ...f, id: withoutSegment(f.id, version)! }]));
  const results = kept.map((d) => processDocument(d, { version: version ?? null }));
  return assembleFlowsDocument(results, keptFailures);
}

function keepVersion(docs: SourceDocument[], version: string, spec: string): SourceDocument[] {
  const kept = docs.flatMap((d) => {
    const id = withoutSegment(d.id, version);
    return id === null ? [] : [{ ...d, id }];
  });
  if (kept.length === 0 && docs.length > 0) throw new InputError(`${spec}: no document has a path segment "${version}"`);
  return kept;
}

/** The id without its first segment equal to `version`; null when it has none. */
export function withoutSegment(id: string, version: string): string | null {
  const parts = id.split("/");
  const at = parts.indexOf(version);
  return at < 0 || at === parts.length - 1 ? null : [...parts.slice(0, at), ...parts.slice(at + 1)].join("/");
}

function renameDocuments(doc: FlowsDocument, id: string): FlowsDocument {
  return {
    ...doc,
    documents: doc.documents.map((d) => ({ ...d, id })),
    flows: doc.flows.map((f) => ({ ...f, document: id })),
    mentions: doc.mentions.map((m) => ({ ...m, document: id })),
    diagnostics: doc.diagnostics.map((d) => ({ ...d, document: id })),
  };
}

function versioned(doc: FlowsDocument, version: string | undefined, spec: string): FlowsDocument {
  if (version === undefined) return doc;
  const map = (id: string) => withoutSegment(id, version);
  const documents = doc.documents.flatMap((d) => (map(d.id) === null ? [] : [{ ...d, id: map(d.id)!, version }]));
  if (documents.length === 0 && doc.documents.length > 0) throw new InputError(`${spec}: no document has a path segment "${version}"`);
  return {
    ...doc,
    documents,
    flows: doc.flows.flatMap((f) => (map(f.document) === null ? [] : [{ ...f, document: map(f.document)! }])),
    mentions: doc.mentions.flatMap((m) => (map(m.document) === null ? [] : [{ ...m, document: map(m.document)! }])),
    diagnostics: doc.diagnostics.flatMap((d) => (map(d.document) === null ? [] : [{ ...d, document: map(d.document)! }])),
  };
}

function parseGitSpecOrNull(spec: string) {
  try {
    return parseGitSpec(spec);
  } catch {
    return null;
  }
}

function parseGitSpecOrThrow(spec: string) {
  try {
    return parseGitSpec(spec);
  } catch (e) {
    throw new InputError((e as Error).message);
  }
}

function rethrow(spec: string) {
  return (e: unknown): never => {
    if (e instanceof GitReadError) throw new InputError(`${spec}: ${e.message}`);
    throw e;
  };
}
