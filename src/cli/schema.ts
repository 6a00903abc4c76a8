// portflow schema [flows]: the JSON Schema generated from the zod schema, the one source of truth.
import { z } from "zod";
import { ChangelogSchema } from "../model/changelog.js";
import { FlowsDocumentSchema } from "../model/flows.js";
import { ManifestSchema } from "../model/manifest.js";
import { stableJson } from "../io/json.js";
import { parseCommandArgs } from "./args.js";
import { EXIT, UsageError, type CliIO } from "./io.js";

export const SCHEMAS: Record<string, { title: string; schema: z.ZodType }> = {
  flows: { title: "portflow flows document", schema: FlowsDocumentSchema },
  changelog: { title: "portflow changelog document (portflow diff --format json)", schema: ChangelogSchema },
  manifest: { title: "portflow source manifest (sources/*.json)", schema: ManifestSchema },
};

export const schemaHelp = `Usage: portflow schema [${Object.keys(SCHEMAS).join("|")}]

Prints the JSON Schema (draft 2020-12) of a document portflow writes or reads. Default: flows.`;

export function jsonSchemaOf(name: string): unknown {
  const entry = SCHEMAS[name];
  if (!entry) throw new UsageError(`unknown schema "${name}"; choose one of ${Object.keys(SCHEMAS).join(", ")}`);
  return { title: entry.title, ...z.toJSONSchema(entry.schema, { io: "output" }) };
}

export async function schemaCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { help: { type: "boolean", short: "h" } });
  if (values.help) return io.stdout.write(schemaHelp + "\n"), EXIT.ok;
  io.stdout.write(stableJson(jsonSchemaOf(positionals[0] ?? "flows")));
  return EXIT.ok;
}
