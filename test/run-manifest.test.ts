// Source manifests: valid ones load sorted; invalid ones say file, field, what was expected and found.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { ManifestError, parseManifest } from "../src/model/manifest.js";
import { loadManifests } from "../src/run/manifests.js";
import { jsonSchemaOf } from "../src/cli/schema.js";

const valid = { name: "sentinel", product: "Northwind Sentinel", root: "sample" };
const FILE = "sources/x.json";

function problems(value: unknown) {
  try {
    parseManifest(FILE, value);
  } catch (err) {
    expect(err).toBeInstanceOf(ManifestError);
    return (err as ManifestError).problems;
  }
  throw new Error("expected the manifest to be rejected");
}

describe("manifest schema", () => {
  test("a valid manifest gets its defaults", () => {
    expect(parseManifest(FILE, valid)).toEqual({ ...valid, exclude: [], version: "current" });
    expect(parseManifest(FILE, { ...valid, root: { git: "repo", ref: "v4.2" }, version: "docs/{version}/**" }).root).toEqual({ git: "repo", ref: "v4.2" });
  });

  test.each<[string, unknown, string, RegExp, string]>([
    ["required field missing", { product: "P", root: "r" }, "name", /^a string \(the field is required\)$/, "nothing"],
    ["root of the wrong type", { ...valid, root: 42 }, "root", /a directory relative to the manifest file/, "number 42"],
    ["git root without a ref", { ...valid, root: { git: "repo" } }, "root.ref", /a string \(the field is required\)/, "nothing"],
    ["unknown field in the git root", { ...valid, root: { git: "repo", ref: "main", branch: "x" } }, "root.branch", /one of the fields git, ref/, 'unknown field(s) "branch"'],
    ["misspelt field", { ...valid, versoin: "4.2" }, "versoin", /one of the fields .*version/, 'unknown field(s) "versoin"'],
    ["include climbing out of the root", { ...valid, include: ["docs/**", "../secrets/**"] }, "include[1]", /without '\.\.'/, 'string "../secrets/**"'],
    ["absolute exclude", { ...valid, exclude: ["/etc/**"] }, "exclude[0]", /without '\.\.' or a leading '\/'/, 'string "/etc/**"'],
    ["include as a string", { ...valid, include: "docs/**" }, "include", /^an array$/, 'string "docs/**"'],
    ["two version placeholders", { ...valid, version: "docs/{version}/{version}/**" }, "version", /exactly one whole path segment/, 'string "docs/{version}/{version}/**"'],
    ["wildcard before the version", { ...valid, version: "docs/*/{version}/**" }, "version", /plain folder names before/, 'string "docs/*/{version}/**"'],
    ["label with a slash", { ...valid, version: "4/2" }, "version", /a fixed label/, 'string "4/2"'],
    ["unknown format hint", { ...valid, formats: { "**/*.txt": "pdf" } }, "formats.**/*.txt", /one of "markdown", "html", "text"/, 'string "pdf"'],
    ["name that is a path", { ...valid, name: "../x" }, "name", /letters, digits/, 'string "../x"'],
    ["not an object", [], "(manifest)", /a JSON object/, "array []"],
  ])("%s", (_case, value, field, expected, found) => {
    const [problem, ...rest] = problems(value);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: FILE, field, found });
    expect(problem!.expected).toMatch(expected);
  });

  test("the message names file, field, expected and found on one line", () => {
    expect(() => parseManifest(FILE, { ...valid, root: 42 })).toThrow(/^sources\/x\.json: root: expected a directory .*, found number 42$/);
  });

  test("portflow schema manifest publishes it", () => {
    const schema = jsonSchemaOf("manifest") as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["name", "product", "root", "include", "exclude", "version", "formats"]));
    expect(schema.required).toEqual(expect.arrayContaining(["name", "product", "root"]));
  });
});

describe("loadManifests", () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test("loads every *.json sorted; a broken or duplicate one is a failure, the others load", async () => {
    dir = mkdtempSync(join(tmpdir(), "portflow-manifests-"));
    writeFileSync(join(dir, "b.json"), JSON.stringify({ ...valid, name: "beta" }));
    writeFileSync(join(dir, "a.json"), JSON.stringify({ ...valid, name: "alpha" }));
    writeFileSync(join(dir, "c.json"), "{ not json");
    writeFileSync(join(dir, "d.json"), JSON.stringify({ ...valid, name: "alpha" }));
    writeFileSync(join(dir, "notes.txt"), "ignored");
    const { manifests, failures } = await loadManifests(dir, "sources");
    expect(manifests.map((m) => [m.file, m.manifest.name])).toEqual([["sources/a.json", "alpha"], ["sources/b.json", "beta"]]);
    expect(failures.map((f) => f.file)).toEqual(["sources/c.json", "sources/d.json"]);
    expect(failures[0]!.message).toMatch(/^sources\/c\.json: \(manifest\): expected JSON, found invalid JSON/);
    expect(failures[1]!.message).toBe('sources/d.json: name: expected a name no other manifest uses, found "alpha", already used by sources/a.json');
  });
});
