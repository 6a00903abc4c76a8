// The JSON Schemas published under schema/ are generated from the zod schemas; they must not drift.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { jsonSchemaOf, schemaFileName, SCHEMAS } from "../src/cli/schema.js";
import { stableJson } from "../src/io/json.js";

const ROOT = join(import.meta.dirname, "..");

describe("published JSON Schemas", () => {
  test.each(Object.keys(SCHEMAS))("schema/%s.schema.json is what the zod schema generates (npm run schemas)", (name) => {
    expect(readFileSync(join(ROOT, "schema", schemaFileName(name)), "utf8")).toBe(stableJson(jsonSchemaOf(name)));
  });

  test("the flows schema keeps every field of the contract", () => {
    const flows = jsonSchemaOf("flows") as { required: string[]; properties: Record<string, { items: { required: string[] } }> };
    expect(flows.required).toEqual(expect.arrayContaining(["schemaVersion", "documents", "flows", "diagnostics"]));
    expect(flows.properties.flows!.items.required).toEqual(
      expect.arrayContaining(["id", "document", "section", "source", "target", "direction", "protocol", "service", "ports", "purpose", "conditions", "optional", "location", "raw"]),
    );
  });
});
