// portflow schema [name] [--write DIR]: the JSON Schemas generated from the zod schemas, the one
// source of truth. `--write` refreshes the published copies under schema/ (a test keeps them equal).
import { join, resolve } from "node:path";
import { z } from "zod";
import { ChangelogSchema } from "../model/changelog.js";
import { FlowsDocumentSchema } from "../model/flows.js";
import { ManifestSchema } from "../model/manifest.js";
import { writeFileAtomic } from "../io/atomic.js";
import { stableJson } from "../io/json.js";
import { parseCommandArgs } from "./args.js";
import { EXIT, UsageError, type CliIO } from "./io.js";

export const SCHEMAS: Record<string, { title: string; schema: z.ZodType }> = {
  flows: { title: "portflow flows document", schema: FlowsDocumentSchema },
  changelog: { title: "portflow changelog document (portflow diff --format json)", schema: ChangelogSchema },
  manifest: { title: "portflow source manifest (sources/*.json)", schema: ManifestSchema },
};

export const schemaHelp = `Usage: portflow schema [${Object.keys(SCHEMAS).join("|")}] [--write DIR]

Prints the JSON Schema (draft 2020-12) of a document portflow writes or reads. Default: flows.
  --write DIR   write every schema to DIR/<name>.schema.json instead (the published copies live in schema/)`;

/** The file name a schema is published under. */
export const schemaFileName = (name: string) => `${name}.schema.json`;

export function jsonSchemaOf(name: string): unknown {
  const entry = SCHEMAS[name];
  if (!entry) throw new UsageError(`unknown schema "${name}"; choose one of ${Object.keys(SCHEMAS).join(", ")}`);
  return { title: entry.title, ...z.toJSONSchema(entry.schema, { io: "output" }) };
}

export async function schemaCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { help: { type: "boolean", short: "h" }, write: { type: "string" } });
  if (values.help) return io.stdout.write(schemaHelp + "\n"), EXIT.ok;
  if (values.write !== undefined) {
    if (positionals.length) throw new UsageError("--write writes every schema; give no schema name");
    for (const name of Object.keys(SCHEMAS)) await writeFileAtomic(join(resolve(io.cwd, values.write), schemaFileName(name)), stableJson(jsonSchemaOf(name)));
    return EXIT.ok;
  }
  io.stdout.write(stableJson(jsonSchemaOf(positionals[0] ?? "flows")));
  return EXIT.ok;
}
