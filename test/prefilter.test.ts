// Skipping pages that cannot hold ports must change nothing but the time taken.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";
import { sha256Hex } from "../src/model/ids.js";
import { parseMarkdown, parseMarkdownHead } from "../src/parse/markdown/index.js";
import { processDocument } from "../src/pipeline/document.js";
import { mayHoldPorts } from "../src/pipeline/prefilter.js";

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(md|html?|txt)$/.test(name) ? [path] : [];
  });
}

const ROOT = join(import.meta.dirname, "..");
const documents = [
  ...filesUnder(join(ROOT, "fixtures")),
  ...filesUnder(join(ROOT, "sources")),
  ...filesUnder(join(ROOT, "..", "shared", "seeds")),
];

describe("prefilter", () => {
  test("a page whose only port is a prose mention without the word 'port' is still read", () => {
    const bytes = new TextEncoder().encode("# Vault\n\nThe vault agent listens on 8200 for local clients.\n");
    const result = processDocument({ id: "vault.md", path: "vault.md", bytes, sha256: sha256Hex(bytes) });
    expect(result.mentions.map((m) => m.ports)).toEqual([[{ from: 8200, to: 8200 }]]);
  });

  test.each(documents.map((d) => [relative(ROOT, d), d]))("%s: same result with and without it", (rel, path) => {
    const bytes = new Uint8Array(readFileSync(path));
    const source = { id: rel, path: rel, bytes, sha256: sha256Hex(bytes) };
    expect(processDocument(source)).toEqual(processDocument(source, { noPrefilter: true }));
  });

  test.each<[string, boolean]>([
    ["| Port | Protocol |", true],
    ["- Port: 443", true],
    ["Open TCP 22.", true],
    ["Port(s)", true],
    ["The agent listens on 8200.", true],
    ["Allow the ephemeral range 32768-60999.", true],
    ["Open the dynamic RPC range (49152-65535).", true],
    ["Transport layer support and reports.", false],
    ["Import the passport file.", false],
  ])("%j may hold ports: %j", (text, expected) => {
    expect(mayHoldPorts(text)).toBe(expected);
  });

  test.each([
    ["front matter title", "---\ntitle: Agent Guide\nsidebar_position: 3\n---\n\n# Other\n\ntext\n"],
    ["atx h1 with emphasis", "Intro\n\n# The *Agent* Guide #\n\ntext\n"],
    ["setext h1", "Agent Guide\n===========\n\ntext\n"],
    ["h1 only after a fenced code block holding '# not a title'", "```sh\n# not a title\n```\n\n# Real Title\n"],
    ["unclosed fence", "```\n# inside\n"],
    ["no title, front matter without title", "---\nsidebar_position: 1\n---\n\n## Only h2\n"],
    ["broken front matter", "---\ntitle: [unclosed\n---\n\n# Fallback\n"],
    ["link reference title", "# [Agent Guide][home]\n\n[home]: https://example.com\n"],
    ["h1 in a blockquote does not count", "> # Quoted\n\n# Real\n"],
  ])("markdown head: %s", (_name, text) => {
    const full = parseMarkdown(text);
    expect(parseMarkdownHead(text)).toEqual({ title: full.title, meta: full.meta });
  });
});
