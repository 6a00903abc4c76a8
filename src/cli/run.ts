// portflow run [--sources DIR] [--out DIR] [--quiet] [--json]: the nightly job over every manifest.
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { createProgress, runSources } from "../index.js";
import { parseCommandArgs } from "./args.js";
import { EXIT, UsageError, type CliIO } from "./io.js";

export const runHelp = `Usage: portflow run [--sources DIR] [--out DIR] [--quiet] [--json]

Reads every source manifest (DIR/*.json) and writes, under the output folder:
  <source>/<version>/flows.json                      the flows document of that version
  <source>/<version>/changelog-from-<previous>.json|md   changes from the previous version
  <source>/<version>/changelog-since-last-run.json|md    changes since the last run's output
  index.json                                         sources, versions, counts and error diagnostics
Unchanged documents come from a content-hash cache in <out>/.cache.
  --sources DIR   folder of the manifests (default: sources)
  --out DIR       output folder; nothing is written outside it (default: output)
  --quiet         no progress line and no summary
  --json          machine-readable run log: one JSON object per line on stdout
Exit: 0 ok, 1 an error diagnostic in some document, 2 usage error,
      3 a source could not be read (invalid manifest, missing root or git ref; the others still run).`;

export async function runCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    sources: { type: "string" },
    out: { type: "string" },
    quiet: { type: "boolean", short: "q" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) return io.stdout.write(runHelp + "\n"), EXIT.ok;
  if (positionals.length) throw new UsageError(`run takes no positional arguments (got "${positionals[0]}")`);
  const sourcesDir = values.sources ?? "sources";
  if (!isFolder(resolve(io.cwd, sourcesDir))) throw new UsageError(`--sources: "${sourcesDir}" is not a folder`);
  const result = await runSources({
    sourcesDir,
    outDir: values.out ?? "output",
    cwd: io.cwd,
    onEvent: createProgress({ stdout: io.stdout, stderr: io.stderr, quiet: values.quiet ?? false, json: values.json ?? false }),
  });
  return result.exitCode;
}

function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}
