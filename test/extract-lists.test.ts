// Table-driven: lists of "Key: value" items with free-text descriptions, lists whose port items
// are a run inside a longer list, key/value sentences, and what a description says about the flow.
import { describe, expect, test } from "vitest";
import type { Cell, ListBlock } from "../src/parse/blocks.js";
import { readDescription } from "../src/extract/descriptions.js";
import { listAsKeyValues, sentenceAsKeyValues } from "../src/extract/key-values.js";
import { listItemRows } from "../src/extract/port-items.js";

const cell = (text: string, line: number): Cell => ({ text, items: [text], line });
const list = (items: string[], intro: string | null = null): ListBlock => ({
  kind: "list", section: ["Ports"], line: 30, intro, items: items.map((t, i) => cell(t, 30 + i)),
});
const texts = (row: { cells: Partial<Record<string, { text: string }>> }) =>
  Object.fromEntries(Object.entries(row.cells).map(([role, c]) => [role, c!.text]));

describe("port keys with free-text descriptions", () => {
  test("each port key opens a row; the text under it describes that port", () => {
    const rows = listAsKeyValues(list([
      "Eg: Switches or load balancers",
      "Port: 22",
      "TCP/SSH One-way communication is initiated from the Relay Agent.",
      "Port: 23",
      "TCP/Telnet One-way communication is initiated from the Relay Agent.",
    ]));
    expect(rows.map((r) => [r.line, texts(r)])).toEqual([
      [31, { port: "22", purpose: "TCP/SSH One-way communication is initiated from the Relay Agent.", protocol: "TCP/SSH", source: "Relay Agent" }],
      [33, { port: "23", purpose: "TCP/Telnet One-way communication is initiated from the Relay Agent.", protocol: "TCP/Telnet", source: "Relay Agent" }],
    ]);
  });

  test("a list of keys only is still one row, whatever repeats", () => {
    const rows = listAsKeyValues(list(["Port: 443 (HTTPS) or Custom", "Direction: Inbound to Hub", "Protocol: HTTPS"]));
    expect(rows.map(texts)).toEqual([{ port: "443 (HTTPS) or Custom", direction: "Inbound to Hub", protocol: "HTTPS" }]);
  });

  test.each<[string[]]>([
    [["Owner: Platform team", "Some free text about it"]], // no port key
    [["Port: 8080"]], // a lone key
  ])("%j gives no row", (items) => {
    expect(listAsKeyValues(list(items))).toEqual([]);
  });
});

describe("port items inside longer lists", () => {
  test("a run of port items under a non-port item; the other items stay prose", () => {
    const { rows, rest } = listItemRows(list([
      "Service account: local admin rights",
      "Mandatory ports and firewall rules",
      "Port 443 HTTPS for connection to the licence server (outgoing)",
      "Port 12011 TCP for communication with desktop clients (incoming)",
      "Port 12016 TCP for the web services (incoming; only when using the web client)",
      "(Optional) Join the server to the domain",
    ]));
    expect(rest.map((c) => c.line)).toEqual([30, 31, 35]);
    expect(rows.map((r) => [r.line, texts(r), r.conditions ?? []])).toEqual([
      [32, { port: "443 HTTPS", purpose: "connection to the licence server", target: "licence server", direction: "outgoing" }, []],
      [33, { port: "12011 TCP", purpose: "communication with desktop clients", peer: "desktop clients", direction: "incoming" }, []],
      [34, { port: "12016 TCP", purpose: "the web services", direction: "incoming" }, ["only when using the web client"]],
    ]);
  });

  test("an item ending with a colon gives its direction to the items after it", () => {
    const { rows } = listItemRows(list([
      "Remove the existing inbound rules",
      "Add two new Inbound security group rules:",
      "Type HTTPS, Protocol TCP, Port range 443, Source type Custom, Source 0.0.0.0/0 (mandatory)",
      "Type HTTP, Protocol TCP, Port range 80, Source type Custom, Source 0.0.0.0/0 (optional)",
    ]));
    expect(rows.map(texts)).toEqual([
      { service: "HTTPS", protocol: "TCP", port: "443", source: "0.0.0.0/0", required: "mandatory", direction: "Inbound" },
      { service: "HTTP", protocol: "TCP", port: "80", source: "0.0.0.0/0", required: "optional", direction: "Inbound" },
    ]);
  });

  test.each<[string[]]>([
    [["TCP 389", "Read access to all objects"]], // one port item among prose is not a port list
    [["Intro text", "Dynamic ports are used by RPC", "High ports are blocked by default"]], // no numbers
  ])("%j gives no row", (items) => {
    expect(listItemRows(list(items)).rows).toEqual([]);
  });
});

describe("more port list shapes", () => {
  const portsOf = (rows: { cells: Partial<Record<string, { text: string }>> }[]) => rows.map(texts);

  test("bare numbers first (or last) under a sentence about ports", () => {
    const l = list(["21 – FTP control channel", "22 – SSH (SFTP and SCP)", "Partner console (HTTPS) – 8444", "Configured range – FTP passive data"]);
    const lead = "These ports must be opened on your perimeter firewall.";
    expect(portsOf(listItemRows({ ...l, section: ["Setup"] }, undefined, lead).rows)).toEqual([
      { port: "21", purpose: "FTP control channel" },
      { port: "22", purpose: "SSH (SFTP and SCP)" },
      { port: "8444", purpose: "Partner console (HTTPS)" },
      { port: "Configured range", purpose: "FTP passive data" },
    ]);
    // the same items under a sentence that is not about ports stay prose
    expect(listItemRows({ ...l, section: ["Setup"] }, undefined, "Read these notes.").rows).toEqual([]);
  });

  test.each<[string[]]>([
    [["1 – Sign in to the console", "2 – Open the firewall page", "3 – Add the rules"]], // steps count up
    [["16 GB memory", "4 CPU cores"]], // sizes
    [["10 - GB of disk", "20 - minutes to install"]],
  ])("%j under a ports heading is no port list", (items) => {
    expect(listItemRows(list(items), undefined, "Then open the ports:").rows).toEqual([]);
  });

  test("plain-text pages keep the emphasis of '**Port 8081:** Used by …'", () => {
    const rows = listItemRows(list(["**Port 8081:** Used by the console. HTTP – web UI.", "**Port 5672:** Used by agents. Used by AMQP."])).rows;
    expect(portsOf(rows)).toEqual([
      { port: "8081", purpose: "Used by the console. HTTP – web UI." },
      { port: "5672", purpose: "Used by agents. Used by AMQP." },
    ]);
  });

  test("a label, a colon, the ports and their way", () => {
    const rows = listItemRows(list([
      "Appliance and agent communication: 443 inbound",
      "Update service (updates.example.test): 80 & 443 outbound to this single address (198.51.100.7/32)",
    ])).rows;
    expect(portsOf(rows)).toEqual([
      { port: "443", purpose: "Appliance and agent communication", direction: "inbound" },
      { port: "80 & 443", purpose: "Update service (updates.example.test)", direction: "outbound", target: "198.51.100.7/32" },
    ]);
  });

  test("a name with its protocols, then its ports in the item under it", () => {
    const rows = listItemRows({ ...list(["SIP TCP/UDP", "5070, 5071", "SSH", "22", "Web admin", "8443"]), section: ["Ports used by the PBX"] }).rows;
    expect(rows.map((r) => [r.line, texts(r)])).toEqual([
      [30, { port: "5070, 5071", purpose: "SIP TCP/UDP", protocol: "SIP TCP/UDP" }],
      [32, { port: "22", purpose: "SSH", protocol: "SSH" }],
      [34, { port: "8443", purpose: "Web admin" }],
    ]);
    // a name without a protocol pairs only in a list about ports
    expect(listItemRows({ ...list(["Backups", "2", "Restores", "3"]), section: ["Checklist"] }).rows).toEqual([]);
  });
});

describe("key/value sentences", () => {
  test.each<[string, Record<string, string> | null]>([
    ["Type SSH, Protocol TCP, Port range 22, Source 10.0.0.0/8", { service: "SSH", protocol: "TCP", port: "22", source: "10.0.0.0/8" }],
    ["Protocol UDP, Port 514, Destination Log server", { protocol: "UDP", port: "514", target: "Log server" }],
    ["Port 443, then restart the service, and check the log", null], // not pairs
    ["Name web, Type HTTPS, Port range all", null], // no number
    ["Type HTTPS, Port range 443", null], // too short to be a sentence of pairs
  ])("%j", (text, expected) => {
    const row = sentenceAsKeyValues(cell(text, 5), ["Page"]);
    expect(row === null ? null : texts(row)).toEqual(expected);
  });
});

describe("descriptions", () => {
  test.each<[string, Partial<ReturnType<typeof readDescription>>]>([
    ["HTTPS Communication to the Console is by default HTTPS on port 443.", { protocol: "HTTPS", target: "Console" }],
    [
      "HTTPS Communication between Hub and the agent is set by the agent's hub address. It will always be initiated by the agent.",
      { protocol: "HTTPS", source: "agent", target: "Hub" },
    ],
    [
      "One-way communication is initiated from the Relay Agent (it may run elsewhere) to the Remote Registry Service on the hosts.",
      { source: "Relay Agent", target: "Remote Registry Service on the hosts" },
    ],
    ["communication with SQL Server (outgoing)", { peer: "SQL Server", direction: "outgoing", purpose: "communication with SQL Server" }],
    ["the backup service (usually does not need to be opened)", { purpose: "the backup service", conditions: ["usually does not need to be opened"] }],
    ["using the server as identity provider (SAML)", { purpose: "using the server as identity provider (SAML)", conditions: [] }],
    ["Traffic to it is encrypted", { purpose: "Traffic to it is encrypted", conditions: [] }],
    ["log collection, optional", { purpose: "log collection", optional: true, conditions: [] }],
    ["event upload – if needed", { purpose: "event upload", conditions: ["if needed"] }],
    ["optional features", { purpose: "optional features", conditions: [] }],
  ])("%j", (text, expected) => {
    const d = readDescription(text);
    expect(d).toMatchObject(expected);
    if (!("target" in expected)) expect(d.target).toBeUndefined();
  });
});

describe("port items with a comma before their words", () => {
  test("\"Port 80, nginx\" gives the port and its purpose; a comma before a number stays in the port list", () => {
    const { rows } = listItemRows(list(["Port 80, nginx", "Port 443, 8443, console proxy"], "make sure the following ports are open:"));
    expect(rows.map(texts)).toEqual([
      { port: "80", purpose: "nginx" },
      { port: "443, 8443", purpose: "console proxy" },
    ]);
  });
});
