// Content-hash cache of per-document results, kept under the output folder. One pack per source
// version (<out>/.cache/<source>/<version>.json) maps a document key to its result: a nightly run
// reads one file per version instead of one per page (10,000 small reads cost more than the rest of
// a cached run). The key hashes the bytes' sha256 with everything else the result depends on
// (document id, path, version, format hint) and a cache version made of the package version and a
// fingerprint of portflow's own code, so a release or a local code change never serves a stale
// result. Packs are written atomically and only when they changed; a damaged pack is a miss.
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeFileAtomic } from "../io/atomic.js";
import { sha256Hex } from "../model/ids.js";
import type { DocumentResult, ProcessOptions } from "../pipeline/document.js";
import type { SourceDocument } from "../read/documents.js";

export const CACHE_DIR = ".cache";
/** bump when the pack layout changes */
const LAYOUT = 2;

let codeFingerprint: string | undefined;

/** The package version and a hash of every module of portflow (dist/ or src/, whichever runs). */
export function cacheVersion(): string {
  if (codeFingerprint === undefined) {
    const codeRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
    const hash = [`layout ${LAYOUT}`, `portflow ${packageVersion(join(codeRoot, ".."))}`];
    for (const file of codeFiles(codeRoot)) hash.push(file, sha256Hex(readFileSync(join(codeRoot, file))));
    codeFingerprint = sha256Hex(hash.join("\n")).slice(0, 16);
  }
  return codeFingerprint;
}

function packageVersion(dir: string): string {
  try {
    return String((JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version?: unknown }).version);
  } catch {
    return "unknown";
  }
}

function codeFiles(dir: string, prefix = ""): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) return codeFiles(dir, rel);
      return /\.(js|ts|mjs)$/.test(e.name) && !e.name.endsWith(".d.ts") ? [rel] : [];
    })
    .sort();
}

export interface CacheStats {
  hits: number;
  misses: number;
  /** packs written */
  writes: number;
}

interface Pack {
  cacheVersion: string;
  entries: Record<string, DocumentResult>;
}

/** The cached results of one version of one source. */
export class VersionCache {
  private readonly old: Record<string, DocumentResult>;
  private readonly next: Record<string, DocumentResult> = {};
  private changed = false;

  constructor(
    private readonly path: string,
    private readonly version: string,
    private readonly stats: CacheStats,
  ) {
    this.old = readPack(path, version);
  }

  key(source: Pick<SourceDocument, "sha256" | "id" | "path">, options: ProcessOptions): string {
    return sha256Hex([source.sha256, source.id, source.path, options.version ?? "\u0000", options.format ?? "\u0000"].join("\u001f"));
  }

  get(key: string): DocumentResult | undefined {
    const hit = this.old[key];
    if (hit) {
      this.next[key] = hit;
      this.stats.hits++;
    } else {
      this.stats.misses++;
    }
    return hit;
  }

  set(key: string, result: DocumentResult): void {
    this.next[key] = result;
    this.changed = true;
  }

  /** Writes the pack when an entry was added or one went unused (a page changed or was removed). */
  async save(): Promise<void> {
    if (!this.changed && Object.keys(this.next).length === Object.keys(this.old).length) return;
    const pack: Pack = { cacheVersion: this.version, entries: this.next };
    await writeFileAtomic(this.path, JSON.stringify(pack));
    this.stats.writes++;
  }
}

function readPack(path: string, version: string): Record<string, DocumentResult> {
  try {
    const pack = JSON.parse(readFileSync(path, "utf8")) as Pack;
    return pack.cacheVersion === version && pack.entries && typeof pack.entries === "object" ? pack.entries : {};
  } catch {
    return {};
  }
}

export class ResultCache {
  readonly stats: CacheStats = { hits: 0, misses: 0, writes: 0 };
  private readonly used = new Set<string>();
  private readonly dir: string;

  constructor(
    outDir: string,
    private readonly enabled = true,
    private readonly version = cacheVersion(),
  ) {
    this.dir = join(outDir, CACHE_DIR);
  }

  /** Whether the cache holds results of this source (else every document of it will be parsed). */
  knows(source: string): boolean {
    return this.enabled && existsSync(join(this.dir, source));
  }

  /** The cache of one version of a source; a disabled cache starts empty and saves nothing. */
  forVersion(source: string, version: string): VersionCache {
    const rel = `${source}/${version}.json`;
    this.used.add(rel);
    const cache = new VersionCache(this.enabled ? join(this.dir, rel) : "", this.version, this.stats);
    if (!this.enabled) cache.save = async () => {};
    return cache;
  }

  /** Removes the packs of sources and versions this run did not see. */
  prune(): number {
    let removed = 0;
    for (const source of safeReaddir(this.dir)) {
      for (const name of safeReaddir(join(this.dir, source))) {
        if (!this.used.has(`${source}/${name}`)) {
          rmSync(join(this.dir, source, name), { force: true, recursive: true });
          removed++;
        }
      }
    }
    return removed;
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
