// The HTML parser: the block shape it gives for whole help-center pages (MadCap Flare, Zendesk,
// Confluence, a legacy-charset page, a link-dense table), and its rules one shape at a time.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { Block, Cell, ListBlock, ProseBlock, TableBlock } from "../src/parse/blocks.js";
import { isChrome } from "../src/parse/html/chrome.js";
import type { DomElement } from "../src/parse/html/dom.js";
import { parseHtml, parseHtmlFragment } from "../src/parse/html/index.js";
import { parseMarkdown } from "../src/parse/markdown/index.js";
import { decodeBytes } from "../src/read/decode.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const bytesOf = (format: string, name: string, file: string) => new Uint8Array(readFileSync(join(FIXTURES, format, name, file)));
const fixture = (name: string) => parseHtml(decodeBytes(bytesOf("html", name, "input.html")).text);

const tables = (blocks: Block[]) => blocks.filter((b): b is TableBlock => b.kind === "table");
const lists = (blocks: Block[]) => blocks.filter((b): b is ListBlock => b.kind === "list");
const proses = (blocks: Block[]) => blocks.filter((b): b is ProseBlock => b.kind === "prose");
const texts = (cells: Cell[]) => cells.map((c) => c.text);
const grid = (table: TableBlock) => table.rows.map((r) => texts(r.cells));
/** every section trail in order of appearance, without repeats */
const trails = (blocks: Block[]) => [...new Set(blocks.map((b) => b.section.join(" > ")))];
/** every string a block shows downstream */
function blockStrings(block: Block): string[] {
  switch (block.kind) {
    case "prose":
      return [block.text];
    case "list":
      return [block.intro ?? "", ...block.items.flatMap((i) => [i.text, ...i.items])];
    case "keyValue":
      return block.entries.flatMap((e) => [e.key, e.value]);
    case "table":
      return [...block.header, ...block.rows.flatMap((r) => r.cells)].flatMap((c) => [c.text, ...c.items]);
  }
}

describe("MadCap Flare topic with toolbar, search forms, account menu and breadcrumbs", () => {
  const doc = fixture("madcap-topic-with-toolbar-search-breadcrumbs");
  const T = "Ranger Collector Ports";

  test("title and trail come from the topic, not the skin", () => {
    expect(doc.format).toBe("html");
    expect(doc.title).toBe(T);
    expect(doc.meta).toEqual({});
    expect(trails(doc.blocks)).toEqual([T, `${T} > Windows Targets`]);
  });

  test("the port table keeps header, messy cells, <br>/<p> items and every row's line", () => {
    const [table, ...others] = tables(doc.blocks);
    expect(others).toEqual([]);
    expect(table!.line).toBe(100);
    expect(texts(table!.header)).toEqual(["Port", "Protocol", "Source", "Target", "Purpose"]);
    expect(table!.header.map((h) => h.line)).toEqual([105, 106, 107, 108, 109]); // each <th> has its own line
    expect(table!.rows.map((r) => [r.line, r.cells[0]!.text, r.cells[1]!.text])).toEqual([
      [113, "139 445", "TCP"],
      [120, "Dynamic: 1024 -65535", "TCP"],
      [127, "137 through 139", "UDP"],
      [135, "\u2013", "ICMP"], // "â€“" in the file, repaired by decode
      [142, "9410", "TCP"],
    ]);
    expect(table!.rows.map((r) => r.cells[4]!.items)).toEqual([
      ["Remote registry", "Service control"],
      ["Windows Management Instrumentation"],
      ["NetBIOS name and datagram service"], // a wrapped line is one item, collapsed to one space
      ["Reachability check"],
      ["Console sessions", "Status queries"],
    ]);
    expect(table!.rows[0]!.cells[4]!.text).toBe("Remote registry Service control");
  });

  test("prose keeps its source lines; the NOTE box is prose", () => {
    expect(proses(doc.blocks).map((p) => [p.line, p.text.split("\n").length, p.text.split("\n")[0]])).toEqual([
      [95, 2, "The Ranger Collector talks to the hosts it watches through the ports below. Open them on every"],
      [97, 2, "NOTE: The collector also"],
      [151, 1, "Once the ports are open, restart the Ranger Collector service."],
    ]);
  });
});

describe("Zendesk article", () => {
  const doc = fixture("zendesk-article");

  test("title is the article h1 without the site suffix; the sidebar heading is no section", () => {
    expect(doc.title).toBe("Vault Agent Firewall Ports");
    expect(trails(doc.blocks)).not.toContain("Vault Agent Firewall Ports > Articles in this section");
    expect(trails(doc.blocks)).toContain("Vault Agent Firewall Ports > Verifying the connection");
  });

  test("header from the first <tbody> row; <ul><li> items, <sup>*</sup> markers and entities in cells", () => {
    const [table] = tables(doc.blocks);
    expect(texts(table!.header)).toEqual(["Communication Direction", "Protocol", "Ports", "Description"]);
    expect(table!.rows.map((r) => r.line)).toEqual([74, 80, 91]);
    expect(grid(table!)).toEqual([
      ["Vault Agent to Vault Server", "TCP", "7443", "Backup stream"],
      ["Vault Agent to NetApp*", "TCP", "80 for http 443 for https", "ONTAP API calls"],
      ["Vault Server to Vault Agent", "TCP", "7444\u20137446", "Job control & status"],
    ]);
    expect(table!.rows[1]!.cells[2]!.items).toEqual(["80 for http", "443 for https"]);
  });

  test("the footnote paragraph under the table keeps its marker", () => {
    expect(proses(doc.blocks).map((p) => p.text)).toContain("*Only required if the agent protects NetApp storage.");
  });
});

describe("Confluence page with rowspan, colspan and a nested table", () => {
  const doc = fixture("confluence-rowspan-colspan");

  test("title is the page h1 that <title> begins with (the h1 sits in the page header)", () => {
    expect(doc.title).toBe("Relay Ports");
    expect(trails(doc.blocks)).toEqual(["Relay Ports", "Relay Ports > Connections"]);
  });

  test("rowspan and colspan expand into a full grid; spanned values repeat", () => {
    const [outer] = tables(doc.blocks);
    expect(texts(outer!.header)).toEqual(["Source", "Target", "Port", "Protocol", "Purpose", "Notes"]);
    expect(grid(outer!)).toEqual([
      ["Branch gateway", "Relay node", "5671", "TCP", "Telemetry over AMQPS", "Telemetry over AMQPS"],
      ["Branch gateway", "Relay node", "8883", "TCP", "MQTT over TLS", "Firmware 7.2 and later"],
      ["Branch gateway", "Time server", "123", "UDP", "Clock sync", "Only when the branch has no local NTP."],
      ["Relay node", "Central broker", "5671", "TCP", "Forwarding", "Broker pools:"],
    ]);
    expect(outer!.rows.map((r) => r.line)).toEqual([63, 70, 77, 84]);
    // a repeated value keeps the line of the cell that holds it
    expect(outer!.rows[2]!.cells[0]!.line).toBe(64);
  });

  test("a nested table becomes its own block after the outer one", () => {
    const [, inner, ...rest] = tables(doc.blocks);
    expect(rest).toEqual([]);
    expect(inner!.section).toEqual(["Relay Ports", "Connections"]);
    expect(inner!.line).toBe(92);
    expect(texts(inner!.header)).toEqual(["Region", "Broker host"]);
    expect(grid(inner!)).toEqual([
      ["EU", "broker-eu.tailspin.invalid"],
      ["US", "broker-us.tailspin.invalid"],
    ]);
  });

  test("the information macro is prose", () => {
    expect(proses(doc.blocks).at(-1)).toMatchObject({ line: 102, text: "Relay nodes behind a proxy also need outbound port 3128 to the proxy." });
  });
});

describe("page saved in windows-1252, declared by http-equiv", () => {
  const bytes = bytesOf("html", "windows-1252", "input.html");

  test("the bytes really are windows-1252 (en dash 0x96, é 0xE9)", () => {
    expect(bytes.includes(0x96)).toBe(true);
    expect(bytes.includes(0xe9)).toBe(true);
  });

  test("decodeBytes honours the declaration and parseHtml reads clean text", () => {
    const decoded = decodeBytes(bytes);
    expect(decoded.encoding).toBe("windows-1252");
    expect(decoded.fallbackFrom).toBeUndefined();
    const doc = parseHtml(decoded.text);
    expect(doc.title).toBe("Ports réseau du Courier Gateway");
    expect(grid(tables(doc.blocks)[0]!)).toEqual([
      ["25", "TCP", "Internet", "Courier Gateway", "Réception SMTP"],
      ["49152 \u2013 65535", "TCP", "Courier Gateway", "Mail store", "Réplication dynamique"],
      ["8025", "TCP", "Poste d\u2019administration", "Courier Gateway", "Console « web »"],
    ]);
  });
});

describe("link-dense table in a sidebar layout without an article container", () => {
  const doc = fixture("link-dense-table");

  test("the table of links is kept whole; the sidebar's link list is not", () => {
    const [table] = tables(doc.blocks);
    expect(texts(table!.header)).toEqual(["Port", "Protocol", "Source", "Target", "Purpose"]);
    expect(table!.rows.map((r) => [r.line, r.cells[0]!.text, r.cells[4]!.text])).toEqual([
      [29, "514", "Syslog intake"],
      [30, "6514", "Syslog over TLS"],
      [31, "161", "SNMP polling"],
      [32, "443", "Web UI"],
    ]);
    expect(lists(doc.blocks)).toEqual([]);
    expect(doc.title).toBe("Beacon Appliance Ports");
  });
});

describe("no block holds site chrome", () => {
  const names = readdirSync(join(FIXTURES, "html"));
  test.each(names)("%s", (name) => {
    const strings = fixture(name).blocks.flatMap(blockStrings).join("\n");
    for (const chrome of ["Skip To Main Content", "Submit Search", "You are here", "Logout", "Account Settings", "Filter:", "All Files"]) {
      expect(strings.toLowerCase()).not.toContain(chrome.toLowerCase());
    }
  });
});

describe("the same table in Markdown and in HTML", () => {
  const md = parseMarkdown(readFileSync(join(FIXTURES, "markdown", "markdown-equivalent", "input.md"), "utf8"), { parseHtmlFragment });
  const html = fixture("markdown-equivalent");

  test("gives the same title, header texts, and row cell texts and items", () => {
    const [a] = tables(md.blocks);
    const [b] = tables(html.blocks);
    expect(html.title).toBe(md.title);
    expect(b!.section).toEqual(a!.section);
    expect(texts(b!.header)).toEqual(texts(a!.header));
    expect(grid(b!)).toEqual(grid(a!));
    expect(b!.rows.map((r) => r.cells.map((c) => c.items))).toEqual(a!.rows.map((r) => r.cells.map((c) => c.items)));
    expect(a!.rows).toHaveLength(7);
  });
});

/** A page body with the given markup, one line per array entry. */
const page = (...lines: string[]) => parseHtml(["<html><head><title>T</title></head><body>", ...lines, "</body></html>"].join("\n"));

describe("tables, one shape at a time", () => {
  test.each([
    ["<sup>1</sup> as a superscript digit", "<td>Server<sup>1</sup></td>", "Server\u00b9", ["Server\u00b9"]],
    ["<sup>†</sup> kept", "<td>Hub<sup>&dagger;</sup></td>", "Hub\u2020", ["Hub\u2020"]],
    ["entities decoded, whitespace collapsed", "<td>  R&amp;D\n   &lt;relay&gt;&nbsp;443 </td>", "R&D <relay> 443", ["R&D <relay> 443"]],
    ["<br> and <div> separate items", "<td>a<br/>b<div>c</div></td>", "a b c", ["a", "b", "c"]],
    ["inline markup does not", "<td><b>80</b> for <a href='#'>http</a></td>", "80 for http", ["80 for http"]],
    ["scripts and buttons are no text", "<td>443<script>x()</script><button>Copy</button></td>", "443", ["443"]],
    ["an empty cell", "<td></td>", "", []],
  ])("%s", (_name, td, text, items) => {
    const doc = page("<table><tr><th>Port</th></tr>", `<tr>${td}</tr></table>`);
    expect(tables(doc.blocks)[0]!.rows[0]!.cells[0]).toEqual({ text, items, line: 3 });
  });

  test("two header rows merge per column; rowspan=0 spans to the end of the group; ragged rows are padded", () => {
    const doc = page(
      "<table><thead>",
      "<tr><th rowspan='2'>Port</th><th colspan='2'>Endpoints</th></tr>",
      "<tr><th>Source</th><th>Target</th></tr>",
      "</thead><tbody>",
      "<tr><td>443</td><td rowspan='0'>Agent</td><td>Hub</td></tr>",
      "<tr><td>80</td></tr>",
      "</tbody></table>",
    );
    const [table] = tables(doc.blocks);
    expect(texts(table!.header)).toEqual(["Port", "Endpoints Source", "Endpoints Target"]);
    expect(grid(table!)).toEqual([
      ["443", "Agent", "Hub"],
      ["80", "Agent", ""],
    ]);
    expect(table!.rows.map((r) => r.line)).toEqual([6, 7]);
  });

  test("without <thead> or <th>, the first row is the header", () => {
    const [table] = tables(page("<table><tr><td>Port</td><td>Use</td></tr><tr><td>22</td><td>SSH</td></tr></table>").blocks);
    expect(texts(table!.header)).toEqual(["Port", "Use"]);
    expect(grid(table!)).toEqual([["22", "SSH"]]);
  });

  test("a layout table (headings in its cells) is read as containers, its data table as a table", () => {
    const doc = page(
      "<table role='presentation'><tr><td>",
      "<h2>Ports</h2><p>Open these.</p>",
      "<table><tr><th>Port</th></tr><tr><td>8080</td></tr></table>",
      "</td></tr></table>",
    );
    expect(doc.blocks.map((b) => [b.kind, b.line, b.section.join(" > ")])).toEqual([
      ["prose", 3, "T > Ports"],
      ["table", 4, "T > Ports"],
    ]);
  });
});

describe("prose, lists and headings", () => {
  test("prose keeps one line per source line, even across a tag that spans lines", () => {
    const doc = page("<p>Open port 443 on the", "<a", '  href="#x">hub</a> firewall.', "<sup>2</sup> See notes.</p>");
    expect(proses(doc.blocks)).toEqual([{ kind: "prose", section: ["T"], line: 2, text: "Open port 443 on the\n\nhub firewall.\n\u00b2 See notes." }]);
  });

  test("a list keeps its items' lines, flattens nested lists, and takes the paragraph before as intro", () => {
    const doc = page("<p>Inbound to Hub:</p>", "<ul>", "<li>Port 443 - console<ul>", "<li>Port 8443 - API</li></ul></li>", "<li><p>Port 22</p><p>SSH</p></li>", "</ul>");
    const [list] = lists(doc.blocks);
    expect(list).toEqual({
      kind: "list",
      section: ["T"],
      line: 3,
      intro: "Inbound to Hub:",
      items: [
        { text: "Port 443 - console", items: ["Port 443 - console"], line: 4 },
        { text: "Port 8443 - API", items: ["Port 8443 - API"], line: 5 },
        { text: "Port 22 SSH", items: ["Port 22", "SSH"], line: 6 },
      ],
    });
  });

  test("a table inside a list item becomes a table block after the list", () => {
    const doc = page("<ol><li>Open:<table><tr><th>Port</th></tr><tr><td>25</td></tr></table></li></ol>");
    expect(doc.blocks.map((b) => b.kind)).toEqual(["list", "table"]);
    expect(lists(doc.blocks)[0]!.items.map((i) => i.text)).toEqual(["Open:"]);
  });

  test("CRLF line ends count once; <pre> code samples are no prose (as in Markdown)", () => {
    const doc = parseHtml("<html>\r\n<body>\r\n<p>Port 443\r\nis open.</p>\r\n<pre>port 8080</pre>\r\n<ul><li>a</li></ul>\r\n</body></html>");
    expect(doc.blocks.map((b) => [b.kind, b.line, blockStrings(b)[0]])).toEqual([
      ["prose", 3, "Port 443\nis open."],
      ["list", 6, ""],
    ]);
  });

  test("headings h1-h6 build the trail under the page title; dt/dd and blockquote are prose", () => {
    const doc = page("<h1>T</h1><h2>A</h2><h3>B</h3><dl><dt>Port</dt><dd>443</dd></dl>", "<h2>C</h2><blockquote>Quoted</blockquote>");
    expect(doc.blocks.map((b) => [b.section.join(" > "), blockStrings(b)[0]])).toEqual([
      ["T > A > B", "Port"],
      ["T > A > B", "443"],
      ["T > C", "Quoted"],
    ]);
  });
});

describe("title", () => {
  test.each([
    ["<title> alone", "<title>Agent Ports</title>", "<p>x</p>", "Agent Ports"],
    ["article h1 over a <title> with the site name", "<title>Agent Ports | Contoso Docs</title>", "<main><h1>Agent Ports</h1></main>", "Agent Ports"],
    ["article h1, not the logo h1 in the site header", "<title>Ports | Contoso Docs</title>", "<header><h1>Contoso Docs</h1></header><h1>Ports</h1>", "Ports"],
    ["h1 without <title>", "", "<h1>Hub &amp; Agent Ports</h1>", "Hub & Agent Ports"],
    ["nothing", "", "<p>x</p>", null],
  ])("%s", (_name, head, body, title) => {
    expect(parseHtml(`<html><head>${head}</head><body>${body}</body></html>`).title).toBe(title);
  });
});

describe("chrome", () => {
  const el = (name: string, attribs: Record<string, string> = {}) => ({ type: "tag", name, attribs, children: [], parent: null }) as DomElement;

  test.each([
    [el("nav"), false, true],
    [el("aside"), true, true],
    [el("aside", { class: "note" }), true, false],
    [el("header"), false, true],
    [el("header", { class: "article-header" }), true, false],
    [el("div", { role: "navigation" }), true, true],
    [el("div", { class: "MCBreadcrumbsBox_0" }), true, true],
    [el("section", { class: "article-sidebar" }), true, true],
    [el("div", { class: "toc-container" }), true, true],
    [el("p", { class: "skip-to-main" }), true, true],
    [el("div", { id: "main-header" }), false, true],
    [el("div", { class: "sidebar-layout" }), false, false],
    [el("div", { class: "page-grid layout-with-sidebar" }), false, false],
    [el("div", { class: "wiki-content" }), false, false],
    [el("span", { class: "menucascade" }), true, false],
  ])("%o in article %s → %s", (element, inArticle, chrome) => {
    expect(isChrome(element, inArticle)).toBe(chrome);
  });

  test("unmarked chrome text is dropped; chrome that holds a table is read, so the table is kept", () => {
    const doc = page(
      "<p><a href='#m'>Skip to main content</a></p>",
      "<div>You are here: Home &gt; Ports</div>",
      "<div>Filter: <span>All Files</span> Submit Search</div><div><a>Account</a> <a>Settings</a> <a>Logout</a></div>",
      "<ul><li>Account</li><li>Settings</li><li>Logout</li></ul>",
      "<aside><nav>Home</nav><table><tr><th>Port</th></tr><tr><td>9000</td></tr></table></aside>",
    );
    expect(doc.blocks.map((b) => b.kind)).toEqual(["table"]);
    expect(grid(tables(doc.blocks)[0]!)).toEqual([["9000"]]);
  });

  test("a <form> wrapping the whole page (ASP.NET) is not chrome", () => {
    const doc = page("<form id='aspnetForm'><h2>Ports</h2><p>Open 443.</p><input type='submit' value='Go'></form>");
    expect(proses(doc.blocks).map((p) => p.text)).toEqual(["Open 443."]);
  });
});

describe("parseHtmlFragment (raw HTML in Markdown)", () => {
  test("lines are offset to the page and the page's trail is kept", () => {
    const blocks = parseHtmlFragment("<table>\n  <tr><th>Port</th></tr>\n  <tr><td>9443</td></tr>\n</table>", 7, ["Gateway Ports"]);
    expect(blocks).toEqual([
      {
        kind: "table",
        section: ["Gateway Ports"],
        line: 7,
        header: [{ text: "Port", items: ["Port"], line: 8 }],
        rows: [{ line: 9, cells: [{ text: "9443", items: ["9443"], line: 9 }] }],
      },
    ]);
  });

  test("the Markdown parser hands its raw HTML tables over", () => {
    const text = readFileSync(join(FIXTURES, "markdown", "raw-html-table", "input.md"), "utf8");
    const [table] = tables(parseMarkdown(text, { parseHtmlFragment }).blocks);
    expect(texts(table!.header)).toEqual(["Port", "Protocol", "Source", "Target", "Purpose"]);
    expect(table!.rows.map((r) => [r.line, r.cells[0]!.items, r.cells[4]!.items])).toEqual([
      [8, ["9443"], ["Tunnel", "Keep-alive"]],
      [9, ["80 for http", "443 for https"], ["Admin UI"]],
    ]);
  });
});

describe("help-center table shapes", () => {
  test("a table whose header is its first column (<th> per row) is turned: one row per value column", () => {
    const doc = page("<table>", "<tr><th>Port</th><td>443</td></tr>", "<tr><th>Protocol</th><td>TCP</td></tr>", "<tr><th>Purpose</th><td><p>Console</p><p>API</p></td></tr>", "</table>");
    const [table] = tables(doc.blocks);
    expect(texts(table!.header)).toEqual(["Port", "Protocol", "Purpose"]);
    expect(grid(table!)).toEqual([["443", "TCP", "Console API"]]);
    expect(table!.rows[0]!.line).toBe(3);
    expect(table!.rows[0]!.cells[2]!.items).toEqual(["Console", "API"]);
  });

  test("a matrix with an empty corner: one row per column, its top cell first", () => {
    const doc = page(
      "<table>",
      "<tr><th></th><th>Primary</th><th>Standby</th></tr>",
      "<tr><th>Port</th><td>6100</td><td>6101</td></tr>",
      "<tr><th>Protocol</th><td>TCP</td><td>UDP</td></tr>",
      "</table>",
    );
    const [table] = tables(doc.blocks);
    expect(texts(table!.header)).toEqual(["", "Port", "Protocol"]);
    expect(grid(table!)).toEqual([
      ["Primary", "6100", "TCP"],
      ["Standby", "6101", "UDP"],
    ]);
  });

  test("bold field names in the first of two columns, no <th>: turned; a column of numbers is not a field column", () => {
    const keyed = page("<table>", "<tr><td><strong>Port</strong></td><td>9101</td></tr>", "<tr><td><b>Protocol:</b></td><td>TCP</td></tr>", "</table>");
    expect(texts(tables(keyed.blocks)[0]!.header)).toEqual(["Port", "Protocol:"]);
    expect(grid(tables(keyed.blocks)[0]!)).toEqual([["9101", "TCP"]]);
    const plain = page("<table>", "<tr><td><strong>Port</strong></td><td><strong>Use</strong></td></tr>", "<tr><td>22</td><td>SSH</td></tr>", "</table>");
    expect(texts(tables(plain.blocks)[0]!.header)).toEqual(["Port", "Use"]);
    const unbolded = page("<table>", "<tr><td>Port</td><td>9101</td></tr>", "<tr><td>Protocol</td><td>TCP</td></tr>", "</table>");
    expect(texts(tables(unbolded.blocks)[0]!.header)).toEqual(["Port", "9101"]);
  });

  test("rows of header cells with a header row above are not turned (row headers of a normal table)", () => {
    const doc = page("<table><thead><tr><th>Port</th><th>Protocol</th></tr></thead>", "<tbody><tr><th scope='row'>443</th><td>TCP</td></tr>", "<tr><th scope='row'>22</th><td>TCP</td></tr></tbody></table>");
    expect(texts(tables(doc.blocks)[0]!.header)).toEqual(["Port", "Protocol"]);
    expect(grid(tables(doc.blocks)[0]!)).toEqual([["443", "TCP"], ["22", "TCP"]]);
  });

  test("a title row across the table reads as a caption over the header (in <tbody> or in <thead>)", () => {
    const inBody = page(
      "<table><tbody>",
      "<tr><td colspan='3'><strong>Server rules</strong></td></tr>",
      "<tr><td><strong>Port</strong></td><td><strong>Protocol</strong></td><td><strong>Notes</strong></td></tr>",
      "<tr><td>9101</td><td>TCP</td><td>Upload</td></tr>",
      "</tbody></table>",
    );
    expect(inBody.blocks.map((b) => [b.kind, b.line])).toEqual([["prose", 3], ["table", 2]]);
    expect(proses(inBody.blocks)[0]!.text).toBe("Server rules");
    expect(texts(tables(inBody.blocks)[0]!.header)).toEqual(["Port", "Protocol", "Notes"]);
    expect(grid(tables(inBody.blocks)[0]!)).toEqual([["9101", "TCP", "Upload"]]);
    const inHead = page("<table><thead>", "<tr><th colspan='2'>Proofing</th></tr>", "<tr><th>Port</th><th>Protocol</th></tr>", "</thead><tbody><tr><td>7080</td><td>TCP</td></tr></tbody></table>");
    expect(texts(tables(inHead.blocks)[0]!.header)).toEqual(["Port", "Protocol"]);
    // a spanning row among the data rows stays a row (a label row, read by extract)
    const label = page("<table><tr><th>Port</th><th>Protocol</th></tr>", "<tr><td colspan='2'>Inbound</td></tr>", "<tr><td>443</td><td>TCP</td></tr></table>");
    expect(grid(tables(label.blocks)[0]!)).toEqual([["Inbound", "Inbound"], ["443", "TCP"]]);
  });

  test("a code listing laid out as a table (line numbers | code) is skipped like <pre>", () => {
    const doc = page(
      "<p>Run:</p>",
      "<table class='highlighttable'><tr><td class='linenos'><div><pre>1\n2</pre></div></td><td class='code'><div><pre><code>probe --port 1812\nprobe --port 443</code></pre></div></td></tr></table>",
      "<ul><li>Port 22 - SSH</li></ul>",
    );
    expect(doc.blocks.map((b) => b.kind)).toEqual(["prose", "list"]);
    expect(lists(doc.blocks)[0]!.intro).toBeNull(); // the paragraph introduced the code, not the list
  });

  test("ARIA tables (role=table, row, columnheader, cell) read as tables", () => {
    const doc = page(
      "<div role='table'><div role='rowgroup'><div role='row'><span role='columnheader'>Port</span><span role='columnheader'>Protocol</span></div></div>",
      "<div role='rowgroup'><div role='row'><span role='cell'>8210</span><span role='cell'>TCP</span></div>",
      "<div role='row'><span role='cell'>8211-8215</span><span role='cell'>TCP</span></div></div></div>",
    );
    const [table, ...rest] = doc.blocks;
    expect(rest).toEqual([]);
    expect(table!.kind).toBe("table");
    expect(texts((table as TableBlock).header)).toEqual(["Port", "Protocol"]);
    expect(grid(table as TableBlock)).toEqual([["8210", "TCP"], ["8211-8215", "TCP"]]);
    expect((table as TableBlock).rows.map((r) => r.line)).toEqual([3, 4]);
  });
});

describe("preformatted text and ARIA headings", () => {
  test("a plain-text table pasted in <pre> is a table; other code is skipped", () => {
    const doc = page(
      "<pre>PORT   PROTO  SERVICE",
      "-----  -----  -------",
      "8515   TCP    Spooler</pre>",
      "<pre>PS&gt; Get-NetFirewallRule | Format-Table -Property Name, Enabled\nfirewall-cmd --add-port=8443/tcp</pre>",
    );
    expect(doc.blocks.map((b) => b.kind)).toEqual(["table"]);
    const [table] = tables(doc.blocks);
    expect([table!.line, texts(table!.header), table!.rows.map((r) => [r.line, ...texts(r.cells)])]).toEqual([2, ["PORT", "PROTO", "SERVICE"], [[4, "8515", "TCP", "Spooler"]]]);
  });

  test("role=heading with aria-level moves the trail like h1-h6", () => {
    const doc = page("<div role='heading' aria-level='2'>Inbound</div><p>Open 443.</p><div role='heading' aria-level='3'>Agents</div><p>Open 7443.</p>");
    expect(trails(doc.blocks)).toEqual(["T > Inbound", "T > Inbound > Agents"]);
  });
});

describe("definition lists and <br> lines", () => {
  test("field terms make key/value blocks, a new block where a field repeats", () => {
    const doc = page("<dl>", "<dt>Port:</dt><dd>8201</dd>", "<dt>Protocol</dt><dd><p>TCP</p></dd>", "<dt>Port</dt><dd>8202</dd>", "<dt>Protocol</dt><dd>UDP</dd>", "</dl>");
    expect(doc.blocks).toEqual([
      { kind: "keyValue", section: ["T"], line: 3, entries: [{ key: "Port", value: "8201", line: 3 }, { key: "Protocol", value: "TCP", line: 4 }] },
      { kind: "keyValue", section: ["T"], line: 5, entries: [{ key: "Port", value: "8202", line: 5 }, { key: "Protocol", value: "UDP", line: 6 }] },
    ]);
  });

  test("port terms make a list of 'term – definition' items, introduced by the paragraph before", () => {
    const doc = page("<p>Outbound from Vault node:</p>", "<dl><dt>TCP 9273</dt><dd>Metrics exporter</dd>", "<div><dt>UDP 514</dt><dd>Audit events</dd></div></dl>");
    expect(lists(doc.blocks)).toEqual([
      {
        kind: "list",
        section: ["T"],
        line: 3,
        intro: "Outbound from Vault node:",
        items: [
          { text: "TCP 9273 \u2013 Metrics exporter", items: ["TCP 9273 \u2013 Metrics exporter"], line: 3 },
          { text: "UDP 514 \u2013 Audit events", items: ["UDP 514 \u2013 Audit events"], line: 4 },
        ],
      },
    ]);
  });

  test("'Key: value' pieces between <br> are a key/value block; an intro and bullet pieces a list; other prose stays prose", () => {
    const kv = page("<p><b>Port:</b> 443<br>", "<b>Protocol:</b> TCP<br><b>Direction:</b> Inbound to Hub</p>");
    expect(kv.blocks).toEqual([
      {
        kind: "keyValue",
        section: ["T"],
        line: 2,
        entries: [
          { key: "Port", value: "443", line: 2 },
          { key: "Protocol", value: "TCP", line: 3 },
          { key: "Direction", value: "Inbound to Hub", line: 3 },
        ],
      },
    ]);
    const list = page("<p>Inbound to Hub:<br>- Port 443 (HTTPS) - console<br>", "- Port 22 (SSH) - scans</p>");
    expect(lists(list.blocks).map((l) => [l.intro, l.items.map((i) => [i.line, i.text])])).toEqual([
      ["Inbound to Hub:", [[2, "Port 443 (HTTPS) - console"], [3, "Port 22 (SSH) - scans"]]],
    ]);
    const prose = page("<p>Open the port.<br>Then restart the agent.</p>");
    expect(prose.blocks).toEqual([{ kind: "prose", section: ["T"], line: 2, text: "Open the port. Then restart the agent." }]);
    // bare numbers under an intro stay one sentence, so "Ports" still anchors them
    const bare = page("<p>Ports:<br>- 443<br>- 8443</p>");
    expect(bare.blocks).toEqual([{ kind: "prose", section: ["T"], line: 2, text: "Ports: - 443 - 8443" }]);
  });

  test("one-line 'Key: value' paragraphs in a row are one key/value block; NOTE paragraphs are not keys", () => {
    const doc = page("<p><strong>Port:</strong> 9100</p>", "<p><strong>Protocol:</strong> TCP</p>", "<p>Note: restart after a change.</p>");
    expect(doc.blocks.map((b) => [b.kind, b.line])).toEqual([["keyValue", 2], ["prose", 4]]);
    expect((doc.blocks[0] as { entries: unknown[] }).entries).toEqual([{ key: "Port", value: "9100", line: 2 }, { key: "Protocol", value: "TCP", line: 3 }]);
  });
});

describe("headings, footnotes and titles of static-site generators", () => {
  test("permalink anchors (¶, an empty hash link) are no text; a footnote reference is", () => {
    const doc = page(
      "<h2 id='a'>Inbound<a class='headerlink' href='#a' title='Permanent link'>&para;</a></h2>",
      "<h3 id='b'>Outbound<a href='#b' class='hash-link' aria-label='Direct link'>&#8203;</a></h3>",
      "<table><tr><th>Port</th></tr><tr><td>80<sup><a href='#n1'>*</a></sup></td></tr></table>",
    );
    expect(tables(doc.blocks)[0]!.section).toEqual(["T", "Inbound", "Outbound"]);
    expect(grid(tables(doc.blocks)[0]!)).toEqual([["80*"]]);
  });

  test("a heading inside a note or alert box names the box, not a section", () => {
    const doc = page("<h2>Vault</h2>", "<div class='alert alert-warning' role='alert'><h4 class='alert-heading'>Warning</h4><p>Keep 9300 private.</p></div>", "<p>After the box.</p>");
    expect(doc.blocks.map((b) => [b.section.join(" > "), blockStrings(b)[0]])).toEqual([
      ["T > Vault", "Warning"],
      ["T > Vault", "Keep 9300 private."],
      ["T > Vault", "After the box."],
    ]);
  });

  test("end-of-page footnotes a table refers to are read right after the table, once", () => {
    const doc = page(
      "<h2>Ports</h2><table><tr><th>Port</th><th>Purpose</th></tr><tr><td>162</td><td>Traps<sup><a href='#fn-1' id='ref-1'>1</a></sup></td></tr></table>",
      "<p>More text.</p>",
      "<section class='footnotes' data-footnotes><h2>Footnotes</h2><ol>",
      "<li id='fn-1'><p>Only when devices send traps. <a href='#ref-1' class='data-footnote-backref'>\u21a9</a></p></li>",
      "</ol></section>",
    );
    expect(doc.blocks.map((b) => [b.kind, b.line, b.section.join(" > "), blockStrings(b)[0]])).toEqual([
      ["table", 2, "T > Ports", "Port"],
      ["prose", 5, "T > Ports", "\u00b9 Only when devices send traps."],
      ["prose", 3, "T > Ports", "More text."],
    ]);
  });

  test("Word's footnotes (<a name=\"_ftn1\"> inside the footnote text) are read after the table too", () => {
    const doc = page(
      "<table><tr><td><b>Port</b></td><td><b>Purpose</b></td></tr>",
      "<tr><td>636</td><td>LDAPS<a href='#_ftn1' name='_ftnref1'><span class=MsoFootnoteReference>[1]</span></a></td></tr></table>",
      "<div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText><a href='#_ftnref1' name='_ftn1'>[1]</a> Only when directory sync is on.</p></div>",
    );
    expect(doc.blocks.map((b) => [b.kind, b.line, blockStrings(b)[0]])).toEqual([
      ["table", 2, "Port"],
      ["prose", 4, "[1] Only when directory sync is on."],
    ]);
  });

  test("a link to an ordinary element is no footnote", () => {
    const doc = page("<table><tr><th>Port</th></tr><tr><td><a href='#setup'>443</a></td></tr></table>", "<h2 id='setup'>Setup</h2><p>Text.</p>");
    expect(doc.blocks.map((b) => [b.kind, b.section.join(" > ")])).toEqual([
      ["table", "T"],
      ["prose", "T > Setup"],
    ]);
  });

  test.each([
    ["Confluence export: 'Space : Page'", "<title>Ingest : Firewall Reference</title>", "<h1 id='title-heading'><span id='title-text'>Ingest : Firewall Reference</span></h1><div id='main-content'><p>x</p></div>", "Firewall Reference"],
    ["an h1 that the <title> holds, outside the article container", "<title>KB0031 - Print Ports - Support</title>", "<div class='kb-title'><h1>Print Ports</h1></div><article><p>x</p></article>", "Print Ports"],
    ["an h1 outside the article when the <title> is generic", "<title>Knowledge Article - Community</title>", "<div class='headline'><h1>Sync Agent Ports</h1></div><article><p>x</p></article>", "Sync Agent Ports"],
    ["a logo h1 in the site header is never the title", "<title>Support Portal</title>", "<header><h1>Support Portal Home</h1></header><article><p>x</p></article>", "Support Portal"],
    ["'A : B' outside a Confluence export is kept", "<title>Ports : vue d'ensemble</title>", "<main><h1>Ports : vue d'ensemble</h1></main>", "Ports : vue d'ensemble"],
  ])("title: %s", (_name, head, body, title) => {
    expect(parseHtml(`<html><head>${head}</head><body>${body}</body></html>`).title).toBe(title);
  });
});

describe("help-center chrome", () => {
  const el = (name: string, attribs: Record<string, string> = {}) => ({ type: "tag", name, attribs, children: [], parent: null }) as DomElement;

  test.each([
    [el("div", { class: "article-meta" }), true],
    [el("section", { class: "related-articles" }), true],
    [el("div", { class: "article-votes" }), true],
    [el("div", { class: "td-page-meta__lastmod" }), true],
    [el("div", { class: "page-metadata-container" }), true],
    [el("div", { class: "cookie-consent-banner" }), true],
    [el("div", { id: "onetrust-banner-sdk" }), true],
    [el("h2", { class: "feedback--title" }), true],
    [el("div", { class: "article-body" }), false],
    [el("div", { class: "article-content" }), false],
    [el("section", { class: "article-info" }), false],
    [el("div", { class: "md-content" }), false],
  ])("%o → %s", (element, chrome) => {
    expect(isChrome(element, true)).toBe(chrome);
  });

  test("an in-page table of contents (every item only a link to an anchor) is no list; a list with words is", () => {
    const doc = page(
      "<ul class='table-of-contents'><li><a href='#a'>Inbound (TCP 443)</a></li><li><a href='#b'>Outbound</a><ul><li><a href='#c'>Port 8443</a></li></ul></li></ul>",
      "<ul><li><a href='#a'>Port 443</a> - console</li><li><a href='#b'>Port 22</a> - SSH</li></ul>",
    );
    expect(lists(doc.blocks).map((l) => l.items.map((i) => i.text))).toEqual([["Port 443 - console", "Port 22 - SSH"]]);
  });

  test("links to other pages under a 'Related articles' heading are no list; the same links elsewhere are", () => {
    const related = page("<h3>Related articles</h3><ul><li><a href='/kb/1'>Moving to port 8444</a></li></ul>");
    expect(related.blocks).toEqual([]);
    const content = page("<h3>Downloads</h3><ul><li><a href='/kb/1'>Agent for port 8444</a></li></ul>");
    expect(lists(content.blocks)).toHaveLength(1);
  });

  test("page actions and dates printed as paragraphs are dropped; a sentence that starts alike is kept", () => {
    const doc = page(
      "<p>Edit this page</p><p>Last updated on Apr 2, 2031 by Dana</p><p>Updated March 3, 2031</p><p>Was this article helpful?</p>",
      "<p>12 out of 14 found this helpful</p><p>Return to top</p>",
      "<p>Updated agents use port 8443.</p>",
    );
    expect(proses(doc.blocks).map((p) => p.text)).toEqual(["Updated agents use port 8443."]);
  });
});

describe("bold paragraphs as headings", () => {
  test("a title-case line right above a table (or above its intro and the table) heads it, as in Markdown", () => {
    const doc = page(
      "<p>Dell Arrays Additional Firewall Rules</p><div class='table-wrap'><table><tr><th>Port</th></tr><tr><td>443</td></tr></table></div>",
      "<p>Storage Node Rules</p><p>Open these on each node:</p><table><tr><th>Port</th></tr><tr><td>3260</td></tr></table>",
    );
    expect(doc.blocks.map((b) => [b.kind, b.section.join(" > ")])).toEqual([
      ["table", "T > Dell Arrays Additional Firewall Rules"],
      ["prose", "T > Storage Node Rules"],
      ["table", "T > Storage Node Rules"],
    ]);
  });

  test("a short paragraph wholly in bold heads what follows, below any h1-h6; the next one replaces it", () => {
    const doc = page(
      "<h2>Resolution</h2>",
      "<p><strong>Inbound ports</strong></p><table><tr><th>Port</th></tr><tr><td>443</td></tr></table>",
      "<p><b>Outbound&nbsp;ports</b></p><p>Open 8443.</p>",
      "<h2>Cause</h2><p>Text.</p>",
    );
    expect(doc.blocks.map((b) => [b.kind, b.section.join(" > ")])).toEqual([
      ["table", "T > Resolution > Inbound ports"],
      ["prose", "T > Resolution > Outbound ports"],
      ["prose", "T > Cause"],
    ]);
  });

  test.each([
    ["a bold line ending with ':' (an intro)", "<p><strong>Inbound to Hub:</strong></p><ul><li>Port 443 - console</li></ul>"],
    ["a bold 'Note'", "<p><b>Note</b></p><p>Restart after a change.</p>"],
    ["a bold sentence", "<p><strong>Restart the agent after you change a port.</strong></p>"],
    ["a paragraph partly in bold", "<p><b>Port:</b> 443</p>"],
    ["a long bold paragraph", `<p><b>${"Agents and collectors ".repeat(5)}</b></p><p>Text.</p>`],
    ["a plain title line with no table after it", "<p>Dell Arrays Firewall Rules</p><p>Open 443.</p>"],
    ["a plain sentence-case line above a table", "<p>the ports below</p><table><tr><th>Port</th></tr><tr><td>443</td></tr></table>"],
  ])("not a heading: %s", (_name, body) => {
    expect(page(body).blocks.every((b) => b.section.join(" > ") === "T")).toBe(true);
  });
});

describe("cells wrapped by hand with <br>", () => {
  const cell = (td: string) => tables(page("<table><tr><th>Port</th></tr>", `<tr>${td}</tr></table>`).blocks)[0]!.rows[0]!.cells[0]!.items;

  test.each([
    ["a word hyphenated before a lower-case part", "<td>(in-<br/>bound)</td>", ["(inbound)"]],
    ["a whole word hyphenated before a capital", "<td>Secure-<br/>Transport</td>", ["SecureTransport"]],
    ["hand hyphenation wraps the whole run", "<td>Quill-<br/>\nGate<br/>\nEdge (load balancer)</td>", ["QuillGate Edge (load balancer)"]],
    ["a compound keeps its hyphen", "<td>(server-to-<br/>server)</td>", ["(server-to-server)"]],
    ["a hyphen inside a phrase before a capital stays", "<td>Windows Server-<br/>Based hosts</td>", ["Windows Server-Based hosts"]],
    ["a phrase goes on in lower case", "<td>Partner web access<br/>(secure)</td>", ["Partner web access (secure)"]],
    ["a nested parenthesis", "<td>Trusted<br/>(secure<br/>network)</td>", ["Trusted (secure network)"]],
    ["a sentence goes on", "<td>Console access, used<br/>only by admins</td>", ["Console access, used only by admins"]],
    ["a capital opens a new item", "<td>LDAP<br/>Common queries</td>", ["LDAP", "Common queries"]],
    ["a finished sentence ends the item", "<td>Open the port.<br/>then restart</td>", ["Open the port.", "then restart"]],
    ["two bare words are a list", "<td>tcp<br/>udp</td>", ["tcp", "udp"]],
    ["host names are not words", "<td>edge.alpha.example (TCP 443)<br/> portal.alpha.example (TCP 443)</td>", ["edge.alpha.example (TCP 443)", "portal.alpha.example (TCP 443)"]],
    ["a blank line between is a new item", "<td>Agent access<br/><br/>used by the hub</td>", ["Agent access", "used by the hub"]],
    ["a paragraph is a new item", "<td><p>Agent access</p><p>used by the hub</p></td>", ["Agent access", "used by the hub"]],
  ])("%s", (_name, td, items) => {
    expect(cell(td)).toEqual(items);
  });
});

describe("Markdown emphasis inside HTML cells", () => {
  const cell = (td: string) => tables(page("<table><tr><th>Port</th></tr>", `<tr>${td}</tr></table>`).blocks)[0]!.rows[0]!.cells[0]!.text;

  test.each([
    ["underscores around a word", "<td>4449 (_only_ required for UI development)</td>", "4449 (only required for UI development)"],
    ["double underscores and double stars", "<td>__Required__ for **all** agents</td>", "Required for all agents"],
    ["snake_case names", "<td>agent_port_range</td>", "agent_port_range"],
    ["an SRV record", "<td>_ldap._tcp.dc.example</td>", "_ldap._tcp.dc.example"],
    ["a wildcard host and a footnote star", "<td>*.relay.example, 9877*</td>", "*.relay.example, 9877*"],
  ])("%s", (_name, td, text) => {
    expect(cell(td)).toBe(text);
  });

  test("the fixture's port cell reads without its underscores", () => {
    const [table] = tables(fixture("hand-wrapped-table-cells").blocks);
    expect(grid(table!)).toEqual([
      ["Internet", "QuillGate Edge (load balancer)", "HTTPS", "443", "Partner web access (secure)"],
      ["Trusted (secure network)", "QuillGate Server", "HTTPS", "444", "Administration console, used only from the admin network"],
      ["Developer machine", "Quill build server", "TCP", "4449 (only required for UI development)", "UI development"],
      ["Quill directory connector", "Directory server", "TCP", "389", "LDAP Common queries"],
    ]);
    expect(table!.rows[3]!.cells[4]!.items).toEqual(["LDAP", "Common queries"]);
  });
});

describe("page-index labels and captions are no sections", () => {
  test("an 'In this article' heading heads nothing: the paragraph after it stays under the page title", () => {
    const doc = fixture("toc-label-and-caption-paragraph");
    expect(trails(doc.blocks)).toEqual(["Wren Console Security", "Wren Console Security > Certificates", "Wren Console Security > Firewall Rules"]);
    expect(proses(doc.blocks).map((p) => p.text)).not.toContain("In this article");
  });

  test("a caption paragraph over a table is prose under the section, as a <caption> is", () => {
    const doc = fixture("toc-label-and-caption-paragraph");
    expect(tables(doc.blocks).map((t) => t.section.at(-1))).toEqual(["Firewall Rules", "Firewall Rules"]);
    expect(proses(doc.blocks).map((p) => p.text)).toEqual(
      expect.arrayContaining(["Table. Firewall Rules", "Table 2: Monitoring Rules"]),
    );
  });

  test.each([["<h2>On this page</h2>"], ["<h3>In this topic</h3>"], ["<div role='heading' aria-level='2'>In this article</div>"]])("%s is no section", (heading) => {
    const doc = page(heading, "<p>Open port 443.</p>");
    expect(doc.blocks).toEqual([{ kind: "prose", section: ["T"], line: 3, text: "Open port 443." }]);
  });
});
