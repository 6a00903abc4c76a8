// The renderers: the Markdown PR comment parsed back with remark (summary first, one table per
// document, under the size limit even for 10,000 changes), terminal colour rules, GitHub annotations.
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { Root, Table } from "mdast";
import { toString } from "mdast-util-to-string";
import { describe, expect, test } from "vitest";
import { diffFlowsDocuments } from "../src/diff/index.js";
import { parseIgnoreFile } from "../src/diff/ignore.js";
import { ChangelogSchema, type Changelog } from "../src/model/changelog.js";
import { renderChangelog, MARKDOWN_LIMIT } from "../src/report/index.js";
import { flow, flowsDoc, mention } from "./diff-flow-helper.js";

const parse = (md: string) => unified().use(remarkParse).use(remarkGfm).parse(md) as Root;
const ofType = (tree: Root, type: "table" | "heading" | "paragraph") => tree.children.filter((n) => n.type === type);
const tablesOf = (tree: Root) => tree.children.filter((n): n is Table => n.type === "table");

function sample(ignore?: string): Changelog {
  const base = flowsDoc([flow({ ports: "445" }), flow({ document: "b.md", target: "Syslog | collector", ports: "514", protocol: "udp" }), flow({ document: "b.md", target: "Mirror", ports: "8530" })], [mention({ document: "b.md" })]);
  const head = flowsDoc([flow({ ports: "139,445" }), flow({ document: "b.md", target: "Syslog | collector", ports: "514", protocol: "udp", purpose: ["Audit <forwarding>"] }), flow({ document: "b.md", target: "Mirror", ports: "8530", optional: true })]);
  return diffFlowsDocuments(base, head, { baseLabel: "5.0", headLabel: "5.1", ...(ignore ? { ignore: parseIgnoreFile(ignore) } : {}) });
}

describe("markdown", () => {
  test("summary line first, then one table per document with old → new and file:line", () => {
    const md = renderChangelog(sample(), "markdown");
    expect(md.split("\n")[0]).toBe("+1 opens · −0 closes · 2 modifies · 1 cosmetic");
    const tree = parse(md);
    expect(tree.children[0]!.type).toBe("paragraph");
    expect(toString(tree.children[0]!)).toBe("+1 opens · −0 closes · 2 modifies · 1 cosmetic");
    const tables = tablesOf(tree);
    expect(ofType(tree, "heading").map((h) => toString(h))).toEqual(["b.md", "page.md"]);
    expect(tables).toHaveLength(2);
    const cells = (t: (typeof tables)[number]) => t.children.map((r) => r.children.map((c) => toString(c)));
    expect(cells(tables[0]!)[0]).toEqual(["Impact", "Change", "Flow", "Old → new", "Where"]);
    expect(cells(tables[1]!)[1]).toEqual(["opens", "ports added", "TCP Relay server → File server", "445 → 139, 445", "docs/page.md:10"]);
    // a pipe inside a name stays inside its cell; HTML in text stays text
    expect(cells(tables[0]!).every((r) => r.length === 5)).toBe(true);
    expect(md).toContain("Audit &lt;forwarding&gt;");
    expect(md).toContain("<details><summary>Details (3)</summary>");
  });

  test("file:line become links when a URL prefix is given", () => {
    const md = renderChangelog(sample(), "markdown", { links: { head: "https://example.invalid/blob/abc/" } });
    expect(md).toContain("[docs/page.md:10](https://example.invalid/blob/abc/docs/page.md#L10)");
  });

  test("ignored changes are shown as ignored, not hidden", () => {
    const md = renderChangelog(sample("kind:ports-added"), "markdown");
    expect(md.split("\n")[0]).toBe("+0 opens · −0 closes · 2 modifies · 1 cosmetic · 1 ignored");
    expect(md).toContain("| ~~opens~~ ignored | ports added |");
  });

  test("no changes: still a summary line", () => {
    const log = diffFlowsDocuments(flowsDoc([flow()]), flowsDoc([flow()]));
    const md = renderChangelog(log, "markdown");
    expect(md.split("\n")[0]).toBe("+0 opens · −0 closes · 0 modifies");
    expect(md).toContain("No port changes.");
  });

  test("10,000 changes stay under 65,000 characters, with a note saying how much was left out", () => {
    const head = flowsDoc(Array.from({ length: 10_000 }, (_, i) => flow({ document: `doc-${String(i % 40).padStart(2, "0")}.md`, ports: [{ from: 1 + i, to: 1 + i }], target: `Server ${i}` })));
    const log = diffFlowsDocuments(flowsDoc([]), head);
    expect(log.changes.length).toBe(10_040);
    const md = renderChangelog(log, "markdown");
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(md.length).toBeGreaterThan(MARKDOWN_LIMIT - 2_000);
    const tree = parse(md);
    const shownRows = tablesOf(tree).reduce((n, t) => n + t.children.length - 1, 0);
    const note = md.match(/\*\*Truncated:\*\* (\d+) of (\d+) changes/);
    expect(note).not.toBeNull();
    expect(Number(note![2])).toBe(10_040);
    expect(Number(note![1]) + shownRows).toBe(10_040);
    expect(ofType(tree, "table").length).toBe(ofType(tree, "heading").length);
  });

  test("a changelog over the limit only because of details keeps every row and drops details", () => {
    const full = renderChangelog(sample(), "markdown");
    const lean = full.replace(/<details>[\s\S]*?<\/details>\n\n?/g, "");
    const limit = lean.length + 500;
    expect(full.length).toBeGreaterThan(limit);
    const md = renderChangelog(sample(), "markdown", { maxChars: limit });
    expect(md.length).toBeLessThanOrEqual(limit);
    expect(tablesOf(parse(md)).reduce((n, t) => n + t.children.length - 1, 0)).toBe(4);
    expect(md).not.toContain("<details>");
    expect(md).toMatch(/Details of the 4 changes were left out/);
  });
});

describe("text", () => {
  test("colour only on a TTY without NO_COLOR", () => {
    const log = sample();
    expect(renderChangelog(log, "text", { isTTY: true, env: {} })).toContain("\u001b[31m");
    expect(renderChangelog(log, "text", { isTTY: true, env: { NO_COLOR: "1" } })).not.toContain("\u001b[");
    expect(renderChangelog(log, "text", { isTTY: false, env: {} })).not.toContain("\u001b[");
  });

  test("one line per change under its document, with location and fingerprint", () => {
    const text = renderChangelog(sample(), "text");
    expect(text.split("\n")[0]).toBe("5.0 → 5.1: +1 opens · −0 closes · 2 modifies · 1 cosmetic");
    expect(text).toMatch(/^ {2}opens ports-added +ports 139 added to TCP Relay server → File server \(445 → 139, 445\) {2}\(docs\/page\.md:10\) {2}\[[0-9a-f]{12}\]$/m);
  });
});

describe("github", () => {
  test("annotations at file and line, escaped; cosmetic and ignored as notices", () => {
    const gh = renderChangelog(sample("kind:optional-changed"), "github").trimEnd().split("\n");
    expect(gh).toContainEqual(expect.stringMatching(/^::warning file=docs\/page\.md,line=10,title=portflow opens%3A ports-added::ports 139 added/));
    expect(gh).toContainEqual(expect.stringMatching(/^::notice file=docs\/b\.md,line=10,title=portflow modifies \(ignored\)%3A optional-changed::/));
    expect(gh).toContainEqual(expect.stringMatching(/^::notice file=docs\/b\.md,line=10,title=portflow cosmetic%3A purpose-changed::/));
    expect(gh.at(-1)).toMatch(/^::notice title=portflow changelog::5\.0 → 5\.1: /);
  });
});

test("json is the changelog document, and re-parses to the same value", () => {
  const log = sample();
  const json = renderChangelog(log, "json");
  expect(ChangelogSchema.parse(JSON.parse(json))).toEqual(log);
  expect(renderChangelog(ChangelogSchema.parse(JSON.parse(json)), "json")).toBe(json);
});
