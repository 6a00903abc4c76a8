// Pipe tables broken by HTML-to-Markdown converters are mended before parsing, and every line still
// points into the original file.
import { describe, expect, test } from "vitest";
import { repairMarkdown } from "../src/parse/markdown/repair.js";
import { parseMarkdown } from "../src/parse/markdown/index.js";
import type { TableBlock } from "../src/parse/blocks.js";

const tables = (md: string) => parseMarkdown(md).blocks.filter((b): b is TableBlock => b.kind === "table");

describe("repairMarkdown", () => {
  test("leaves well-formed text alone, line for line", () => {
    const text = "# T\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nprose | with a pipe\n";
    const r = repairMarkdown(text);
    expect(r.text).toBe(text);
    expect(r.originalLine).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  test("joins a row whose cell runs onto the next lines, and maps later lines back", () => {
    const r = repairMarkdown("| P | Q |\n| --- | --- |\n| 1<br> | a<br>\n<br>   <br>b |\n| 2 | c |\n");
    expect(r.text.split("\n")).toEqual(["| P | Q |", "| --- | --- |", "| 1<br> | a<br> <br>   <br>b |", "| 2 | c |", ""]);
    expect(r.originalLine).toEqual([1, 2, 3, 5, 6]);
  });

  test("adds the missing delimiter row under a block of pipe rows of one width", () => {
    const r = repairMarkdown("intro\n\n| P | Q |\n| 1 | a |\n| 2 | b |\n");
    expect(r.text.split("\n")[3]).toBe("| --- | --- |");
    expect(r.originalLine).toEqual([1, 2, 3, 3, 4, 5, 6]);
  });

  test.each([
    ["a single pipe line", "| P | Q |\n\ntext\n"],
    ["rows of different widths", "| P | Q |\n| 1 | a | x |\n"],
    ["one column", "| P |\n| 1 |\n"],
    ["pipe rows inside a fenced code block", "```\n| P | Q |\n| 1 | a |\n```\n"],
    ["pipe lines inside front matter", "---\ntitle: A\nx: | a | b |\ny: | c | d |\n---\n# T\n"],
    ["a runaway row that never closes", "| P | Q |\n| --- | --- |\n| 1 | a\n\nnext paragraph\n"],
  ])("changes nothing for %s", (_name, text) => {
    expect(repairMarkdown(text).text).toBe(text);
  });
});

describe("parseMarkdown over mended text", () => {
  test("rows keep their original lines", () => {
    const [t] = tables("# T\n\n| P | Q |\n| --- | --- |\n| 1<br> | a<br>\n<br>b |\n| 2 | c |\n");
    expect(t!.rows.map((r) => [r.line, r.cells.map((c) => c.items)])).toEqual([
      [5, [["1"], ["a", "b"]]],
      [7, [["2"], ["c"]]],
    ]);
  });

  test("<ul><li> and <p> inside a cell separate items as <br> does", () => {
    const [t] = tables("| P | Q |\n| --- | --- |\n| 1 | <ul><li>a</li><li>b c</li></ul> |\n| 2 | <p>d</p><p>e</p> |\n");
    expect(t!.rows.map((r) => r.cells[1]!.items)).toEqual([["a", "b c"], ["d", "e"]]);
  });
});

describe("pseudo-headings", () => {
  const sections = (md: string) => tables(md).map((t) => t.section);
  const table = "| P | Q |\n| --- | --- |\n| 1 | a |\n";

  test("a bold line opens a sub-section; the next one replaces it; a real heading closes it", () => {
    const md = `# Page\n\n## Part\n\n**Arrays Extra Rules**\n\n${table}\n**Filers Extra Rules**\n\n${table}\n## Other\n\n${table}`;
    expect(sections(md)).toEqual([["Page", "Part", "Arrays Extra Rules"], ["Page", "Part", "Filers Extra Rules"], ["Page", "Other"]]);
  });

  test("a bare title-case line right above a table (or above its intro) is one too", () => {
    expect(sections(`# Page\n\nFiler Extra Rules\n\nThe filer needs these rules:\n\n${table}`)).toEqual([["Page", "Filer Extra Rules"]]);
  });

  test.each([
    ["a sentence", "Open these ports on the filer.\n\n"],
    ["a lower-case line", "open these ports on the filer\n\n"],
    ["a bold label ending with a colon", "**Inbound to Hub:**\n\n"],
    ["a bold admonition label", "**Note**\n\n"],
    ["bold text with more after it", "**Step 1 –** Open the console\n\n"],
  ])("is not %s", (_name, paragraph) => {
    expect(sections(`# Page\n\n${paragraph}${table}`)).toEqual([["Page"]]);
  });
});

describe("pseudo-headings, more shapes", () => {
  const table = "| P | Q |\n| --- | --- |\n| 1 | a |\n";
  const sections = (md: string) => tables(md).map((t) => t.section);

  test("a long title line keeps lower-case function words", () => {
    expect(sections(`# Page\n\nAdditional Firewall Rules for Integration between Vireo Auditor and Vireo Monitor\n\n${table}`)).toEqual([
      ["Page", "Additional Firewall Rules for Integration between Vireo Auditor and Vireo Monitor"],
    ]);
  });

  test.each([["**Table 3: Firewall Rules**"], ["**Table. Admin Access**"], ["In this article"]])("%s is a caption or a page label, not a section", (line) => {
    expect(sections(`# Page\n\n${line}\n\n${table}`)).toEqual([["Page"]]);
  });
});
