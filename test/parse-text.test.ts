// The plain-text (KB article) parser: the block shape it gives for whole fixture articles, and the
// line rules (headings, key/values, lists, prose) one shape at a time.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { Block, KeyValueBlock, ListBlock, ProseBlock } from "../src/parse/blocks.js";
import { parseText } from "../src/parse/text/index.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "text");
const fixture = (name: string) => parseText(readFileSync(join(FIXTURES, name, "input.txt"), "utf8"));

const keyValues = (blocks: Block[]) => blocks.filter((b): b is KeyValueBlock => b.kind === "keyValue");
const lists = (blocks: Block[]) => blocks.filter((b): b is ListBlock => b.kind === "list");
const proses = (blocks: Block[]) => blocks.filter((b): b is ProseBlock => b.kind === "prose");
/** every section trail in order of appearance, without repeats */
const trails = (blocks: Block[]) => [...new Set(blocks.map((b) => b.section.join(" > ")))];
/** each line of each paragraph with its 1-based line, as a mention finder would compute it */
const proseLines = (blocks: Block[]) =>
  proses(blocks).flatMap((p) => p.text.split("\n").map((text, i) => [p.line + i, text] as const));

describe("KB article with key/value blocks under headings and a firewall summary", () => {
  const doc = fixture("kb-key-value-blocks-with-summary");
  const T = "Which Firewall Ports Does Contoso Sentinel Use";

  test("title is the first line, format text", () => {
    expect(doc.format).toBe("text");
    expect(doc.title).toBe(T);
    expect(doc.meta).toEqual({});
  });

  test("headings give a flat trail [title, heading]; prose and key lines are never headings", () => {
    expect(trails(doc.blocks)).toEqual([
      `${T} > Overview`,
      `${T} > Sentinel Web Console`,
      `${T} > Sentinel Collectors (Windows & macOS)`,
      `${T} > Remote Scanning - Unix Hosts`,
      `${T} > Remote Scanning - Windows Hosts`,
      `${T} > Console Port Servers`,
      `${T} > Firewall Configuration Summary`,
    ]);
  });

  test("each run of '- Key: value' lines is one key/value block, every entry with its line", () => {
    const blocks = keyValues(doc.blocks);
    expect(blocks.map((b) => [b.line, b.section[1]])).toEqual([
      [8, "Sentinel Web Console"],
      [13, "Sentinel Collectors (Windows & macOS)"],
      [18, "Remote Scanning - Unix Hosts"],
      [22, "Remote Scanning - Windows Hosts"],
      [28, "Console Port Servers"],
    ]);
    expect(blocks[0]!.entries).toEqual([
      { key: "Port", value: "443 (HTTPS) or Custom", line: 8 },
      { key: "Direction", value: "Inbound to Sentinel Vault server", line: 9 },
      { key: "Protocol", value: "HTTPS", line: 10 },
    ]);
    expect(blocks[1]!.entries.map((e) => e.value)).toEqual(["443 (HTTPS) or Custom", "Outbound from collector to Sentinel Vault", "HTTPS"]);
    expect(blocks[2]!.entries.map((e) => [e.key, e.value])).toEqual([
      ["Port", "22 (SSH)"],
      ["Direction", "Outbound from Sentinel Scanner to scanned Unix hosts"],
      ["Protocol", "TCP/SSH"],
    ]);
    expect(blocks[3]!.entries.map((e) => e.value)).toContain("SMB");
    expect(blocks[4]!.entries.map((e) => [e.line, e.value])).toEqual([
      [28, "23"],
      [29, "Outbound from Sentinel Scanner to console port servers"],
      [30, "TCP/Telnet"],
    ]);
  });

  test("summary lists take the ':' line before them as intro; 'Port 443 (HTTPS) - for …' stays an item", () => {
    const summary = lists(doc.blocks);
    expect(summary.map((l) => [l.line, l.intro, l.section[1]])).toEqual([
      [35, "Inbound to Sentinel Vault:", "Firewall Configuration Summary"],
      [37, "Outbound from Sentinel Scanner:", "Firewall Configuration Summary"],
      [42, "Outbound from Collectors:", "Firewall Configuration Summary"],
    ]);
    expect(summary[1]!.items).toEqual([
      { text: "Port 22 (SSH) - for remote Unix scanning", items: ["Port 22 (SSH) - for remote Unix scanning"], line: 37 },
      { text: "Port 23 (Telnet) - for console port servers (legacy)", items: ["Port 23 (Telnet) - for console port servers (legacy)"], line: 38 },
      { text: "Port 445 (SMB) - for remote Windows scanning", items: ["Port 445 (SMB) - for remote Windows scanning"], line: 39 },
      { text: "Port 514 (Syslog) - to forward scan alerts to your SIEM", items: ["Port 514 (Syslog) - to forward scan alerts to your SIEM"], line: 40 },
    ]);
    // an intro is not repeated as prose
    expect(proseLines(doc.blocks).map(([, t]) => t)).not.toContain("Inbound to Sentinel Vault:");
  });

  test("prose keeps its lines: NOTE/Important lines and the custom-port sentence", () => {
    expect(proseLines(doc.blocks)).toEqual([
      [3, "This article lists the network ports that Contoso Sentinel needs. Share it with the team that manages your firewall rules."],
      [4, "Note: The port numbers below are the defaults for Sentinel 5.2 and later."],
      [5, "Collectors can be set to reach the Vault on custom ports (e.g. HTTPS, port 8443) in collector.ini, but the defaults below are what most sites use."],
      [11, "Administrators open the web console over HTTPS on port 443. The binding can be changed in the Vault settings."],
      [16, "Collectors always open the connection; the Vault never calls a collector."],
      [25, "Important: The scanner account needs read access to the administrative shares."],
      [31, "Telnet sends credentials in clear text; use it only on an isolated management network."],
      [33, "Make sure these rules exist before you install Sentinel:"],
    ]);
  });
});

describe("KB article with blank-line paragraphs, hard wraps and numbered steps", () => {
  const doc = fixture("kb-blank-line-paragraphs");
  const T = "Opening Ports for Northwind Relay Gateways";

  test("one-line paragraphs are headings; wrapped sentence heads are not", () => {
    expect(doc.title).toBe(T);
    expect(trails(doc.blocks)).toEqual([`${T} > Summary`, `${T} > Required Ports`, `${T} > Opening the Ports`]);
  });

  test("paragraphs keep their line breaks and start lines; a NOTE line is its own paragraph", () => {
    expect(proses(doc.blocks).map((p) => [p.line, p.text])).toEqual([
      [5, "Northwind Relay gateways forward print jobs from branch offices to the\ncentral spooler. This article explains which ports a gateway needs\nand how to open them on a Windows server."],
      [9, "NOTE: Restart the gateway service after you change any port."],
      [13, "The gateway listens on TCP port 9100 for print jobs and on TCP port\n8631 for its status page. Replies to branch printers use the dynamic\nrange (49152 - 65535)."],
      [31, "Relay 3.2 and later also accept jobs over IPP on port 631 when the\nIPP listener is turned on."],
    ]);
  });

  test("unmarked 'Key: value' lines in a run are one key/value block", () => {
    expect(keyValues(doc.blocks)).toEqual([
      {
        kind: "keyValue",
        section: [T, "Required Ports"],
        line: 17,
        entries: [
          { key: "Port", value: "9100", line: 17 },
          { key: "Protocol", value: "TCP", line: 18 },
          { key: "Direction", value: "Inbound to Relay gateway", line: 19 },
        ],
      },
    ]);
  });

  test("'Step N.' lines separated by blank lines are one list", () => {
    const [steps] = lists(doc.blocks);
    expect(lists(doc.blocks)).toHaveLength(1);
    expect(steps!.intro).toBeNull();
    expect(steps!.items.map((i) => [i.line, i.text])).toEqual([
      [23, "Step 1. Sign in to the gateway server as an administrator."],
      [25, "Step 2. Open Windows Defender Firewall with Advanced Security."],
      [27, "Step 3. Create an inbound rule for TCP ports 9100 and 8631."],
      [29, "Step 4. Name the rule Northwind Relay and save it."],
    ]);
  });
});

describe("KB article whose headings have no blank lines around them", () => {
  const doc = fixture("kb-headings-without-blank-lines");
  const T = "Fabrikam Backup Agent Network Requirements";

  test("numbered section titles are headings, with their number; a trailing last line is prose", () => {
    expect(trails(doc.blocks)).toEqual([
      T,
      `${T} > Introduction`,
      `${T} > 1. Storage Traffic`,
      `${T} > 2. Management Traffic`,
      `${T} > Troubleshooting`,
      `${T} > Related Articles`,
    ]);
  });

  test("a lone 'Applies to: …' line and a 'Warning: …' line are prose", () => {
    expect(proseLines(doc.blocks)).toEqual([
      [2, "Applies to: Fabrikam Backup 9.x"],
      [4, "The Fabrikam Backup Agent sends data to a storage node. Configure your firewall as described below."],
      [6, "The agent connects to the storage node on TCP port 7200."],
      [15, "If jobs stall at 0%, check that nothing between the agent and the"],
      [16, "storage node throttles TCP port 7200."],
      [17, "Warning: Do not open port 7201 to the internet."],
      [19, "Fabrikam Backup Agent release notes"],
    ]);
  });

  test("key/value run and the introduced list", () => {
    expect(keyValues(doc.blocks).map((b) => b.entries.map((e) => `${e.line} ${e.key}: ${e.value}`))).toEqual([
      ["7 Port: 7200", "8 Protocol: TCP", "9 Direction: Outbound from backup agent to storage node"],
    ]);
    expect(lists(doc.blocks).map((l) => [l.line, l.intro, l.items.map((i) => i.line)])).toEqual([
      [12, "The management server reaches each agent for job control:", [12, 13]],
    ]);
  });
});

describe("line rules", () => {
  const parse = (lines: string[]) => parseText(lines.join("\n"));

  test.each([
    ["short capitalised line before content", ["T", "Agent Ports", "Text."], ["Agent Ports"]],
    ["heading after a list item", ["T", "- a", "Next Part", "Text."], ["Next Part"]],
    ["heading over heading", ["T", "Devices (Routers, Switches)", "SSH Access", "Text."], ["Devices (Routers, Switches)", "SSH Access"]],
    ["underlined heading", ["T", "", "Agent Ports", "===========", "Text."], ["Agent Ports"]],
    ["line ending with a colon introduces, never heads", ["T", "Inbound to Hub:", "Text."], []],
    ["line ending with a period", ["T", "Open the port.", "Text."], []],
    ["'NOTE: …' line", ["T", "NOTE: Use SSH", "Text."], []],
    ["'Important: …' line", ["T", "Text.", "Important: Agents Only", "Text."], []],
    ["head of a hard-wrapped sentence (next line lower case)", ["T", "Text.", "Agents connect to the Hub", "over HTTPS."], []],
    ["line ending on a function word", ["T", "Text.", "Agents always connect to", "Hub over HTTPS."], []],
    ["line after an unfinished line", ["T", "Text.", "Agents reach the Hub over HTTPS and the Console over SSH on every host", "Second Line", "Text."], []],
    ["last line of the file", ["T", "Text.", "Contoso Support"], []],
    ["too many words", ["T", "One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen", "Text."], []],
    ["a URL on its own line", ["T", "Text.", "See https://example.com/ports", "Text."], []],
    ["one-line paragraph followed by a blank line", ["T", "", "Agent Ports", "", "Text."], ["Agent Ports"]],
    ["first line of a paragraph followed by a blank line", ["T", "", "Agent Ports", "Other Line", "", "Text."], ["Agent Ports"]],
    ["numbered steps are not headings", ["T", "1. Open Console", "2. Click Settings", "Text."], []],
  ])("%s", (_name, lines, headings) => {
    const doc = parse(lines);
    expect(doc.title).toBe("T");
    // a heading is in no block's text, every other line is in one
    const texts = doc.blocks.flatMap((b) => (b.kind === "prose" ? b.text.split("\n") : b.kind === "list" ? b.items.map((i) => i.text) : []));
    expect(texts).toEqual(lines.slice(1).filter((l) => l.trim() && !/^=+$/.test(l) && !headings.includes(l)).map((l) => l.replace(/^(?:- |\d+\. )/, "")));
    expect(doc.blocks.at(-1)?.section).toEqual(["T", ...headings.slice(-1)]);
  });

  test.each([
    ["- Port: 443", { key: "Port", value: "443" }],
    ["* Protocol: TCP/SSH", { key: "Protocol", value: "TCP/SSH" }],
    ["• Direction: Outbound from A to B", { key: "Direction", value: "Outbound from A to B" }],
    ["- Destination Port Range: 1024-65535", { key: "Destination Port Range", value: "1024-65535" }],
  ])("bullet key/value %j", (line, entry) => {
    const [block] = parseText(`T\n${line}`).blocks;
    expect(block).toEqual({ kind: "keyValue", section: ["T"], line: 2, entries: [{ ...entry, line: 2 }] });
  });

  test.each([
    ["- Port 443 (HTTPS) - for console access", "no colon after the key"],
    ["- Port 22 (SSH): for monitoring", "a number inside the key"],
    ["- Note: agents retry every minute", "an admonition"],
    ["- Ports used by the agent when it is started: 443", "a key longer than four words"],
    ["- See https://example.com/ports", "a URL"],
  ])("list item, not key/value: %j (%s)", (line) => {
    const [block] = parseText(`T\n${line}`).blocks;
    expect(block?.kind).toBe("list");
  });

  test("a bullet run mixing key/values and items splits where the shape changes", () => {
    const doc = parse(["T", "- Port: 443", "- Protocol: TCP", "- Used by the console"]);
    expect(doc.blocks.map((b) => [b.kind, b.line])).toEqual([
      ["keyValue", 2],
      ["list", 4],
    ]);
  });

  test("a blank line ends a key/value run", () => {
    const doc = parse(["T", "- Port: 443", "", "- Port: 22"]);
    expect(keyValues(doc.blocks).map((b) => b.entries.map((e) => e.line))).toEqual([[2], [4]]);
  });

  test("indented lines continue an item or a value; bare step markers take the next line", () => {
    const doc = parse([
      "T",
      "Ports:",
      "- Allow outbound connections from the dynamic",
      "  (1024 - 65535) local port.",
      "  - nested item",
      "Step 1.",
      "Open the console.",
      "- Direction: Outbound from the agent",
      "    to the Hub",
    ]);
    expect(doc.blocks).toEqual([
      {
        kind: "list",
        section: ["T"],
        line: 3,
        intro: "Ports:",
        items: [
          { text: "Allow outbound connections from the dynamic (1024 - 65535) local port.", items: ["Allow outbound connections from the dynamic (1024 - 65535) local port."], line: 3 },
          { text: "nested item", items: ["nested item"], line: 5 },
          { text: "Step 1. Open the console.", items: ["Step 1. Open the console."], line: 6 },
        ],
      },
      { kind: "keyValue", section: ["T"], line: 8, entries: [{ key: "Direction", value: "Outbound from the agent to the Hub", line: 8 }] },
    ]);
  });

  test("an intro separated from its list by a blank line; only the paragraph's last line is taken", () => {
    const doc = parse(["T", "Check the rules.", "Outbound from Agents:", "", "- Port 443 (HTTPS) - to the Hub"]);
    expect(doc.blocks.map((b) => (b.kind === "list" ? ["list", b.intro] : [b.kind, b.kind === "prose" ? b.text : ""]))).toEqual([
      ["prose", "Check the rules."],
      ["list", "Outbound from Agents:"],
    ]);
  });

  test("CRLF line ends, a BOM and leading blank lines keep line numbers", () => {
    const doc = parseText("\uFEFF\r\n\r\nAgent Ports\r\nOverview\r\n- Port: 443\r\n");
    expect(doc.title).toBe("Agent Ports");
    expect(doc.blocks).toEqual([{ kind: "keyValue", section: ["Agent Ports", "Overview"], line: 5, entries: [{ key: "Port", value: "443", line: 5 }] }]);
  });

  test("a 'Title: …' header gives the title, its other fields the meta", () => {
    const doc = parse(["Title: Agent Ports", "Article ID: KB-1042", "", "Overview", "Text."]);
    expect(doc.title).toBe("Agent Ports");
    expect(doc.meta).toEqual({ "Article ID": "KB-1042" });
    expect(doc.blocks).toEqual([{ kind: "prose", section: ["Agent Ports", "Overview"], line: 5, text: "Text." }]);
  });

  test.each([
    ["", null, 0],
    ["\n\n  \n", null, 0],
    ["- Port: 443\n- Protocol: TCP", null, 1],
    ["Only A Title", "Only A Title", 0],
    ["=====\nAgent Ports\n=====\nText.", "Agent Ports", 1],
    ["T\n2.\n\n-", "T", 1],
  ])("degenerate input %j", (text, title, blockCount) => {
    const doc = parseText(text);
    expect(doc.title).toBe(title);
    expect(doc.blocks).toHaveLength(blockCount);
  });
});

describe("plain-text tables", () => {
  const tableOf = (lines: string[]) => {
    const doc = parseText(["T", "", ...lines].join("\n"));
    const tables = doc.blocks.filter((b) => b.kind === "table");
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    if (t.kind !== "table") throw new Error("not a table");
    return { line: t.line, header: t.header.map((c) => c.text), rows: t.rows.map((r) => [r.line, ...r.cells.map((c) => c.text)]), blocks: doc.blocks };
  };

  test("columns aligned with spaces under a dashed underline; a wrapped cell continues its row", () => {
    expect(
      tableOf([
        "Port        Protocol   Purpose",
        "----------  ---------  ------------------",
        "7300        TCP        Scan upload",
        "7301-7305   TCP        Firmware push and",
        "                       remote diagnostics",
        "123         UDP        Clock sync",
      ]),
    ).toMatchObject({
      line: 3,
      header: ["Port", "Protocol", "Purpose"],
      rows: [
        [5, "7300", "TCP", "Scan upload"],
        [6, "7301-7305", "TCP", "Firmware push and remote diagnostics"],
        [8, "123", "UDP", "Clock sync"],
      ],
    });
  });

  test("aligned columns without an underline, an empty cell kept, the table ending where the columns end", () => {
    const t = tableOf(["Port    Protocol   Purpose", "514     UDP        Syslog forwarding", "7310               Relay", "Depots also need the dynamic range for replies."]);
    expect(t.header).toEqual(["Port", "Protocol", "Purpose"]);
    expect(t.rows).toEqual([
      [4, "514", "UDP", "Syslog forwarding"],
      [5, "7310", "", "Relay"],
    ]);
    expect(t.blocks.at(-1)).toMatchObject({ kind: "prose", line: 6 });
  });

  test("pipe rows without a separator row", () => {
    expect(tableOf(["| Port | Protocol | Purpose |", "| 502 | TCP | Modbus polling |", "| 47808 | UDP | BACnet |"])).toMatchObject({
      header: ["Port", "Protocol", "Purpose"],
      rows: [
        [4, "502", "TCP", "Modbus polling"],
        [5, "47808", "UDP", "BACnet"],
      ],
    });
  });

  test("an ASCII grid: borders between rows join the lines of a row; without them each line is a row", () => {
    const boxed = tableOf([
      "+------+----------+---------------------+",
      "| Port | Protocol | Purpose             |",
      "+======+==========+=====================+",
      "| 1433 | TCP      | Batch records       |",
      "+------+----------+---------------------+",
      "| 8086 | TCP      | Time series upload, |",
      "|      |          | every 5 seconds     |",
      "+------+----------+---------------------+",
    ]);
    expect(boxed.rows).toEqual([
      [6, "1433", "TCP", "Batch records"],
      [8, "8086", "TCP", "Time series upload, every 5 seconds"],
    ]);
    const open = tableOf(["+------+-------+", "| Port | Use   |", "+------+-------+", "| 22   | SSH   |", "| 443  | HTTPS |", "+------+-------+"]);
    expect(open.rows).toEqual([
      [6, "22", "SSH"],
      [7, "443", "HTTPS"],
    ]);
  });

  test("tab-separated rows", () => {
    expect(tableOf(["Port\tProtocol\tDirection", "8080\tTCP\tInbound to web tier", "9600\tTCP\tWeb tier to render tier"])).toMatchObject({
      header: ["Port", "Protocol", "Direction"],
      rows: [
        [4, "8080", "TCP", "Inbound to web tier"],
        [5, "9600", "TCP", "Web tier to render tier"],
      ],
    });
  });

  test("pipe rows without outer pipes, under a header of short names", () => {
    expect(tableOf(["Port | Protocol | Purpose", "443 | TCP | Console", "22 | TCP | SSH"]).rows).toEqual([
      [4, "443", "TCP", "Console"],
      [5, "22", "TCP", "SSH"],
    ]);
  });

  test.each([
    ["a sentence with a pipe", ["Use the a | b syntax to choose one of the two ports on the command line.", "Then restart | reload the service when you are done."], "prose"],
    ["aligned 'Key:   value' lines", ["Port:       443", "Protocol:   TCP"], "keyValue"],
    ["tab-aligned 'Key:<tab>value' lines", ["Port:\t443", "Protocol:\tTCP"], "keyValue"],
    ["prose with two spaces after a period", ["Open the port.  Then restart", "the agent.  It reconnects."], "prose"],
    ["a sentence header", ["The ports below are needed.", "443     TCP"], "prose"],
  ])("not a table: %s", (_name, lines, kind) => {
    const doc = parseText(["T", "", ...lines].join("\n"));
    expect(doc.blocks.map((b) => b.kind)).toEqual([kind]);
  });
});

describe("headings with a colon, summary lines and wrapped steps", () => {
  const parse = (lines: string[]) => parseText(lines.join("\n"));

  test.each([
    ["an upper-case heading with a colon", ["T", "", "REQUIRED PORTS:", "The hub listens on 443."], ["REQUIRED PORTS"]],
    ["a title-case heading with a colon between blank lines", ["T", "", "Firewall Requirements:", "", "Text."], ["Firewall Requirements"]],
    ["a sentence with a colon", ["T", "", "The following ports must be open:", "", "Text."], []],
    ["a title-case colon line over a list is its intro", ["T", "", "Inbound To Hub:", "", "- Port 443 - console"], []],
    ["a colon line inside a paragraph", ["T", "Text.", "Firewall Requirements:", "Text."], []],
    ["a heading between rules of '='", ["T", "", "== Agent Ports ==", "Text."], ["Agent Ports"]],
  ])("%s", (_name, lines, headings) => {
    const doc = parse(lines);
    expect(doc.blocks.at(-1)?.section).toEqual(["T", ...headings]);
  });

  test("unbulleted port summary lines are list items, with the line before as intro", () => {
    const doc = parse(["T", "Inbound to web tier:", "Port 8080 (TCP) - editor sessions", "Port 7202 (TCP) - log collection, optional", "Outbound from render tier:", "TCP 9601 - job status"]);
    expect(lists(doc.blocks).map((l) => [l.intro, l.items.map((i) => [i.line, i.text])])).toEqual([
      ["Inbound to web tier:", [[3, "Port 8080 (TCP) - editor sessions"], [4, "Port 7202 (TCP) - log collection, optional"]]],
      ["Outbound from render tier:", [[6, "TCP 9601 - job status"]]],
    ]);
  });

  test("Word's nested bullets ('o' and '§' after a tab or indent) and 'a)' items are list items", () => {
    const doc = parse(["T", "- Agents:", "    o\tPort 443 - console", "    \u00a7  Port 22 - SSH", "a) Open the rule.", "b) Save it."]);
    expect(lists(doc.blocks).flatMap((l) => l.items.map((i) => i.text))).toEqual(["Agents:", "Port 443 - console", "Port 22 - SSH", "Open the rule.", "Save it."]);
    expect(parse(["T", "o no bullet here", "Text."]).blocks.map((b) => b.kind)).toEqual(["prose"]);
  });

  test("a lone summary-shaped line with no intro stays prose", () => {
    expect(parse(["T", "Text.", "Port 443 - the console."]).blocks.map((b) => b.kind)).toEqual(["prose"]);
  });

  test("a step that breaks mid-sentence goes on with the unindented line below; a new sentence does not", () => {
    const doc = parse([
      "T",
      "1. Create an inbound rule for",
      "TCP port 9600.",
      "2. Limit the rule to the web tier,",
      "then name it Press Render.",
      "3. Save the rule",
      "Restart the service afterwards.",
    ]);
    expect(lists(doc.blocks).map((l) => l.items.map((i) => [i.line, i.text]))).toEqual([
      [
        [2, "Create an inbound rule for TCP port 9600."],
        [4, "Limit the rule to the web tier, then name it Press Render."],
        [6, "Save the rule"],
      ],
    ]);
    expect(proses(doc.blocks).map((p) => p.text)).toEqual(["Restart the service afterwards."]);
  });

  test("a first line shaped like 'Product: Network Ports' is the title; a run of key lines is not", () => {
    expect(parse(["Fourth Coffee Roaster: Network Ports", "", "Text."]).title).toBe("Fourth Coffee Roaster: Network Ports");
    expect(parse(["Port: 443", "Protocol: TCP"]).title).toBeNull();
  });
});

describe("a summary run is not a heading", () => {
  test("'Port 7202 (TCP) - …' over another such line opens a list, and the heading above it stays", () => {
    const doc = parseText("Network Ports\n\nLog Collector Ports\n\nPort 7202 (TCP) - log collection, optional\nPort 7203 (TCP) - event upload\n");
    const list = doc.blocks.find((b) => b.kind === "list");
    expect(list?.section).toEqual(["Network Ports", "Log Collector Ports"]);
    expect(list?.kind === "list" && list.items.map((i) => i.text)).toEqual(["Port 7202 (TCP) - log collection, optional", "Port 7203 (TCP) - event upload"]);
  });
});

describe("headings after tables, page-index labels, captions and reStructuredText adornments", () => {
  const parse = (lines: string[]) => parseText(lines.join("\n"));
  const sectionOf = (doc: ReturnType<typeof parseText>, kind: Block["kind"]) => doc.blocks.filter((b) => b.kind === kind).map((b) => b.section.at(-1));

  test("a heading right after a tab-table row opens a new section, and the intro below it sits there", () => {
    const doc = fixture("kb-heading-after-tab-table-row");
    expect(sectionOf(doc, "table")).toEqual(["Stream Firewall Rules", "Database Firewall Rules", "Remote Worker Firewall Rules"]);
    expect(proses(doc.blocks).map((p) => [p.line, p.section.at(-1)])).toEqual([
      [3, "Stream Firewall Rules"],
      [8, "Database Firewall Rules"],
      [11, "Database Firewall Rules"],
      [14, "Remote Worker Firewall Rules"],
    ]);
  });

  test("'NOTE:' after a table row labels an aside, not a section", () => {
    const doc = parse(["T", "Ports", "Port\tProtocol", "443\tTCP", "NOTE:", "Restart the agent.", "More Ports", "Port\tProtocol", "22\tTCP"]);
    expect(trails(doc.blocks)).toEqual(["T > Ports", "T > More Ports"]);
    expect(proses(doc.blocks).map((p) => p.text)).toEqual(["NOTE:\nRestart the agent."]);
  });

  test("'In this article' is neither a section nor text", () => {
    const doc = parse(["Ports", "In this article", "The following table lists the ports.", "Port\tProtocol", "443\tTCP"]);
    expect(trails(doc.blocks)).toEqual(["Ports"]);
    expect(proses(doc.blocks).map((p) => p.text)).toEqual(["The following table lists the ports."]);
  });

  test.each([
    ["Table 3: Firewall Rules"],
    ["Table. Firewall Rules"],
    ["Table 2-1 Firewall Rules"],
    ["Figure 4. Relay Topology"],
  ])("the caption %j is prose, not a section", (caption) => {
    const doc = parse(["T", "", caption, "", "Port   Protocol", "-----  --------", "443    TCP"]);
    expect(trails(doc.blocks)).toEqual(["T"]);
    expect(proses(doc.blocks).map((p) => p.text)).toEqual([caption]);
  });

  test("a line that only starts with 'Table' still heads a section", () => {
    expect(trails(parse(["T", "", "Tables and Ports", "", "Open 443."]).blocks)).toEqual(["T > Tables and Ports"]);
  });

  test("an RST title between '#' rules is the title; '~' and '=' underlines head sections, a question too", () => {
    const doc = fixture("rst-adorned-titles-toc-label-caption");
    expect(doc.title).toBe("Tern Gateway Firewall");
    expect(trails(doc.blocks)).toEqual(["Tern Gateway Firewall", "Tern Gateway Firewall > What Ports Must Be Open?", "Tern Gateway Firewall > Management"]);
    expect(proses(doc.blocks).map((p) => p.text)).toEqual(["The Tern Gateway answers calls from phones and trunks.", "Table 3: Firewall Rules", "Table. Admin Access"]);
  });

  test("a question is a heading only when underlined at full length", () => {
    expect(trails(parse(["T", "", "Which ports?", "~~~~~~~~~~~~", "Text."]).blocks)).toEqual(["T > Which ports?"]);
    expect(trails(parse(["T", "", "Which ports?", "~~~", "Text."]).blocks)).toEqual(["T"]);
    expect(trails(parse(["T", "", "Which ports?", "", "Text."]).blocks)).toEqual(["T"]);
  });
});

describe("AsciiDoc tables", () => {
  test("a |=== block with cols and a header option is a table; its caption is no section", () => {
    const parsed = fixture("asciidoc-table-and-comma-list");
    const tables = parsed.blocks.filter((b) => b.kind === "table");
    expect(tables).toHaveLength(1);
    const [t] = tables as Extract<Block, { kind: "table" }>[];
    expect(t!.header.map((h) => h.text)).toEqual(["Port", "Usage description"]);
    expect(t!.rows.map((r) => [r.line, r.cells.map((c) => c.text)])).toEqual([
      [17, ["7743", "Secure console access for administrators."]],
      [21, ["7601", "Message intake from field agents."]],
    ]);
    expect(t!.section).toEqual(["Lanternfish Broker Firewall", "Default Ports"]);
  });

  test("an implicit header: the first row alone on its line, a blank line under it", () => {
    const parsed = parseText("Ports\n\n|===\n|Port |Use\n\n|7100\n|Relay\n|===\n");
    const t = parsed.blocks.find((b) => b.kind === "table") as Extract<Block, { kind: "table" }>;
    expect(t.header.map((h) => h.text)).toEqual(["Port", "Use"]);
    expect(t.rows.map((r) => r.cells.map((c) => c.text))).toEqual([["7100", "Relay"]]);
  });
});
