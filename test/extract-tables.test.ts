// Table-driven: which headers name which role, which tables are port tables, label rows, intro
// sentences and port lists.
import { describe, expect, test } from "vitest";
import type { Block, Cell, ListBlock, TableBlock } from "../src/parse/blocks.js";
import { introBefore, tableLead } from "../src/extract/intro.js";
import { leadCondition, summaryRows } from "../src/extract/port-items.js";
import { labelOf } from "../src/extract/label-rows.js";
import { columnRoles, isPortTable } from "../src/extract/roles.js";
import { asPortTable, holdsPorts, tableRows } from "../src/extract/table.js";
import { cellListRows } from "../src/extract/cell-lists.js";
import { unrecognisedTable } from "../src/extract/unrecognised.js";
import { verticalRow } from "../src/extract/vertical.js";
import type { Diagnostic } from "../src/model/flows.js";

const cell = (text: string, line = 1): Cell => ({ text, items: text ? [text] : [], line });
const table = (header: string[], rows: string[][], section = ["Page"]): TableBlock => ({
  kind: "table",
  section,
  line: 10,
  header: header.map((h) => cell(h, 10)),
  rows: rows.map((r, i) => ({ line: 12 + i, cells: r.map((t) => cell(t, 12 + i)) })),
});

describe("header roles", () => {
  test.each<[string[], (string | null)[]]>([
    [["Port(s)", "Protocol", "Source Host", "Destination Host", "Description"], ["port", "protocol", "source", "target", "purpose"]],
    [["Port Number", "Transport", "From", "To", "Notes"], ["port", "protocol", "source", "target", "purpose"]],
    [["Destination Port", "Protocol", "Initiator", "Listening Host", "Comments"], ["port", "protocol", "source", "target", "purpose"]],
    [["Listening Port", "Protocol/Port", "Port/Protocol"], ["port", null, null]],
    [["Protocol/Port", "Source", "Destination", "Service", "Required"], ["port", "source", "target", "service", "required"]],
    [["Direction", "Port", "Protocol", "Remote host", "Optional", "Rule group"], ["direction", "port", "protocol", "peer", "optional", null]],
    // "Notes" is the purpose only when no column says it; "Type" the transport only beside no
    // "Protocol": beside one, it is the rule's type ("Custom ICMP Rule", "HTTPS")
    [["Port", "Protocol", "Description", "Notes"], ["port", "protocol", "purpose", null]],
    [["Type", "Protocol", "Port range", "Source"], ["ruleType", "protocol", "port", "source"]],
    [["Type", "Protocol", "Port or Port Range", "Source", "Description"], ["ruleType", "protocol", "port", "source", "purpose"]],
    [["service", "protocol", "action", "start port", "end port", "comment"], ["service", "protocol", null, "port", "portEnd", "purpose"]],
    [["#", "Group source", "Group destination", "Protocol", "Destination port"], [null, "source", "target", "protocol", "port"]],
    [["Service", "FQDN Pattern", "Port", "Protocol", "Purpose"], ["service", "target", "port", "protocol", "purpose"]],
    [["FQDNs", "Ports", "Features"], ["target", "port", "purpose"]],
    [["Source", "Destination", "Type", "Port"], ["source", "target", "protocol", "port"]],
    // a lone "Server" or "Component" beside a port is the host that listens
    [["Component", "Port", "Protocol"], ["target", "port", "protocol"]],
    [["Source", "Destination", "Server", "Port"], ["source", "target", null, "port"]],
    [["Source Port", "Destination Port", "Protocol"], [null, "port", "protocol"]],
    [["Port(s) / Protocol(s)", "Source(s)", "Destination(s)"], ["port", "source", "target"]],
    [["Required Ports", "TCP Port(s)"], ["port", null]],
    // Zendesk-style short headers
    [["Port", "Proto", "Communication", "Purpose"], ["port", "protocol", "direction", "purpose"]],
  ])("%j", (headers, roles) => {
    expect(columnRoles(headers)).toEqual(roles);
  });

  test.each<[string[], boolean]>([
    [["Version", "Release date", "Notes"], false],
    [["Setting", "Default value", "Description"], false],
    [["Key", "Type", "Default", "Description"], false],
    [["Port", "Protocol"], true],
    [["Port"], false],
  ])("%j is a port table by its headers: %j", (headers, expected) => {
    expect(isPortTable(columnRoles(headers))).toBe(expected);
  });
});

describe("port tables", () => {
  test("a table with an empty header row reads its first row as the header", () => {
    const t = table(["", "", ""], [["Port", "Protocol", "Purpose"], ["443", "TCP", "Console"]]);
    const read = asPortTable(t);
    expect(read?.roles).toEqual(["port", "protocol", "purpose"]);
    expect(read?.rows.map((r) => r.line)).toEqual([13]);
  });

  test("a first row that looks like headers under a real header row stays a row", () => {
    expect(asPortTable(table(["Setting", "Value"], [["Port", "Protocol"], ["9000", "TCP"]]))).toBeNull();
  });

  test.each<[string, string[], string[][], boolean]>([
    ["a front panel", ["Port", "Type", "Description"], [["MGMT", "RJ-45", "Management"], ["eth0", "SFP+", "Data"]], false],
    ["switch interfaces", ["Port", "VLAN", "Description"], [["Gi1/0/1", "10", "Uplink"], ["Te1/1/2", "20", "Storage"]], false],
    ["one real port among words", ["Port", "Description"], [["Any", "Cluster"], ["7400", "Gossip"]], true],
    ["an ICMP-only table", ["Port", "Protocol", "Purpose"], [["–", "ICMP", "Ping"]], true],
    ["a lone words-only row beside endpoints", ["Port", "Source", "Target"], [["Predefined", "Console", "Agent"]], true],
    ["a dynamic range in words", ["Ports", "Protocol"], [["RPC Dynamic Range", "TCP"]], true],
    ["ports with words left over", ["Port", "Description"], [["443 (HTTPS and API)", "Console"]], true],
  ])("%s holds ports: %j", (_name, headers, rows, expected) => {
    expect(holdsPorts(asPortTable(table(headers, rows))!)).toBe(expected);
  });
});

describe("direction columns by their values", () => {
  test("a Type column of Inbound/Outbound is the direction, Source/Destination the peer", () => {
    const t = table(["Type", "Port", "Protocol", "Source/Destination"], [["Inbound", "22", "TCP", "10.0.0.0/8"], ["Outbound", "443", "TCP", "0.0.0.0/0"]]);
    expect(asPortTable(t)?.roles).toEqual(["direction", "port", "protocol", "peer"]);
  });

  test("a Type column of transports stays the protocol; a direction column is not replaced", () => {
    expect(asPortTable(table(["Type", "Port"], [["TCP", "22"]]))?.roles).toEqual(["protocol", "port"]);
    expect(asPortTable(table(["Direction", "Port", "Rule Type"], [["Inbound", "22", "Outbound"]]))?.roles).toEqual(["direction", "port", null]);
  });
});

describe("table rows", () => {
  const rowsOf = (t: TableBlock, after: Block[] = []) => {
    const diagnostics: Diagnostic[] = [];
    const rows = tableRows([t, ...after], 0, asPortTable(t)!, "doc", diagnostics);
    return { rows, diagnostics };
  };

  test("a label row is reported as row-group-label, not row-empty", () => {
    const { rows, diagnostics } = rowsOf(table(["Port", "Protocol", "Purpose"], [["Agent to server", "", ""], ["443", "TCP", "Upload"], ["", "", ""]]));
    expect(rows.map((r) => r.group)).toEqual(["Agent to server"]);
    expect(diagnostics.map((d) => [d.line, d.code, d.severity])).toEqual([
      [12, "row-group-label", "info"],
      [14, "row-empty", "info"],
    ]);
  });

  test("an inline dash list in a purpose cell is split, and a marker on any item binds its footnote", () => {
    const t = table(["Port", "Protocol", "Purpose"], [
      ["135", "TCP", "- Remote WMI. - Read settings\\* - Run refresh"],
      ["5985 5986", "TCP", "- Remote Management. - Shell sessions: - 5985 - for HTTP - 5986 - for HTTPS"],
    ]);
    const note: Block = { kind: "prose", section: ["Page"], line: 20, text: "* - for Mail Server 2013 only" };
    const { rows, diagnostics } = rowsOf(t, [note]);
    expect(rows[0]!.cells.purpose?.items).toEqual(["Remote WMI.", "Read settings", "Run refresh"]);
    expect(rows[0]!.footnotes).toEqual(["for Mail Server 2013 only"]);
    expect(rows[1]!.cells.purpose?.items).toEqual(["Remote Management.", "Shell sessions:", "5985 - for HTTP", "5986 - for HTTPS"]);
    expect(rows[1]!.footnotes).toEqual([]);
    expect(diagnostics).toEqual([]);
  });
});

describe("rows with fewer cells than the header", () => {
  const rowsOf = (t: TableBlock) => {
    const diagnostics: Diagnostic[] = [];
    const rows = tableRows([t], 0, asPortTable(t)!, "doc", diagnostics);
    return { rows, diagnostics };
  };
  const texts = (r: { cells: Partial<Record<string, { text: string }>> }) =>
    Object.fromEntries(Object.entries(r.cells).map(([role, c]) => [role, c!.text]));

  test("a row shifted left by a flattened rowspan moves right and takes the lost cells from the row above", () => {
    const t = table(["From", "To", "Protocol", "Port", "Notes"], [
      ["Console", "Server", "TCP", "443", "Sessions"],
      ["Archive", "TCP", "445", "Reads"],
      ["TCP, UDP", "389", "Lookups"],
      ["TCP", "3269"],
    ]);
    const { rows, diagnostics } = rowsOf(t);
    expect(rows.map(texts)).toEqual([
      { source: "Console", target: "Server", protocol: "TCP", port: "443", purpose: "Sessions" },
      { source: "Console", target: "Archive", protocol: "TCP", port: "445", purpose: "Reads" },
      { source: "Console", target: "Archive", protocol: "TCP, UDP", port: "389", purpose: "Lookups" },
      { source: "Console", target: "Archive", protocol: "TCP", port: "3269" },
    ]);
    expect(diagnostics.map((d) => [d.line, d.code, d.severity])).toEqual([
      [13, "row-realigned", "info"],
      [14, "row-realigned", "info"],
      [15, "row-realigned", "info"],
    ]);
  });

  test("a short row whose port is already in place stays; one that cannot be placed is reported", () => {
    const t = table(["Port", "Protocol", "Source", "Target"], [["9100", "TCP"], ["Staging", "Catalog"]]);
    const { rows, diagnostics } = rowsOf(t);
    expect(rows.map(texts)).toEqual([{ port: "9100", protocol: "TCP" }, { port: "Staging", protocol: "Catalog" }]);
    expect(diagnostics.map((d) => [d.line, d.code])).toEqual([[13, "row-short"]]);
  });

  test("no row above to fill from: read as written", () => {
    const t = table(["From", "To", "Protocol", "Port"], [["Archive", "TCP", "445"]]);
    expect(rowsOf(t).diagnostics.map((d) => d.code)).toEqual(["row-short"]);
  });
});

describe("start and end port columns", () => {
  test("give one range per row; an empty end leaves the single port", () => {
    const t = table(["service", "protocol", "start port", "end port"], [["gossip", "TCP", "7400", ""], ["store", "TCP", "7410", "7419"]]);
    const rows = tableRows([t], 0, asPortTable(t)!, "doc", []);
    expect(rows.map((r) => [r.cells.port?.text, r.cells.portEnd])).toEqual([["7400", undefined], ["7410-7419", undefined]]);
  });
});

describe("tables that are no port table by their headers", () => {
  test("a rule written down the rows of a two-column table is one row", () => {
    const t = table(["", ""], [["Name", "Clock (NTP-UDP-In)"], ["Protocol", "UDP"], ["Port", "123"], ["Description", "Clock sync."]]);
    const row = verticalRow(t);
    expect(row && Object.fromEntries(Object.entries(row.cells).map(([k, v]) => [k, v!.text]))).toEqual({ protocol: "UDP", port: "123", purpose: "Clock sync." });
    expect(row?.line).toBe(14);
  });

  test("an ICMP rule needs no port; a table of other keys is no rule", () => {
    expect(verticalRow(table(["", ""], [["Protocol", "ICMPv4"], ["ICMP Type", "8"], ["Description", "Ping"]]))?.cells.protocol?.text).toBe("ICMPv4");
    expect(verticalRow(table(["", ""], [["Script", "Set-Rules.ps1"], ["Version", "2.4"]]))).toBeNull();
    expect(verticalRow(table(["", ""], [["Protocol", "TCP"], ["Description", "No port given"]]))).toBeNull();
  });

  test("cells listing hosts with their ports give a flow per host", () => {
    const t = table(["Role", "Zone North", "Zone South"], [["Gateway", "gw.north.example (TCP 443)", "gw.south.example (TCP 8443)"]]);
    const rows = cellListRows(t);
    expect(rows.map((r) => [r.cells.target?.text, r.cells.port?.text, r.cells.purpose?.text, r.conditions])).toEqual([
      ["gw.north.example", "TCP 443", "Gateway", ["Zone North"]],
      ["gw.south.example", "TCP 8443", "Gateway", ["Zone South"]],
    ]);
    expect(cellListRows(table(["Name", "Notes"], [["web", "runs on host (TCP 443)"], ["db", "see the guide"]]))).toEqual([]);
  });

  test.each<[string, string[], string[][], boolean]>([
    ["numbers under a port header", ["Listener", "Listen port"], [["Web", "8443"]], true],
    ["numbers beside TCP", ["Listener", "Binding"], [["Web", "TCP 8443"]], true],
    ["version numbers", ["Version", "Release date", "Notes"], [["7.2", "2031-04-02", "Adds port 8443"]], false],
    ["settings without transport words", ["Setting", "Default value"], [["Session timeout", "30"]], false],
  ])("%s: reported as unrecognised %j", (_name, headers, rows, expected) => {
    const d = unrecognisedTable(table(headers, rows), "doc");
    expect(d !== null).toBe(expected);
    if (d) expect([d.code, d.severity, d.line]).toEqual(["table-unrecognised", "warning", 10]);
  });
});

describe("label rows", () => {
  test.each<[string[], string | null]>([
    [["Exchange Online", "", "", "", ""], "Exchange Online"],
    [["Agent to server", "", ""], "Agent to server"],
    [["Windows Server 2022 agents", "", ""], "Windows Server 2022 agents"],
    [["Inbound", "Inbound", "Inbound"], "Inbound"], // an HTML colspan repeats the text
    [["443", "", ""], null], // a sparse row
    [["TCP 8080", "", ""], null],
    [["", "", "Continued text"], null],
    [["443", "TCP", "Console"], null],
    [["Label"], null],
  ])("%j → %j", (cells, label) => {
    expect(labelOf(cells.map((t) => cell(t)))).toBe(label);
  });
});

describe("intro sentences", () => {
  const prose = (text: string, section = ["Page"]): Block => ({ kind: "prose", section, line: 5, text });
  const t = table(["Port", "Protocol"], [["443", "TCP"]]);

  test("the last sentence of the paragraph right above the table", () => {
    expect(introBefore([prose("Each host listens on ports. The following ports must be open on\nthe hub:"), t], 1)).toBe(
      "The following ports must be open on the hub:",
    );
  });

  test("the last item of a list right above the table", () => {
    const list: ListBlock = { kind: "list", section: ["Page"], line: 3, intro: null, items: [cell("First"), cell("Open these ports on the hub:")] };
    expect(introBefore([list, t], 1)).toBe("Open these ports on the hub:");
  });

  test("a note between the intro and the table: the intro still counts, the note's 'only needed if' applies", () => {
    const intro = prose("The following firewall settings are required for communication between the hub and the store server:");
    const note = prose("These firewall rules are only needed if using a remote store. That is not the default.");
    expect(tableLead([intro, note, t], 2)).toEqual({
      intro: "The following firewall settings are required for communication between the hub and the store server:",
      conditions: ["only needed if using a remote store"],
    });
    expect(tableLead([intro, prose("The console may run on the hub itself."), t], 2)).toEqual({
      intro: "The following firewall settings are required for communication between the hub and the store server:",
      conditions: [],
    });
  });

  test("a paragraph right above the table is the intro when nothing above it ends with a colon", () => {
    expect(tableLead([prose("Read this first."), prose("Open these ports on the hub."), t], 2)).toEqual({ intro: "Open these ports on the hub.", conditions: [] });
  });

  test("nothing across a heading", () => {
    expect(introBefore([prose("The following ports must be open on the hub:", ["Page", "Other"]), t], 1)).toBeUndefined();
  });
});

describe("port lists", () => {
  const list = (items: string[], intro: string | null = null): ListBlock => ({
    kind: "list", section: ["Ports"], line: 20, intro, items: items.map((t, i) => cell(t, 20 + i)),
  });

  test.each<[string[], string[]]>([
    [["TCP 389", "TCP 135 – 139", "Randomly allocated high TCP ports"], ["TCP 389", "TCP 135 – 139", "Randomly allocated high TCP ports"]],
    [["Port 443 (HTTPS) - for console access", "Port 22 (SSH) - for device monitoring"], ["443 (HTTPS)", "22 (SSH)"]],
    [["UDP 88 and 464", "Ports 8000-8010: cluster"], ["UDP 88 and 464", "8000-8010"]],
    [["TCP/UDP 53", "443/TCP"], ["TCP/UDP 53", "443/TCP"]],
  ])("%j → ports %j", (items, ports) => {
    expect(summaryRows(list(items)).map((r) => r.cells.port?.text)).toEqual(ports);
  });

  test.each<[string[]]>([
    [["TCP 389", "Read access to all objects"]],
    [["Dynamic ports are used by RPC", "High ports are blocked by default"]],
    [["Step 3 - restart", "Step 4 - check"]],
  ])("%j is not a port list", (items) => {
    expect(summaryRows(list(items))).toEqual([]);
  });

  test("a short 'For …' paragraph above the list is the rows' condition", () => {
    const l = list(["TCP 389"]);
    const prose: Block = { kind: "prose", section: ["Ports"], line: 18, text: "For the Inventory collector" };
    const condition = leadCondition(prose, l);
    expect(condition).toBe("For the Inventory collector");
    expect(summaryRows(l, condition)[0]?.conditions).toEqual(["For the Inventory collector"]);
    expect(leadCondition({ ...prose, text: "For more information, see the guide. It explains it." }, l)).toBeUndefined();
  });
});

describe("tables whose header names no column", () => {
  test("a direction label over transport | port | name rows: the body gives the roles, the label the way", () => {
    const t = table(["Inbound:", "", ""], [["TCP", "2201", "SSH"], ["TCP/UDP", "2049", "NFS"]]);
    const read = asPortTable(t)!;
    expect(read.roles).toEqual(["protocol", "port", "service"]);
    expect(read.label).toBe("Inbound");
    const rows = tableRows([t], 0, read, "doc.md", []);
    expect(rows.map((r) => [r.group, r.cells.protocol?.text, r.cells.port?.text, r.cells.service?.text])).toEqual([
      ["Inbound", "TCP", "2201", "SSH"],
      ["Inbound", "TCP/UDP", "2049", "NFS"],
    ]);
  });

  test("a name column with sentences is the purpose", () => {
    const read = asPortTable(table(["", "", ""], [["TCP", "9443", "Web console over HTTPS"], ["UDP", "161", "SNMP"]]))!;
    expect(read.roles).toEqual(["protocol", "port", "purpose"]);
    expect(read.label).toBeUndefined();
  });

  test("without both a transport and a port column, or under a header that names a column, it stays unknown", () => {
    expect(asPortTable(table(["Topic", ""], [["Cache size", "40 GB"], ["Retention", "7 days"]]))).toBeNull();
    expect(asPortTable(table(["Inbound:", "", ""], [["Console", "9443", "HTTPS"]]))).toBeNull();
    expect(asPortTable(table(["Port", "", ""], [["TCP", "22", "SSH"]]))).toBeNull();
  });

  test("a table without a protocol column takes the one transport its heading names", () => {
    const section = ["Page", "TCP port mappings for the relay"];
    const t = table(["Source port", "Destination port", "Service description"], [["7080", "7080", "Relay console"]], section);
    const [row] = tableRows([t], 0, asPortTable(t)!, "doc.md", []);
    expect(row!.headingTransport).toBe("tcp");
    const both = table(["Port", "Description"], [["53", "Name service"]], ["Page", "TCP and UDP ports"]);
    expect(tableRows([both], 0, asPortTable(both)!, "doc.md", [])[0]!.headingTransport).toBeUndefined();
  });
});
