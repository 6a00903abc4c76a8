// Table-driven: protocol cells, endpoint cells, purpose cells and text repair.
import { describe, expect, test } from "vitest";
import { readProtocolCell } from "../src/normalize/protocol.js";
import { readDirectionCell, sameEndpoint, splitAtKnownName } from "../src/normalize/endpoints.js";
import { purposeItems } from "../src/normalize/purpose.js";
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
    ["", [], null, false],
  ])("%j → %j service %j optional %j", (cell, transports, service, optional) => {
    const r = readProtocolCell(cell);
    expect(r).toMatchObject({ transports, service, optional, unknown: [] });
  });

  test("unknown words are reported, not guessed", () => {
    expect(readProtocolCell("Carrier pigeon")).toMatchObject({ transports: [], service: null, unknown: ["Carrier pigeon"] });
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
    ["between Hub and Relay", "Hub", "Relay", "bidirectional", []],
    ["Inbound to Change Hub server", null, "Change Hub server", "inbound", []],
    ["Outbound from agent to Change Hub", "agent", "Change Hub", "outbound", []],
    ["Outbound from Proxy Agent", "Proxy Agent", null, "outbound", []],
    ["Inbound", null, null, "inbound", []],
    ["Outbound", null, null, "outbound", []],
    ["Bidirectional", null, null, "bidirectional", []],
  ])("%j", (cell, source, target, direction, conditions) => {
    expect(readDirectionCell(cell)).toEqual({ source, target, direction, conditions, unresolved: null });
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
