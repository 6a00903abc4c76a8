// portflow extract <file|dir>... [-o FILE] [--format F]: the flows document of the given documents.
import { resolve } from "node:path";
import { extractPaths, hasErrors } from "../pipeline/extract.js";
import { FORMATS } from "../model/flows.js";
import { writeFileAtomic } from "../io/atomic.js";
import { stableJson } from "../io/json.js";
import { oneOf, parseCommandArgs } from "./args.js";
import { EXIT, UsageError, type CliIO } from "./io.js";

export const extractHelp = `Usage: portflow extract <file|dir>... [-o FILE] [--format markdown|html|text]

Finds every port requirement in the documents and writes the flows document (JSON).
  -o, --output FILE   write to FILE (atomically) instead of standard output
  --format F          read every document as F instead of detecting the format
Exit: 0 ok, 1 an error diagnostic (a document could not be read or parsed), 2 usage error.`;

export async function extractCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    output: { type: "string", short: "o" },
    format: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) return io.stdout.write(extractHelp + "\n"), EXIT.ok;
  if (positionals.length === 0) throw new UsageError("extract needs at least one file or directory");
  const format = oneOf("format", values.format, FORMATS);
  const doc = await extractPaths(positionals, format ? { format, cwd: io.cwd } : { cwd: io.cwd });
  const json = stableJson(doc);
  if (values.output) await writeFileAtomic(resolve(io.cwd, values.output), json);
  else io.stdout.write(json);
  for (const d of doc.diagnostics.filter((x) => x.severity === "error")) {
    io.stderr.write(`${d.document}${d.line ? `:${d.line}` : ""}: error ${d.code}: ${d.message}\n`);
  }
  return hasErrors(doc) ? EXIT.findings : EXIT.ok;
}
