// Our own documentation pairs (fixtures/diff/<kind>/{base,head}), one per change kind: extracted,
// diffed, and the exact classification and impact asserted. Order and prose alone change nothing.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { diffFlowsDocuments, extractPaths, extractText } from "../src/index.js";

const DIR = join(import.meta.dirname, "..", "fixtures", "diff");

/** Both files as the same document, so only their content differs. */
function diffPair(name: string) {
  const side = (which: "base" | "head") => extractText(readFileSync(join(DIR, name, `${which}.md`), "utf8"), { id: "relay.md", path: `fixtures/diff/${name}/${which}.md` });
  return diffFlowsDocuments(side("base"), side("head"), { baseLabel: "base", headLabel: "head" });
}

const summary = (log: ReturnType<typeof diffPair>) => log.changes.map((c) => [c.kind, c.impact, ...c.also]);

describe("fixture pairs: one change kind each", () => {
  test.each([
    ["flow-added", [["flow-added", "opens"]]],
    ["flow-removed", [["flow-removed", "closes"]]],
    ["ports-added", [["ports-added", "opens"]]],
    ["ports-removed", [["ports-removed", "closes"]]],
    ["ports-changed", [["ports-changed", "opens"]]],
    ["range-widened", [["range-widened", "opens"]]],
    ["range-narrowed", [["range-narrowed", "closes"]]],
    ["protocol-changed", [["protocol-changed", "opens"]]],
    ["service-changed", [["service-changed", "modifies"]]],
    ["endpoint-renamed", [["endpoint-renamed", "modifies"]]],
    ["condition-changed", [["condition-changed", "modifies"]]],
    ["optional-changed", [["optional-changed", "modifies"]]],
    ["purpose-changed", [["purpose-changed", "cosmetic"]]],
    ["mention-added", [["mention-added", "modifies"]]],
    ["mention-removed", [["mention-removed", "modifies"]]],
  ])("%s", (name, expected) => {
    const log = diffPair(name);
    expect(summary(log)).toEqual(expected);
    expect(log.changes[0]!.headLocation ?? log.changes[0]!.baseLocation).toMatchObject({ file: expect.stringMatching(new RegExp(`^fixtures/diff/${name}/(base|head)\\.md$`)), line: expect.any(Number) });
  });

  test("other-machine-not-renamed: a similar name for another kind of machine is a new flow, not a rename", () => {
    expect(summary(diffPair("other-machine-not-renamed"))).toEqual([
      ["flow-added", "opens"],
      ["flow-removed", "closes"],
    ]);
  });

  test.each([["reordered-rows-and-prose"], ["port-formatting-only"], ["row-split-same-ports"]])("%s: empty changelog", (name) => {
    const log = diffPair(name);
    expect(log.base.flows).toBeGreaterThan(0);
    expect(log.changes).toEqual([]);
  });
});

describe("fixture folders: document kinds", () => {
  const diffDirs = async (name: string) =>
    diffFlowsDocuments(await extractPaths([join(DIR, name, "base")], { cwd: DIR }), await extractPaths([join(DIR, name, "head")], { cwd: DIR }));

  test("document-added (a page without ports is not reported)", async () => {
    const log = await diffDirs("document-added");
    expect(log.changes.map((c) => [c.document, c.kind, c.impact])).toEqual([
      ["ledger-agent.md", "document-added", "cosmetic"],
      ["ledger-agent.md", "flow-added", "opens"],
    ]);
  });

  test("document-removed", async () => {
    const log = await diffDirs("document-removed");
    expect(log.changes.map((c) => [c.document, c.kind, c.impact])).toEqual([
      ["ledger-agent.md", "document-removed", "cosmetic"],
      ["ledger-agent.md", "flow-removed", "closes"],
    ]);
  });

  test("document-moved: same content, new path", async () => {
    const log = await diffDirs("document-moved");
    expect(log.changes.map((c) => [c.document, c.kind, c.impact, c.details.from])).toEqual([["install/ledger-agent-ports.md", "document-moved", "cosmetic", "agents/ledger.md"]]);
  });
});
