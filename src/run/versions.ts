// Versions: read from one path segment (`docs/sentinel/{version}/**`) or a fixed label, and ordered
// the way people number releases (9.10 after 9.9, 4.2 after 4.1.3).
import { VERSION_PLACEHOLDER } from "../model/manifest.js";
import { globMatcher } from "./glob.js";

export interface VersionedPath {
  version: string;
  /** the path with the version segment removed: the same page keeps its id across versions */
  id: string;
}

export type VersionReader = (relPath: string) => VersionedPath | null;

export function versionReader(spec: string): VersionReader {
  if (!spec.includes(VERSION_PLACEHOLDER)) return (relPath) => ({ version: spec, id: relPath });
  const segments = spec.split("/");
  const at = segments.indexOf(VERSION_PLACEHOLDER);
  const prefix = segments.slice(0, at);
  const rest = segments.slice(at + 1).join("/") || "**";
  const matchesRest = globMatcher([rest], { nocase: true });
  return (relPath) => {
    const parts = relPath.split("/");
    if (parts.length <= at + 1 || prefix.some((p, i) => p !== parts[i])) return null;
    const version = parts[at]!;
    if (!matchesRest(parts.slice(at + 1).join("/"))) return null;
    return { version, id: [...parts.slice(0, at), ...parts.slice(at + 1)].join("/") };
  };
}

/** Numeric-aware, locale-free order: digit runs compare as numbers, the rest by code unit. */
export function compareVersions(a: string, b: string): number {
  const x = a.match(/\d+|\D+/g) ?? [];
  const y = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i]!;
    const q = y[i]!;
    const pn = /^\d/.test(p);
    const qn = /^\d/.test(q);
    if (pn && qn) {
      const d = Number(p) - Number(q);
      if (d !== 0) return d;
      if (p.length !== q.length) return p.length - q.length; // "01" after "1", still total
    } else if (p !== q) {
      if (pn !== qn) return pn ? 1 : -1; // "4.x-beta" before "4.1"? text before numbers
      return p < q ? -1 : 1;
    }
  }
  return x.length - y.length || (a < b ? -1 : a > b ? 1 : 0);
}
