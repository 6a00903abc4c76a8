// Every sources/*.json manifest, validated and sorted by file name. A broken manifest is reported
// and skipped; the others still run.
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { ManifestError, parseManifest, type Manifest } from "../model/manifest.js";

export interface LoadedManifest {
  /** the manifest file as shown in messages (relative to the folder given by the caller) */
  file: string;
  /** absolute folder of the manifest file: a relative root is resolved from here */
  dir: string;
  manifest: Manifest;
}

export interface ManifestFailure {
  file: string;
  message: string;
}

export async function loadManifests(sourcesDir: string, shownAs: string): Promise<{ manifests: LoadedManifest[]; failures: ManifestFailure[] }> {
  const names = (await readdir(sourcesDir)).filter((n) => n.endsWith(".json")).sort();
  const manifests: LoadedManifest[] = [];
  const failures: ManifestFailure[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const file = `${shownAs.replace(/\/+$/, "")}/${name}`;
    try {
      const manifest = parseManifest(file, parseJson(file, await readFile(join(sourcesDir, name), "utf8")));
      const other = seen.get(manifest.name);
      if (other) {
        throw new ManifestError(file, [{ file, field: "name", expected: "a name no other manifest uses", found: `"${manifest.name}", already used by ${other}` }]);
      }
      seen.set(manifest.name, file);
      manifests.push({ file, dir: sourcesDir, manifest });
    } catch (err) {
      failures.push({ file, message: (err as Error).message });
    }
  }
  return { manifests, failures };
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ManifestError(file, [{ file, field: "(manifest)", expected: "JSON", found: `invalid JSON (${(err as Error).message})` }]);
  }
}
