// Glob matching on paths that are not on disk (git trees, format hints), with the picomatch that
// tinyglobby itself uses, so a pattern means the same thing for a folder and for a git ref.
import { createRequire } from "node:module";

type Matcher = (path: string) => boolean;
const picomatch = createRequire(import.meta.url)("picomatch") as (
  globs: string | string[],
  options?: { dot?: boolean; nocase?: boolean },
) => Matcher;

export function globMatcher(globs: readonly string[], options: { nocase?: boolean } = {}): Matcher {
  if (globs.length === 0) return () => false;
  return picomatch([...globs], { dot: false, ...options });
}
