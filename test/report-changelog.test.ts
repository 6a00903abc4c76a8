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

  test("file:line become links when a URL prefix is given (Markdown sources shown plain, where line anchors work)", () => {
    const md = renderChangelog(sample(), "markdown", { links: { head: "https://example.invalid/blob/abc/" } });
    expect(md).toContain("[docs/page.md:10](https://example.invalid/blob/abc/docs/page.md?plain=1#L10)");
    const rows = tablesOf(parse(md)).flatMap((t) => t.children.slice(1));
    // each Where cell with a head location is one link; the removed mention has only a base location, and no base prefix was given
    expect(rows.map((r) => [toString(r.children[1]!), r.children[4]!.children.map((n) => n.type).join()]).sort()).toEqual([
      ["mention removed", "text"],
      ["optional changed", "link"],
      ["ports added", "link"],
      ["purpose changed", "link"],
    ]);
  });

  test("base and head link to their own revision; a base-only location links to the base", () => {
    const base = flowsDoc([flow({ ports: "445" }), flow({ target: "Mirror", ports: "8530", location: { line: 7 } })]);
    const head = flowsDoc([flow({ ports: "139,445", location: { line: 12 } })]);
    const md = renderChangelog(diffFlowsDocuments(base, head), "markdown", { links: { base: "https://example.invalid/blob/b4se/", head: "https://example.invalid/blob/he4d/" } });
    expect(md).toContain("[docs/page.md:10](https://example.invalid/blob/b4se/docs/page.md?plain=1#L10) → [docs/page.md:12](https://example.invalid/blob/he4d/docs/page.md?plain=1#L12)");
    expect(md).toContain("| [docs/page.md:7](https://example.invalid/blob/b4se/docs/page.md?plain=1#L7) |");
    // no prefix for a side: plain text on that side
    const headOnly = renderChangelog(diffFlowsDocuments(base, head), "markdown", { links: { head: "https://example.invalid/blob/he4d/" } });
    expect(headOnly).toContain("| docs/page.md:7 |");
  });

  test("links use repository paths: the working directory's place in the repository, odd characters encoded, nothing outside it", () => {
    const odd = flowsDoc([flow({ document: "a (v2)#1.html", ports: "80" })]);
    const log = diffFlowsDocuments(flowsDoc([]), odd);
    const withPath = (file: string, repoPath: string) => renderChangelog({ ...log, changes: log.changes.map((c) => ({ ...c, headLocation: c.headLocation && { ...c.headLocation, file } })) }, "markdown", { links: { head: "https://example.invalid/blob/abc" }, repoPath });
    expect(withPath("docs/a (v2)#1.html", "site/")).toContain("(https://example.invalid/blob/abc/site/docs/a%20%28v2%29%231.html#L10)");
    expect(withPath("../docs/x.html", "site/")).toContain("(https://example.invalid/blob/abc/docs/x.html#L10)");
    const outside = withPath("../../elsewhere/x.html", "site/");
    expect(outside).toContain("| ../../elsewhere/x.html:10 |");
    expect(outside).not.toContain("](https://");
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

  test("many unreadable inputs: the first 20 are listed, then a count; still under the limit", () => {
    const problems = Array.from({ length: 3000 }, (_, i) => ({ side: "head" as const, document: `docs/p-${i}.md`, message: `docs/p-${i}.md: ${"permission denied ".repeat(40)}` }));
    const log = { ...diffFlowsDocuments(flowsDoc([]), flowsDoc([])), problems };
    const md = renderChangelog(log, "markdown");
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(md.split("\n")[0]).toBe("+0 opens · −0 closes · 0 modifies");
    expect(md).toContain("**3000 input(s) could not be read**");
    expect(md.match(/^- head: /gm)).toHaveLength(20);
    expect(md).toContain("- … and 2980 more");
  });

  test("a 10,000-change changelog with links stays under the limit too, each shown table whole", () => {
    const head = flowsDoc(Array.from({ length: 10_000 }, (_, i) => flow({ document: `guides/very/long/path/to/document-${String(i % 7).padStart(2, "0")}.md`, ports: [{ from: 1 + i, to: 1 + i }], target: `Server ${i}` })));
    const md = renderChangelog(diffFlowsDocuments(flowsDoc([]), head), "markdown", { links: { head: "https://github.example.invalid/acme/docs/blob/0123456789abcdef0123456789abcdef01234567/" } });
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    const tree = parse(md);
    expect(tree.children[0]!.type).toBe("paragraph");
    expect(ofType(tree, "table").length).toBe(ofType(tree, "heading").length);
    expect(md).toMatch(/\*\*Truncated:\*\* \d+ of 10007 changes/);
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
  test("colour only on a TTY without NO_COLOR (an empty NO_COLOR does not count) and not on TERM=dumb", () => {
    const log = sample();
    expect(renderChangelog(log, "text", { isTTY: true, env: {} })).toContain("\u001b[31m");
    expect(renderChangelog(log, "text", { isTTY: true, env: { NO_COLOR: "" } })).toContain("\u001b[31m");
    expect(renderChangelog(log, "text", { isTTY: true, env: { NO_COLOR: "1" } })).not.toContain("\u001b[");
    expect(renderChangelog(log, "text", { isTTY: true, env: { TERM: "dumb" } })).not.toContain("\u001b[");
    expect(renderChangelog(log, "text", { isTTY: false, env: {} })).not.toContain("\u001b[");
  });

  test("one line per change under its document, with location and fingerprint", () => {
    const text = renderChangelog(sample(), "text");
    expect(text.split("\n")[0]).toBe("5.0 → 5.1: +1 opens · −0 closes · 2 modifies · 1 cosmetic");
    expect(text).toMatch(/^ {2}opens ports-added +ports added: allow TCP 139 Relay server → File server \(ports 445 → 139, 445\) {2}\(docs\/page\.md:10\) {2}\[[0-9a-f]{12}\]$/m);
  });
});

describe("github", () => {
  test("annotations at file and line; cosmetic and ignored as notices; the summary first (GitHub keeps only the first few per level)", () => {
    const gh = renderChangelog(sample("kind:optional-changed"), "github").trimEnd().split("\n");
    expect(gh[0]).toMatch(/^::notice title=portflow changelog::5\.0 → 5\.1: \+1 opens/);
    expect(gh).toContainEqual(expect.stringMatching(/^::warning file=docs\/page\.md,line=10,title=portflow opens%3A ports-added::ports added: allow TCP 139/));
    expect(gh).toContainEqual(expect.stringMatching(/^::notice file=docs\/b\.md,line=10,title=portflow modifies \(ignored\)%3A optional-changed::/));
    expect(gh).toContainEqual(expect.stringMatching(/^::notice file=docs\/b\.md,line=10,title=portflow cosmetic%3A purpose-changed::/));
    expect(gh).toHaveLength(1 + 4);
  });

  test("values escaped as the actions toolkit does: %, CR, LF; ':' and ',' in properties; every command one line", () => {
    const nasty = "Relay, 100% \"::stop-commands::x\"\r\n::error::forged\u001b[31m";
    const log = diffFlowsDocuments(flowsDoc([]), flowsDoc([flow({ document: "we:ird,name.md", target: nasty, ports: "8443" })]));
    const gh = renderChangelog(log, "github", { repoPath: "" }).trimEnd().split("\n");
    expect(gh).toHaveLength(3);
    for (const line of gh) expect(line).toMatch(/^::(notice|warning|error) /);
    const added = gh.find((l) => l.startsWith("::warning"))!;
    expect(added).toContain("file=docs/we%3Aird%2Cname.md,line=10,");
    expect(added).toContain('Relay, 100%25 "::stop-commands::x"%0D%0A::error::forged [31m');
    expect(added).not.toContain("\u001b");
  });

  test("file= is the repository path; a location outside the repository gets no file", () => {
    const log = diffFlowsDocuments(flowsDoc([]), flowsDoc([flow({ ports: "8443" })]));
    expect(renderChangelog(log, "github", { repoPath: "site/" })).toContain("::warning file=site/docs/page.md,line=10,");
    const outside = { ...log, changes: log.changes.map((c) => ({ ...c, headLocation: c.headLocation && { ...c.headLocation, file: "../../x.md" } })) };
    expect(renderChangelog(outside, "github")).toMatch(/^::warning title=portflow opens%3A flow-added::/m);
  });
});

describe("document text stays text", () => {
  const log = () => diffFlowsDocuments(flowsDoc([]), flowsDoc([flow({ target: "NetApp* [docs](evil.html) `x` <b>y</b>\nnext ![i](t.png)", ports: "443" })]));

  test("markdown: emphasis, links, code and HTML from a document are escaped, one line per row", () => {
    const md = renderChangelog(log(), "markdown");
    const tree = parse(md);
    const table = tablesOf(tree)[0]!;
    const flowCell = table.children[2]!.children[2]!;
    expect(flowCell.children.map((n) => n.type)).toEqual(["text"]);
    expect(toString(flowCell)).toBe("TCP Relay server → NetApp* [docs](evil.html) `x` <b>y</b> next ![i](t.png)");
    expect(md).not.toMatch(/<b>/);
  });

  test("text: no control character reaches the terminal", () => {
    const withEscape = diffFlowsDocuments(flowsDoc([]), flowsDoc([flow({ target: "A\u001b]0;pwned\u0007B\r\n::warning::x", ports: "443" })]));
    const text = renderChangelog(withEscape, "text", { isTTY: false, env: {} });
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(text.split("\n").filter((l) => l.startsWith("::"))).toEqual([]);
  });
});

test("json is the changelog document, and re-parses to the same value", () => {
  const log = sample();
  const json = renderChangelog(log, "json");
  expect(ChangelogSchema.parse(JSON.parse(json))).toEqual(log);
  expect(renderChangelog(ChangelogSchema.parse(JSON.parse(json)), "json")).toBe(json);
});
