// Table-driven: every messy port-cell shape the issues name, read by the rule registry.
import { describe, expect, test } from "vitest";
import { readPortCell } from "../src/normalize/ports/index.js";

type Expected = {
  ports: string;
  rule: string;
  protocol?: string | null;
  service?: string | null;
  conditions?: string[];
  dynamic?: string;
  assumed?: boolean;
};

/** "135,1024-65535" style text of every segment's ports, segments separated by " | " */
function portsText(cell: ReturnType<typeof readPortCell>): string {
  return cell.segments.map((s) => s.ports.map((p) => (p.from === p.to ? `${p.from}` : `${p.from}-${p.to}`)).join(",")).join(" | ");
}

describe("port cells", () => {
  test.each<[string, Expected]>([
    ["139 445", { ports: "139,445", rule: "number-list" }],
    ["80,443", { ports: "80,443", rule: "number-list" }],
    ["135, 139", { ports: "135,139", rule: "number-list" }],
    ["137 through 139", { ports: "137-139", rule: "number-list" }],
    ["1024-65535", { ports: "1024-65535", rule: "number-list", dynamic: "" }],
    ["1024 -65535", { ports: "1024-65535", rule: "number-list" }],
    ["1024 – 65535", { ports: "1024-65535", rule: "number-list" }],
    ["1024 to 65535", { ports: "1024-65535", rule: "number-list" }],
    ["Dynamic: 1024 -65535", { ports: "1024-65535", rule: "number-list", dynamic: "1024-65535" }],
    ["135  + Dynamic:  1024 -65535", { ports: "135,1024-65535", rule: "number-list", dynamic: "1024-65535" }],
    ["135, 139 Dynamic Range (49152-65535)", { ports: "135,139,49152-65535", rule: "number-list", dynamic: "49152-65535" }],
    ["RPC Dynamic Range", { ports: "49152-65535", rule: "dynamic-range-in-words", dynamic: "49152-65535", assumed: true }],
    ["Ephemeral", { ports: "49152-65535", rule: "dynamic-range-in-words", dynamic: "49152-65535", assumed: true }],
    ["TCP 12228", { ports: "12228", rule: "number-list", protocol: "tcp" }],
    ["53/udp", { ports: "53", rule: "number-list", protocol: "udp" }],
    ["TCP 443, UDP 53", { ports: "443 | 53", rule: "number-list" }],
    ["For Managed Service Providers: 443", { ports: "443", rule: "condition-prefix>number-list", conditions: ["For Managed Service Providers"] }],
    ["- 80 for http - 443 for https", { ports: "80 | 443", rule: "listed-items" }],
    ["443 (HTTPS) or Custom", { ports: "443", rule: "or-custom>number-list", service: "https", conditions: ["a custom port may be used"] }],
    ["22 (SSH)", { ports: "22", rule: "number-list", service: "ssh" }],
    ["443 (TCP)", { ports: "443", rule: "number-list", protocol: "tcp" }],
    ["49152-65535 (dynamic)", { ports: "49152-65535", rule: "number-list", dynamic: "49152-65535" }],
    ["5985 (HTTP) / 5986 (HTTPS)", { ports: "5985 | 5986", rule: "number-list", service: "http" }],
    ["1024 - 65535, 8000 - 9000", { ports: "1024-65535,8000-9000", rule: "number-list" }],
    // transport before or after the numbers, or both transports at once
    ["443/TCP", { ports: "443", rule: "number-list", protocol: "tcp" }],
    ["TCP/8443", { ports: "8443", rule: "number-list", protocol: "tcp" }],
    ["8080/tcp", { ports: "8080", rule: "number-list", protocol: "tcp" }],
    ["UDP 161, 162", { ports: "161,162", rule: "number-list", protocol: "udp" }],
    ["TCP: 80, 443; UDP: 53", { ports: "80,443 | 53", rule: "number-list", protocol: "tcp" }],
    ["80, 443 TCP", { ports: "80,443", rule: "number-list", protocol: "tcp" }],
    ["80 TCP, 53 UDP", { ports: "80 | 53", rule: "number-list", protocol: "tcp" }],
    ["TCP/UDP 53", { ports: "53 | 53", rule: "number-list", protocol: "tcp" }],
    ["53 TCP/UDP", { ports: "53 | 53", rule: "number-list", protocol: "tcp" }],
    ["TCP and UDP 88", { ports: "88 | 88", rule: "number-list", protocol: "tcp" }],
    ["80/443", { ports: "80,443", rule: "number-list", protocol: null }],
    ["49152–65535", { ports: "49152-65535", rule: "number-list", dynamic: "" }],
    ["27000-27009", { ports: "27000-27009", rule: "number-list" }],
    ["135, 445, 49152-65535", { ports: "135,445,49152-65535", rule: "number-list", dynamic: "" }],
    ["443 (default)", { ports: "443", rule: "number-list", conditions: [] }],
    // a service named before the numbers it qualifies
    ["HTTPS 443", { ports: "443", rule: "number-list", service: "https" }],
    ["HTTP 80, HTTPS 443", { ports: "80 | 443", rule: "number-list", service: "http" }],
    ["443 (HTTPS), 80 (HTTP)", { ports: "443 | 80", rule: "number-list", service: "https" }],
    // thousands separators, never a list
    ["1,024 - 65,535", { ports: "1024-65535", rule: "thousands-separator>number-list" }],
    ["10,000", { ports: "10000", rule: "thousands-separator>number-list" }],
    ["1,433", { ports: "1433", rule: "thousands-separator>number-list" }],
    ["22,443", { ports: "22,443", rule: "number-list" }],
    ["80,443", { ports: "80,443", rule: "number-list" }],
    // open-ended ranges run to 65535
    ["1024+", { ports: "1024-65535", rule: "open-ended-range>number-list" }],
    [">1023", { ports: "1024-65535", rule: "open-ended-range>number-list" }],
    [">= 1024", { ports: "1024-65535", rule: "open-ended-range>number-list" }],
    ["1024 and above", { ports: "1024-65535", rule: "open-ended-range>number-list" }],
    ["above 1023", { ports: "1024-65535", rule: "open-ended-range>number-list" }],
    ["1,024+", { ports: "1024-65535", rule: "thousands-separator>open-ended-range>number-list" }],
    // a trailing parenthesis that says when, not which
    ["49152 to 65535 (for Windows Server 2008 and later)", { ports: "49152-65535", rule: "trailing-condition>number-list", conditions: ["for Windows Server 2008 and later"] }],
    ["1025 to 5000 (Windows 2003)", { ports: "1025-5000", rule: "trailing-condition>number-list", conditions: ["Windows 2003"] }],
    ["8443 (configurable)", { ports: "8443", rule: "configurable>number-list", conditions: ["a custom port may be used"] }],
    ["Configurable (default 8443)", { ports: "8443", rule: "configurable>number-list", conditions: ["a custom port may be used"] }],
    ["Random port range 1024-65535", { ports: "1024-65535", rule: "number-list", dynamic: "1024-65535" }],
    ["Randomly allocated high TCP ports", { ports: "49152-65535", rule: "dynamic-range-in-words", dynamic: "49152-65535", assumed: true }],
    // an alternative port under its own condition
    ["443 (or 8443 if behind a proxy)", { ports: "443 | 8443", rule: "alternative-port", conditions: [] }],
    // words glued to the transport or the number, and ranges written in words
    ["Target-TCP 443", { ports: "443", rule: "number-list", protocol: "tcp" }],
    ["Target-TCP3389", { ports: "3389", rule: "number-list", protocol: "tcp" }],
    ["Random port number between 49152 and 65535", { ports: "49152-65535", rule: "number-list", dynamic: "49152-65535" }],
    ["random port number between 49152 - 65535", { ports: "49152-65535", rule: "number-list", dynamic: "49152-65535" }],
    ["1024-65535 RPC, randomly allocated high ports", { ports: "1024-65535", rule: "number-list", service: "rpc", dynamic: "1024-65535" }],
    // a service after the transport, with a word that only qualifies it
    ["443/TCP (HTTPS)", { ports: "443", rule: "number-list", protocol: "tcp", service: "https" }],
    ["993/TCP (secure IMAP)", { ports: "993", rule: "number-list", protocol: "tcp", service: "imaps" }],
    ["587/TCP (authenticated SMTP)", { ports: "587", rule: "number-list", protocol: "tcp", service: "smtp" }],
    // a note in words after the numbers: a condition, not noise
    ["3343 (This port is required during a node join operation.)", { ports: "3343", rule: "trailing-note>number-list", conditions: ["This port is required during a node join operation"] }],
    ["TCP 4494 (configurable within the Audit console)", { ports: "4494", rule: "configurable>number-list", conditions: ["a custom port may be used"] }],
    // Windows firewall port keywords
    ["RPC", { ports: "49152-65535", rule: "dynamic-range-in-words", dynamic: "49152-65535", assumed: true }],
    ["RPCEPMap", { ports: "135", rule: "endpoint-mapper-in-words", service: "rpc", assumed: true }],
  ])("%j", (cell, expected) => {
    const result = readPortCell(cell);
    expect(portsText(result)).toBe(expected.ports);
    expect(result.rule).toBe(expected.rule);
    expect(result.issues.filter((i) => i.code !== "port-range-assumed")).toEqual([]);
    const first = result.segments[0]!;
    if ("protocol" in expected) expect(first.protocol).toBe(expected.protocol);
    if ("service" in expected) expect(first.service).toBe(expected.service);
    if (expected.conditions) expect(first.conditions).toEqual(expected.conditions);
    if (expected.dynamic !== undefined) {
      const dyn = result.segments.flatMap((s) => s.ports.filter((p) => p.dynamic)).map((p) => `${p.from}-${p.to}`);
      expect(dyn.join(",")).toBe(expected.dynamic);
    }
    if (expected.assumed) expect(first.ports[0]!.assumed).toBe(true);
    else expect(result.segments.flatMap((s) => s.ports).some((p) => p.assumed)).toBe(false);
  });

  test.each<[string, [string, string | null, string | null, string[]][]]>([
    // "(for HTTP)" names the port's service; it is no condition
    ["5985 (for HTTP) 5986 (for HTTPS)", [["5985", null, "http", []], ["5986", null, "https", []]]],
    // a service word before a hyphenated one qualifies only until a nearer one does
    ["Target-Default WinRM ports-HTTP:5985; HTTPS:5986", [["5985", null, "http", []], ["5986", null, "https", []]]],
    ["143/TCP (IMAP), 993/TCP (secure IMAP)", [["143", "tcp", "imap", []], ["993", "tcp", "imaps", []]]],
    // the same number on two transports shares the service named after the second
    ["53/UDP,53/TCP (DNS)", [["53", "udp", "dns", []], ["53", "tcp", "dns", []]]],
  ])("%j reads port by port", (cell, expected) => {
    const result = readPortCell(cell);
    expect(result.issues).toEqual([]);
    expect(result.segments.map((s) => [portsText({ ...result, segments: [s] }), s.protocol, s.service, s.conditions])).toEqual(expected);
  });

  test.each<string>(["443 (HTTPS and API)", "1024 to 65535 (for HTTPS)"])("%j is not read as a note", (cell) => {
    expect(readPortCell(cell).rule).not.toContain("trailing-note");
  });

  test("each item of '- 80 for http - 443 for https' keeps its own service", () => {
    const result = readPortCell("- 80 for http - 443 for https");
    expect(result.segments.map((s) => [s.ports[0]!.from, s.service])).toEqual([[80, "http"], [443, "https"]]);
  });

  test("the alternative port carries the condition, the main port none", () => {
    const result = readPortCell("443 (or 8443 if behind a proxy)");
    expect(result.segments.map((s) => [portsText({ ...result, segments: [s] }), s.conditions])).toEqual([
      ["443", []],
      ["8443", ["if behind a proxy"]],
    ]);
  });

  test.each<[string[], string, string]>([
    // a connector item joins the numbers after it; alike items make one segment
    [["135", "and dynamic range:", "1024 -65535"], "135,1024-65535", "1024-65535"],
    [["135", "Dynamic:", "1024-65535"], "135,1024-65535", "1024-65535"],
    // the dash of a range read as a list bullet
    [["Dynamic Range 49152", "65535"], "49152-65535", "49152-65535"],
    [["1024 -", "65535"], "1024-65535", ""],
    // two numbers are two ports, not a range
    [["5985", "5986"], "5985,5986", ""],
    [["Range 5000", "4000"], "5000,4000", ""],
  ])("items %j read as one cell: %s", (items, ports, dynamic) => {
    const result = readPortCell(items.join(" "), items);
    expect(portsText(result)).toBe(ports);
    expect(result.issues).toEqual([]);
    const dyn = result.segments.flatMap((s) => s.ports.filter((p) => p.dynamic)).map((p) => `${p.from}-${p.to}`);
    expect(dyn.join(",")).toBe(dynamic);
  });

  test("items separated by the source (<br>, <li>) are read one by one", () => {
    const result = readPortCell("80 for http 443 for https", ["80 for http", "443 for https"]);
    expect(result.segments.map((s) => s.service)).toEqual(["http", "https"]);
  });

  test.each<[string, [string | null, string][]]>([
    ["TCP/UDP 53", [["tcp", "53"], ["udp", "53"]]],
    ["53 TCP/UDP", [["tcp", "53"], ["udp", "53"]]],
    ["80 TCP, 53 UDP", [["tcp", "80"], ["udp", "53"]]],
    ["TCP 80 UDP 53", [["tcp", "80"], ["udp", "53"]]],
    ["TCP: 80, 443; UDP: 53", [["tcp", "80,443"], ["udp", "53"]]],
    ["UDP/TCP: 389", [["udp", "389"], ["tcp", "389"]]],
  ])("%j puts each number under its own transport(s)", (cell, expected) => {
    expect(readPortCell(cell).segments.map((s) => [s.protocol, portsText({ ...readPortCell(cell), segments: [s] })])).toEqual(expected);
  });

  test("a service named before a list qualifies every number after it", () => {
    expect(readPortCell("HTTPS 443, 8443").segments.map((s) => [s.service, s.ports.length])).toEqual([["https", 2]]);
  });

  test.each([["Predefined"], ["Any"], ["All"], ["Configurable"]])("%j names ports in words only", (cell) => {
    const result = readPortCell(cell);
    expect(result).toMatchObject({ segments: [], wordsOnly: true, empty: false, rule: "words-only" });
  });

  test.each([["–"], ["-"], ["—"], ["N/A"], [""], ["  "], ["n/a"]])("%j gives no port", (cell) => {
    expect(readPortCell(cell)).toMatchObject({ segments: [], empty: true, rule: "no-port" });
  });

  test.each<[string, string, string]>([
    ["70000", "port-out-of-range", ""],
    ["0", "port-out-of-range", ""],
    ["443, 99999", "port-out-of-range", "443"],
    ["443 maybe", "port-unparsed", "443"],
    ["10.2", "port-unparsed", ""],
    ["65535-1024", "port-unparsed", "1024-65535"],
    ["80,000", "port-out-of-range", ""],
  ])("%j is reported as %s and keeps %j", (cell, code, kept) => {
    const result = readPortCell(cell);
    expect(result.issues.map((i) => i.code)).toContain(code);
    expect(portsText(result)).toBe(kept);
  });
});
