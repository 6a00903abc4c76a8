// Paths (files or directories) to source documents with a stable id, their bytes and their hash.
// The id is the path relative to the input root with '/' separators, so it is the same on every machine.
import { readFile, stat } from "node:fs/promises";
import { basename, relative, resolve, sep } from "node:path";
import { sha256Hex } from "../model/ids.js";
import { DOCUMENT_EXTENSIONS } from "./detect.js";

export interface SourceDocument {
  id: string;
  /** path as shown in output: relative to the working directory when inside it */
  path: string;
  bytes: Uint8Array;
  sha256: string;
}

export interface ReadFailure {
  id: string;
  path: string;
  message: string;
}

export interface ReadResult {
  documents: SourceDocument[];
  failures: ReadFailure[];
}

export const DOCUMENT_GLOB = `**/*.{${DOCUMENT_EXTENSIONS.map((e) => e.slice(1)).join(",")}}`;

export function displayPath(absolute: string, cwd = process.cwd()): string {
  const rel = relative(cwd, absolute);
  return (rel === "" ? "." : rel).split(sep).join("/");
}

/** Lists the document files under each input: a file is its own root, a directory is walked. */
export async function listDocumentFiles(inputs: readonly string[]): Promise<{ root: string; file: string }[]> {
  const out: { root: string; file: string }[] = [];
  for (const input of inputs) {
    const abs = resolve(input);
    const info = await stat(abs).catch(() => null);
    if (info?.isDirectory()) {
      // loaded only for folders: a one-file extract starts faster without it
      const { glob } = await import("tinyglobby");
      const files = await glob(DOCUMENT_GLOB, { cwd: abs, absolute: true, dot: false, caseSensitiveMatch: false });
      for (const file of files.sort()) out.push({ root: abs, file: resolve(file) });
    } else {
      out.push({ root: resolve(abs, ".."), file: abs });
    }
  }
  return out;
}

export function documentId(root: string, file: string): string {
  const rel = relative(root, file);
  return (rel === "" ? basename(file) : rel).split(sep).join("/");
}

/** Reads every document under the inputs; paths in the output are shown relative to `cwd`. */
export async function readDocuments(inputs: readonly string[], cwd = process.cwd()): Promise<ReadResult> {
  const documents: SourceDocument[] = [];
  const failures: ReadFailure[] = [];
  for (const { root, file } of await listDocumentFiles(inputs.map((i) => resolve(cwd, i)))) {
    const id = documentId(root, file);
    const path = displayPath(file, cwd);
    try {
      const bytes = new Uint8Array(await readFile(file));
      documents.push({ id, path, bytes, sha256: sha256Hex(bytes) });
    } catch (err) {
      failures.push({ id, path, message: (err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or directory" : String((err as Error).message) });
    }
  }
  return { documents, failures };
}
