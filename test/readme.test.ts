// The README is part of the product: its quick start and its table of change kinds must stay true.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { CHANGE_KINDS } from "../src/model/changes.js";
import { COMMANDS } from "../src/cli/index.js";
import { DIAGNOSTIC_CODES } from "../src/model/codes.js";

const ROOT = join(import.meta.dirname, "..");
const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };

describe("README", () => {
  test("the quick start names the two commands, and package.json has them", () => {
    expect(readme).toContain("npm ci && npm start");
    expect(readme).toContain("npm ci && npm test");
    expect(pkg.scripts.start).toMatch(/\bdist\/cli\/portflow\.mjs run\b/);
    expect(pkg.scripts.test).toMatch(/typecheck/);
  });

  test("lists every change kind with its impact and meaning (src/model/changes.ts)", () => {
    const rows = [...readme.matchAll(/^\| `([a-z-]+)` \| (opens|closes|modifies|cosmetic) \| (.+) \|$/gm)].map((m) => [m[1], m[2], m[3]]);
    expect(rows).toEqual(Object.entries(CHANGE_KINDS).map(([kind, k]) => [kind, k.impact, k.about]));
  });

  test("lists every diagnostic code with its severity and meaning (src/model/codes.ts)", () => {
    const rows = [...readme.matchAll(/^\| `([a-z-]+)` \| (error|warning|info) \| (.+) \|$/gm)].map((m) => [m[1], m[2], m[3]]);
    expect(rows).toEqual(Object.entries(DIAGNOSTIC_CODES).map(([code, c]) => [code, c.severity, c.about]));
  });

  test("documents every command", () => {
    for (const name of Object.keys(COMMANDS)) expect(readme).toMatch(new RegExp(`portflow ${name}\\b`));
  });
});
