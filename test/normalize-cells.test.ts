// Table-driven: protocol cells, endpoint cells, purpose cells and text repair.
import { describe, expect, test } from "vitest";
import { readProtocolCell, readRuleType, readServiceCell, serviceInText } from "../src/normalize/protocol.js";
import {
  readDirectionCell,
  sameEndpoint,
  splitAtKnownName,
  splitNameAndPurpose,
  splitTrailingProtocol,
  type EndpointReading,
} from "../src/normalize/endpoints.js";
import { normalizeCandidates } from "../src/normalize/index.js";
import { purposeConditions, purposeItems, readPurpose, splitInlineList } from "../src/normalize/purpose.js";
import type { CandidateRow } from "../src/extract/candidates.js";
import { readRequirement } from "../src/normalize/requirement.js";
import { applyScope, readIntro } from "../src/normalize/scope.js";
import { cleanText, splitTrailingCondition } from "../src/normalize/text.js";
import { repairMojibake } from "../src/read/mojibake.js";

describe("protocol cells", () => {
  test.each<[string, string[], string | null, boolean]>([
    ["TCP", ["tcp"], null, false],
    ["UDP", ["udp"], null, false],
    ["TCP/UDP", ["tcp", "udp"], null, false],
    ["ICMP", ["icmp"], null, false],
    ["HTTP", ["tcp"], "http", false],
    ["HTTPS", ["tcp"], "https", false],
    ["TCP/TLS", ["tcp"], "tls", false],
    ["AMQP over TCP", ["tcp"], "amqp", false],
    ["HTTP (optional)", ["tcp"], "http", true],
    ["HTTPS (optional)", ["tcp"], "https", true],
    ["SMB", ["tcp"], "smb", false],
    ["SMB 2.0/3.0", ["tcp"], "smb", false],
    ["TCP/SSH", ["tcp"], "ssh", false],
    ["TCP/Telnet", ["tcp"], "telnet", false],
    ["DNS", ["udp"], "dns", false],
    ["TCP  UDP", ["tcp", "udp"], null, false],
    ["TCP UDP", ["tcp", "udp"], null, false],
    ["HTTPS (TCP)", ["tcp"], "https", false],
    ["TCP and UDP", ["tcp", "udp"], null, false],
    ["UDP/TCP", ["udp", "tcp"], null, false],
    // qualifiers beside the name: a TLS version, "(S)" for the TLS form, a second protocol
    ["HTTP (TLS 1.2)", ["tcp"], "http", false],
    ["FTP(S)", ["tcp"], "ftp", false],
    ["JMX", ["tcp"], "jmx", false],
    ["UDP and DTLS", ["udp"], "dtls", false],
    ["ICMPv4", ["icmp"], null, false],
    ["", [], null, false],
  ])("%j → %j service %j optional %j", (cell, transports, service, optional) => {
    const r = readProtocolCell(cell);
    expect(r).toMatchObject({ transports, service, optional, unknown: [] });
  });

  test("'FTP(S)' names both forms; 'HTTP (TLS 1.2)' keeps the version with its name", () => {
    expect(readProtocolCell("FTP(S)").services).toEqual(["ftp", "ftps"]);
    expect(readProtocolCell("HTTP (TLS 1.2)").services).toEqual(["http", "tls"]);
  });

  test.each<[string, string[], string | null]>([
    ["Custom ICMP Rule", ["icmp"], null],
    ["Custom TCP Rule", ["tcp"], null],
    ["HTTPS", [], "https"],
    ["All traffic", [], null],
  ])("a rule type %j names transports %j and service %j", (text, transports, service) => {
    expect(readRuleType(text)).toEqual({ transports, service });
  });

  test.each<[string, string | null]>([
    ["HTTPS communication between the console and agents", "https"],
    ["SSH (Support access)", "ssh"],
    ["Used by the console. HTTP – web UI", "http"],
    ["Used by AMQP.", "amqp"],
    ["Administration Tool (HTTPS)", "https"],
    ["Legacy agents, redirected to HTTPS", null], // not where a protocol is named
    ["Directory lookups", null],
    ["https is used elsewhere", null], // not written as a name
  ])("a description %j names the service %j", (text, service) => {
    expect(serviceInText(text)).toBe(service);
  });

  test("unknown words are reported, not guessed", () => {
    expect(readProtocolCell("Carrier pigeon")).toMatchObject({ transports: [], service: null, unknown: ["Carrier pigeon"] });
  });

  test("spaced words split only when every word is a known name", () => {
    expect(readProtocolCell("TCP pigeon")).toMatchObject({ transports: [], unknown: ["TCP pigeon"] });
  });
});

describe("service cells", () => {
  test.each<[string, string | null, string[]]>([
    ["HTTPS", "https", []],
    ["WinRM", "winrm", []],
    // a name with more than the name keeps its words as the purpose, as a Purpose column would
    ["SMB 2.0/3.0", "smb", ["SMB 2.0/3.0"]],
    ["vCenter Server", null, ["vCenter Server"]],
    ["Kerberos, LDAP", null, ["Kerberos, LDAP"]],
    ["", null, []],
  ])("%j → service %j purpose %j", (cell, service, purpose) => {
    expect(readServiceCell(cell)).toMatchObject({ service, purpose });
  });

  test("an Application protocol cell with items: the first service, every item its purpose", () => {
    expect(readServiceCell("LDAP DC query Account resolve", ["LDAP", "DC query", "Account resolve"])).toEqual({
      service: "ldap",
      services: ["ldap"],
      purpose: ["LDAP", "DC query", "Account resolve"],
    });
  });

  test("'HTTP/HTTPS' names two services to pair with the ports", () => {
    expect(readServiceCell("HTTP/HTTPS")).toEqual({ service: "http", services: ["http", "https"], purpose: [] });
    expect(readProtocolCell("HTTP/HTTPS").services).toEqual(["http", "https"]);
  });

  test("a backslash separates transports too", () => {
    expect(readProtocolCell("TCP\\UDP")).toMatchObject({ transports: ["tcp", "udp"], unknown: [] });
  });
});

describe("required and optional columns", () => {
  test.each<[string | undefined, string | undefined, boolean | null, string[]]>([
    ["Yes", undefined, false, []],
    ["No", undefined, true, []],
    ["Optional", undefined, true, []],
    ["Conditional", undefined, true, []],
    ["✓", undefined, false, []],
    ["Only for high availability", undefined, true, ["Only for high availability"]],
    [undefined, "Yes", true, []],
    [undefined, "Optional", true, []],
    [undefined, "No", false, []],
    [undefined, "If SSO is used", true, ["If SSO is used"]],
    [undefined, undefined, null, []],
    ["", "", null, []],
  ])("required %j optional %j → optional %j", (required, optional, expected, conditions) => {
    expect(readRequirement(required, optional)).toEqual({ optional: expected, conditions });
  });
});

describe("table intro sentences", () => {
  test.each<[string, string | null, "target" | "source" | null, string | null, string | null]>([
    ["The following ports must be open on the management server:", "management server", "target", null, null],
    ["The following ports must be opened inbound on the collector.", "collector", "target", null, "inbound"],
    ["Open the following ports inbound on the reporting database server.", "reporting database server", "target", null, "inbound"],
    ["Open the following ports outbound on the gateway:", "gateway", "source", null, "outbound"],
    ["The collector listens on the following ports:", "collector", "target", null, null],
    ["The management server connects out to the following ports:", "management server", "source", null, null],
    ["The following firewall settings are required for communication between the Monitor server and the domain controllers:", "Monitor server", "target", "domain controllers", null],
    ["Review a full list of protocols and ports required for monitoring.", null, null, null, null],
    ["Tip for reading the table: on the target, allow inbound connections to local 389 TCP port.", null, null, null, null],
    ["The following firewall settings are required for communication with the Relay Hub:", "Relay Hub", "target", null, null],
  ])("%j", (sentence, host, side, peer, direction) => {
    const scope = readIntro(sentence);
    if (host === null) expect(scope).toBeNull();
    else expect(scope).toMatchObject({ host, side, peer, direction });
  });

  const reading = (direction: EndpointReading["direction"], source: string | null = null, target: string | null = null): EndpointReading => ({
    source, target, direction, conditions: [], unresolved: null,
  });
  const OPEN_ON = "The following ports must be open on the management server:";
  const BETWEEN = "The following firewall settings are required for communication between the Monitor server and the domain controllers:";

  test.each<[string, EndpointReading, string | null, string | null]>([
    [OPEN_ON, reading(null), null, "management server"],
    [OPEN_ON, reading("inbound"), null, "management server"],
    [OPEN_ON, reading("outbound"), "management server", null],
    [OPEN_ON, reading("bidirectional"), null, null],
    [OPEN_ON, reading(null, "Browser"), "Browser", "management server"],
    [OPEN_ON, reading(null, "Browser", "Console"), "Browser", "Console"],
    [BETWEEN, reading(null), null, null],
    [BETWEEN, reading("inbound"), null, "Monitor server"],
    [BETWEEN, reading("outbound"), "Monitor server", "domain controllers"],
  ])("%j fills %j to %j → %j", (intro, r, source, target) => {
    applyScope(r, undefined, intro);
    expect([r.source, r.target]).toEqual([source, target]);
  });

  test("a trailing ', when …' clause is the table's condition, not part of the name", () => {
    const intro = "The following firewall settings are required for communication between the Hub server and the remote Worker server, when it is installed on additional server(s):";
    expect(readIntro(intro)).toMatchObject({ host: "Hub server", peer: "remote Worker server", conditions: ["when it is installed on additional server(s)"] });
    const own = reading(null, "Probes", "Hub");
    applyScope(own, undefined, intro);
    expect(own.conditions).toEqual(["when it is installed on additional server(s)"]); // even for rows naming their ends
  });

  test("'communication with X': Inbound ends on X, Outbound starts from it", () => {
    const WITH = "The following firewall settings are required for communication with the Relay Hub:";
    const inbound = reading("inbound");
    applyScope(inbound, undefined, WITH);
    const outbound = reading("outbound");
    applyScope(outbound, undefined, WITH);
    expect([inbound.source, inbound.target, outbound.source, outbound.target]).toEqual([null, "Relay Hub", "Relay Hub", null]);
  });

  test("a label row's endpoints come before the intro's", () => {
    const r = reading(null);
    applyScope(r, "Agent to server", OPEN_ON);
    expect([r.source, r.target, r.direction]).toEqual(["Agent", "server", null]);
  });

  test("a label row that only says a direction gives the direction", () => {
    const r = reading(null);
    applyScope(r, "Inbound", undefined);
    expect(r.direction).toBe("inbound");
  });

  test("a label row that names no endpoint changes nothing", () => {
    const r = reading(null);
    applyScope(r, "Exchange Online", undefined);
    expect(r).toEqual(reading(null));
  });
});

describe("direction cells", () => {
  test.each<[string, string | null, string | null, string | null, string[]]>([
    ["Activity Monitor to Agent Server", "Activity Monitor", "Agent Server", null, []],
    ["Panzura filers to to Activity Agent Server", "Panzura filers", "Activity Agent Server", null, []],
    ["CEE Server to Activity Agent Server (when not same server)", "CEE Server", "Activity Agent Server", null, ["when not same server"]],
    ["From Console to Hub", "Console", "Hub", null, []],
    ["Console → Hub", "Console", "Hub", null, []],
    ["Console -> Hub", "Console", "Hub", null, []],
    ["Console <-> Hub", "Console", "Hub", "bidirectional", []],
    ["\u2194", null, null, "bidirectional", []],
    ["(in- bound)", null, null, "inbound", []],
    ["(out-bound)", null, null, "outbound", []],
    ["between Hub and Relay", "Hub", "Relay", "bidirectional", []],
    ["Inbound to Change Hub server", null, "Change Hub server", "inbound", []],
    ["Outbound from agent to Change Hub", "agent", "Change Hub", "outbound", []],
    ["Outbound from Proxy Agent", "Proxy Agent", null, "outbound", []],
    ["Inbound", null, null, "inbound", []],
    ["Outbound", null, null, "outbound", []],
    ["Bidirectional", null, null, "bidirectional", []],
    ["Both", null, null, "bidirectional", []],
    ["Inbound/Outbound", null, null, "bidirectional", []],
    ["Between Audit Console and Proxy Server", "Audit Console", "Proxy Server", "bidirectional", []],
  ])("%j", (cell, source, target, direction, conditions) => {
    expect(readDirectionCell(cell)).toEqual({ source, target, direction, conditions, unresolved: null });
  });

  test.each<[string, string | null, string | null, string[], string | undefined]>([
    ["(For versions 5.2 and later Probes using auto mode) Probes to Hub", "Probes", "Hub", ["For versions 5.2 and later Probes using auto mode"], undefined],
    // "prior to" inside the parenthesis is not the split
    ["(For upgrading from versions prior to 5.2.x Probes) Probes to Hub", "Probes", "Hub", ["For upgrading from versions prior to 5.2.x Probes"], undefined],
    ["Probes to Hub gRPC / TCP", "Probes", "Hub", [], "gRPC / TCP"],
    ["Agents to Hub HTTPS", "Agents", "Hub HTTPS", [], undefined], // a service alone may be part of a name
    ["Console (HTTPS) to Hub", "Console (HTTPS)", "Hub", [], undefined],
  ])("%j → %j to %j, conditions %j, protocol %j", (cell, source, target, conditions, protocol) => {
    const r = readDirectionCell(cell);
    expect([r.source, r.target, r.conditions, r.protocol]).toEqual([source, target, conditions, protocol]);
  });

  test.each<[string, string | null, string | null]>([
    ["Hub gRPC / TCP", "Hub", "gRPC / TCP"],
    ["Hub TCP", "Hub", "TCP"],
    ["TCP", "TCP", null],
    ["SQL Server", "SQL Server", null],
  ])("trailing protocol of %j → %j + %j", (text, name, protocol) => {
    expect(splitTrailingProtocol(text)).toEqual({ name, protocol });
  });

  test.each<[string, string[], { name: string; purpose: string } | null]>([
    ["Contoso Ferrule Hub Probe Communication", ["Ferrule Hub", "SQL Server", "Hub"], { name: "Contoso Ferrule Hub", purpose: "Probe Communication" }],
    ["Ferrule Hub Remote Console", ["Ferrule Hub"], { name: "Ferrule Hub", purpose: "Remote Console" }],
    ["Remote Console Ferrule Hub", ["Ferrule Hub"], null], // nothing after the name
    ["Unknown Appliance Traffic", ["Ferrule Hub"], null],
  ])("name and purpose of %j with known %j", (text, known, expected) => {
    expect(splitNameAndPurpose(text, known)).toEqual(expected);
  });

  test("a cell that lost its 'to' is left unresolved for the document-wide split", () => {
    expect(readDirectionCell("Dell Device CEE Server").unresolved).toBe("Dell Device CEE Server");
  });

  test.each<[string, string[], { source: string; target: string } | null]>([
    ["Dell Device CEE Server", ["CEE Server", "Activity Agent Server"], { source: "Dell Device", target: "CEE Server" }],
    ["CEE Server Dell Device", ["CEE Server"], { source: "CEE Server", target: "Dell Device" }],
    ["Hub Server Relay Server", ["Server", "Relay Server"], { source: "Hub Server", target: "Relay Server" }],
    ["Unknown Appliance", ["CEE Server"], null],
    ["CEE Server", ["CEE Server"], null],
  ])("split %j at known names %j", (text, known, expected) => {
    expect(splitAtKnownName(text, known)).toEqual(expected);
  });

  test.each<[string, string, boolean]>([
    ["Agents", "agent", true],
    ["Change Tracker Hub", "Change Tracker Hub server", true],
    ["Change Tracker Hub/Proxy Agent", "Change Tracker Proxy Agent", true],
    ["Change Tracker Hub", "Change Tracker Proxy Agent", false],
    ["Domain controllers", "DNS Server", false],
  ])("%j and %j name the same endpoint: %j", (a, b, same) => {
    expect(sameEndpoint(a, b)).toBe(same);
  });
});

describe("purpose cells", () => {
  test.each<[string[], string[]]>([
    [["LDAP  DC query  Account resolve"], ["LDAP", "DC query", "Account resolve"]],
    [["Event forwarding", "Heartbeat"], ["Event forwarding", "Heartbeat"]],
    [["SMB 2.0/3.0 Video files copy"], ["SMB 2.0/3.0", "Video files copy"]],
    [["Service Control Manager Remote Protocol (RPC) Remote registry"], ["Service Control Manager Remote Protocol (RPC)", "Remote registry"]],
    [["WMI, used for Agent Deployment"], ["WMI", "used for Agent Deployment"]],
    [["Entra ID authentication, Graph API, Office 365 API"], ["Entra ID authentication, Graph API, Office 365 API"]],
    [["Windows Management Instrumentation"], ["Windows Management Instrumentation"]],
    [["SMB 2.0/3.0"], ["SMB 2.0/3.0"]],
  ])("%j → %j", (items, expected) => {
    expect(purposeItems(items)).toEqual(expected);
  });

  test.each<[string[], string[], string[], boolean]>([
    [["WMI enabled (optional): required for Push Install"], ["WMI enabled"], ["required for Push Install"], true],
    [["WMI enabled", "Optional: required for Push Install"], ["WMI enabled"], ["required for Push Install"], true],
    [["Archive sync", "Optional."], ["Archive sync"], [], true],
    [["Status reporting. Optional."], ["Status reporting."], [], true],
    [["Beacon alerts. Only required if you want alerts kept."], ["Beacon alerts."], ["Only required if you want alerts kept"], true],
    [["Portal. Not needed if the gateway offloads TLS."], ["Portal."], ["Not needed if the gateway offloads TLS"], true],
    [["Required only for overlay networking."], [], ["Required only for overlay networking"], true],
    [["Optional, typically redirected to HTTPS"], [], ["typically redirected to HTTPS"], true],
    [["(Optional) Mail relay details"], ["Mail relay details"], [], true],
    [["Catalog callbacks (only if indexing is enabled)"], ["Catalog callbacks (only if indexing is enabled)"], ["only if indexing is enabled"], true],
    [["Required for replication. Runs nightly."], ["Required for replication. Runs nightly."], [], false],
    [["Dynamic Range 49152", "65535"], ["Dynamic Range 49152-65535"], [], false],
  ])("purpose %j → %j, conditions %j, optional %j", (items, purpose, conditions, optional) => {
    expect(readPurpose(items)).toEqual({ purpose, conditions, optional });
  });

  test.each<[string, string[] | null]>([
    ["- Remote WMI. - Read settings\\* - Run `refresh`\\*", ["Remote WMI.", "Read settings\\*", "Run `refresh`\\*"]],
    ["- Shell sessions: - 5985 - for HTTP - 5986 - for HTTPS", ["Shell sessions:", "5985 - for HTTP", "5986 - for HTTPS"]],
    ["* Remote WMI * Read settings* * Run refresh *", ["Remote WMI", "Read settings*", "Run refresh *"]],
    ["1024 - 65535", null],
    ["- only one item", null],
    ["Plain text - with a dash", null],
  ])("inline list %j → %j", (text, items) => {
    expect(splitInlineList(text)).toEqual(items);
  });

  test.each<[string, string[]]>([
    ["Catalog callbacks (only if indexing is enabled)", ["only if indexing is enabled"]],
    ["DTLS tunnel (optional)", ["optional"]],
    ["Service Control Manager Remote Protocol (RPC)", []],
    ["File and Printer Sharing (NetBIOS Name Resolution)", []],
    ["Agents (Windows & Linux)", []],
  ])("conditions closing the purpose %j: %j", (item, conditions) => {
    expect(purposeConditions([item])).toEqual(conditions);
  });
});

describe("text", () => {
  test.each<[string, string]>([
    ["â€“", "–"],
    ["Cafâ€™s rÃ©sumÃ©", "Caf’s résumé"],
    ["â€œquotedâ€\u009d", "“quoted”"],
    ["plain – text é", "plain – text é"],
    ["Â\u00a0", "\u00a0"],
    ["Â and Ã are letters", "Â and Ã are letters"],
  ])("mojibake %j → %j", (input, expected) => {
    expect(repairMojibake(input)).toBe(expected);
  });

  test.each<[string, string]>([
    ["NetApp\\*", "NetApp*"],
    ["  many   spaces\n here ", "many spaces here"],
    ["a\\_b", "a_b"],
  ])("clean %j → %j", (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  test.each<[string, string, string | null]>([
    ["Agent Server (when not same server)", "Agent Server", "when not same server"],
    ["Agents (Windows & Linux)", "Agents (Windows & Linux)", null],
  ])("trailing condition of %j", (input, text, condition) => {
    expect(splitTrailingCondition(input)).toEqual({ text, condition });
  });
});

describe("rows to flows", () => {
  const row = (cells: Record<string, string | string[]>): CandidateRow => ({
    origin: "table",
    section: ["Page"],
    line: 7,
    cells: Object.fromEntries(
      Object.entries(cells).map(([role, v]) => [role, Array.isArray(v) ? { text: v.join(" "), items: v } : { text: v, items: [v] }]),
    ),
    raw: {},
    footnotes: [],
  });
  const flowsOf = (r: CandidateRow) =>
    normalizeCandidates([r], "doc").flows.map((f) => [f.service, f.ports.map((p) => p.from).join(","), f.conditions, f.optional]);

  test("'5985 - for HTTP' in the purpose gives that port its service", () => {
    const r = row({ port: ["5985", "5986"], protocol: "TCP", purpose: ["Remote management", "5985 - for HTTP", "5986 - for HTTPS"] });
    expect(flowsOf(r)).toEqual([["http", "5985", [], false], ["https", "5986", [], false]]);
  });

  test("'HTTP/HTTPS' beside '80/443' pairs port by port; beside one port it does not pair", () => {
    expect(flowsOf(row({ port: "80/443", service: "HTTP/HTTPS" }))).toEqual([["http", "80", [], false], ["https", "443", [], false]]);
    expect(flowsOf(row({ port: "443", service: "HTTP/HTTPS" }))).toEqual([["http", "443", [], false]]);
  });

  test("an optional purpose makes the flow optional and keeps the qualifier as its condition", () => {
    expect(flowsOf(row({ port: "135", protocol: "RPC / TCP", purpose: "WMI enabled (optional): required for Push Install" }))).toEqual([
      ["rpc", "135", ["required for Push Install"], true],
    ]);
  });

  test("a direction cell holding a name and a description: the name is the end the direction says", () => {
    const rows = [
      row({ direction: "Inbound Contoso Ferrule Hub Probe Communication", port: "5841", protocol: "gRPC / TCP", purpose: "Probe traffic" }),
      { ...row({ direction: "Outbound Ferrule Hub to SQL Server", port: "1433", protocol: "TCP" }), line: 8 },
    ];
    const out = normalizeCandidates(rows, "doc");
    expect(out.flows.map((f) => [f.source, f.target, f.direction, f.purpose])).toEqual([
      [null, "Contoso Ferrule Hub", "inbound", ["Probe traffic", "Probe Communication"]],
      ["Ferrule Hub", "SQL Server", "outbound", []],
    ]);
    expect(out.diagnostics.map((d) => [d.line, d.code, d.severity])).toEqual([[7, "endpoint-name-inferred", "warning"]]);
  });

  test("a Type column gives the transport when the protocol cell names none, and the service", () => {
    const of = (r: CandidateRow) => normalizeCandidates([r], "doc").flows.map((f) => [f.protocol, f.service, f.ports.length]);
    expect(of(row({ ruleType: "Custom ICMP Rule", protocol: "IPv4", port: "Echo Request" }))).toEqual([["icmp", null, 0]]);
    expect(of(row({ ruleType: "HTTPS", protocol: "TCP", port: "443" }))).toEqual([["tcp", "https", 1]]);
  });

  test("a row with no protocol takes the service its purpose names; a row with one does not", () => {
    const of = (r: CandidateRow) => normalizeCandidates([r], "doc").flows.map((f) => [f.protocol, f.service]);
    expect(of(row({ port: "22", purpose: "SSH (Support access)" }))).toEqual([["tcp", "ssh"]]);
    expect(of(row({ port: "445", protocol: "TCP", purpose: "SMB, used for deployment" }))).toEqual([["tcp", null]]);
  });

  test("a wide range beside words saying it is allocated at random is dynamic; a narrow one is not", () => {
    const dyn = (r: CandidateRow) => normalizeCandidates([{ ...r, raw: { purpose: r.cells.purpose!.text } }], "doc").flows.map((f) => f.ports.map((p) => !!p.dynamic));
    expect(dyn(row({ port: "1024-65535", protocol: "TCP", purpose: "Randomly allocated high TCP ports" }))).toEqual([[true]]);
    expect(dyn(row({ port: "7100-7102", protocol: "TCP", purpose: "Dynamic cache sync" }))).toEqual([[false]]);
  });

  test("a protocol after the target name stands in for an empty protocol cell", () => {
    const r = row({ direction: "Probes to Hub gRPC / TCP", port: "5841" });
    expect(normalizeCandidates([r], "doc").flows.map((f) => [f.target, f.protocol, f.service])).toEqual([["Hub", "tcp", "grpc"]]);
  });
});
