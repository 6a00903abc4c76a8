// Whole help-center pages from many generators: every port the article names reaches a flow or a
// mention, and no port that only the site chrome names (navigation, table of contents, pagination,
// related articles, footers, cookie banners, code samples) does. Each fixture puts distinct port
// numbers in its chrome so a leak shows.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { extractPaths } from "../src/index.js";
import { parseHtml } from "../src/parse/html/index.js";
import { decodeBytes } from "../src/read/decode.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "html");
const range = (p: { from: number; to: number }) => (p.from === p.to ? `${p.from}` : `${p.from}-${p.to}`);

async function portsOf(name: string): Promise<{ flows: Set<string>; mentions: Set<string>; title: string | null }> {
  const doc = await extractPaths([join(FIXTURES, name, "input.html")]);
  return {
    flows: new Set(doc.flows.flatMap((f) => f.ports.map(range))),
    mentions: new Set(doc.mentions.flatMap((m) => m.ports.map(range))),
    title: doc.documents[0]!.title,
  };
}

describe.each<{ name: string; title: string; flows: string[]; mentions: string[]; chrome: string[] }>([
  {
    name: "docusaurus-docs-page",
    title: "Firewall ports",
    flows: ["7443", "161", "162"],
    mentions: ["8443"],
    chrome: ["9443", "9090", "3128", "8448", "443", "6514"], // announcement, navbar, sidebar, footer, cookie banner, code
  },
  {
    name: "mkdocs-material-page",
    title: "Proxy ports",
    flows: ["3128", "8443", "80", "443", "1812"],
    mentions: ["8443", "8080"],
    chrome: ["1813", "2222"], // footer navigation, copyright
  },
  {
    name: "docsy-hugo-page",
    title: "Network ports",
    flows: ["9200", "9300-9305"],
    mentions: ["9300-9305", "5514"],
    chrome: ["5044", "6514", "6697", "9300"], // navbar, sidebar, footer, last-modified commit line
  },
  {
    name: "sphinx-rtd-page",
    title: "Firewall requirements",
    flows: ["4505", "4506", "8000"],
    mentions: [],
    chrome: ["4505-4506", "4510", "8001"], // toctree entry, footer, code sample
  },
  {
    name: "zendesk-copenhagen-paragraph-cells",
    title: "Ports required by Proseware Capture",
    flows: ["9101", "443", "1433"],
    mentions: [],
    chrome: ["9102", "8444", "30125", "81"], // sidebar, related articles, ticket number, attachment size
  },
  {
    name: "confluence-header-column-tables",
    title: "Firewall Reference",
    flows: ["6000", "6100", "6101", "6200", "6201"],
    mentions: [],
    chrome: ["5000-5010", "6999"], // breadcrumb, code macro
  },
  {
    name: "servicenow-kb-article",
    title: "Firewall ports for the Litware Print Bridge",
    flows: ["515", "9100", "631", "8515", "8516"], // the last two from a plain-text table pasted in <pre>
    mentions: ["9100", "631"],
    chrome: ["5515", "4455", "2022"], // related articles, footer, "Windows Server 2022"
  },
  {
    name: "salesforce-knowledge-article",
    title: "Ports used by the Trey Research Sync Agent",
    flows: ["443", "8530-8531"],
    mentions: ["4011"],
    chrome: ["8532"], // related articles
  },
  {
    name: "learn-style-main-data-attributes",
    title: "Configure firewall ports for Vanarsdel Update Relay",
    flows: ["8530", "8531", "443", "49152-65535"],
    mentions: ["8530"],
    chrome: ["8081", "9000", "8530-8531", "30"], // left navigation, additional resources, in-page outline, "30 days"
  },
  {
    name: "definition-lists-and-aria-table",
    title: "Alpine Vault network requirements",
    flows: ["8200", "8201", "8202", "9273", "514", "8210", "8211-8215"],
    mentions: [],
    chrome: ["8300"], // related
  },
  {
    name: "madcap-dropdowns-title-row-caption",
    title: "Press Server Ports",
    flows: ["7080", "7081"],
    mentions: ["22"],
    chrome: ["7070", "555", "142"], // side navigation, help desk phone number
  },
  {
    name: "word-export-unicode-meta",
    title: "Margie\u2019s Travel Booking Engine \u2013 Firewall Ports",
    flows: ["11211", "8443"],
    mentions: ["11212"],
    chrome: [],
  },
])("$name", ({ name, title, flows, mentions, chrome }) => {
  test("the article's ports all reach a flow or a mention", async () => {
    const got = await portsOf(name);
    expect(got.title).toBe(title);
    expect(flows.filter((p) => !got.flows.has(p))).toEqual([]);
    expect(mentions.filter((p) => !got.mentions.has(p))).toEqual([]);
  });

  test("no port that only the chrome names", async () => {
    const got = await portsOf(name);
    expect(chrome.filter((p) => got.flows.has(p) || got.mentions.has(p))).toEqual([]);
  });
});

describe("a page saved as UTF-16 with a BOM (Word's \"Unicode\" web page)", () => {
  const utf8 = readFileSync(join(FIXTURES, "word-export-unicode-meta", "input.html"));
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8.toString("utf8"), "utf16le")]);

  test("decodes to the same text as the UTF-8 copy and parses to the same blocks", () => {
    const decoded = decodeBytes(new Uint8Array(utf16));
    expect(decoded.encoding).toBe("utf-16le");
    const reference = decodeBytes(new Uint8Array(utf8));
    expect(reference.encoding).toBe("utf-8"); // <meta charset=unicode> in UTF-8 bytes is read as UTF-8
    expect(decoded.text).toBe(reference.text);
    const doc = parseHtml(decoded.text);
    expect(doc.blocks.filter((b) => b.kind === "table").map((b) => b.kind === "table" && b.rows.map((r) => r.cells[0]!.text))).toEqual([["11211", "8443"]]);
  });
});
