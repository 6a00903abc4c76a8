// Shared by the run tests: a folder's files as { relative path: text }, to compare two runs' output.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** every file under `base` (relative path → text), the cache left out */
export function tree(base: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) {
        if (name !== ".cache") walk(path);
      } else out[relative(base, path)] = readFileSync(path, "utf8");
    }
  };
  walk(base);
  return out;
}
