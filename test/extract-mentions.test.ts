// Table-driven: which numbers in prose are port mentions.
import { describe, expect, test } from "vitest";
import { findMentions, joinRangeEnds } from "../src/extract/mentions.js";

const ports = (text: string) =>
  findMentions(text, 1, "doc.md", ["Doc"]).map((m) => m.ports.map((p) => (p.from === p.to ? `${p.from}` : `${p.from}-${p.to}`)).join(","));

describe("prose port mentions", () => {
  test.each<[string, string[]]>([
    ["the 135, 9004, 9699, 9011, and one dynamic port will be opened automatically for inbound connections.", ["135,9004,9011,9699"]],
    ["Agents can connect using custom ports (e.g. HTTPS, port 8443), set in the agent file.", ["8443"]],
    ["Allow outbound connections from the dynamic (1024 - 65535) local port on the server.", ["1024-65535"]],
    ["SSH (port 22) is recommended over Telnet (port 23) for security reasons.", ["22,23"]],
    ["allow inbound connections to local 9004 TCP port.", ["9004"]],
    ["Open UDP 161 on each switch.", ["161"]],
    ["Step 3 – open the Ports page.", []],
    ["Install Windows Server 2016 before you open the port.", []],
    ["Ports changed in version 10.8 of the product.", []],
    ["Connect to 10.0.0.1 on the default port.", []],
    ["Since 2024-03-01 the port list is shorter.", []],
    ["The port list holds 30 entries and 5 users.", []],
    ["Port numbers are listed below.", []],
    ["Nothing about networking here: 443 apples.", []],
  ])("%j → %j", (text, expected) => {
    expect(ports(text)).toEqual(expected);
  });

  test("a sentence's line is counted from the block's first line", () => {
    const text = "First sentence without numbers.\nSecond line opens\nport 8080 for the console.";
    const [m] = findMentions(text, 10, "doc.md", ["Doc"]);
    expect(m).toMatchObject({ line: 11, sentence: "Second line opens port 8080 for the console.", ports: [{ from: 8080, to: 8080 }] });
  });
});

describe("port mentions that read as ports", () => {
  test.each<[string, string]>([
    ["Replies to branch printers use the dynamic range (49152 - 65535).", "49152-65535"],
    ["Replies use the dynamic port range 49152–65535.", "49152-65535"],
    ["Linux hosts answer from the ephemeral range 32768-60999.", "32768-60999"],
    ["The console is reached on TCP 443.", "443"],
    ["Allow ports 80 and 443 from the proxy.", "80,443"],
    ["Open port 8443/tcp on the hub.", "8443"],
    ["Traps arrive on UDP/161 and UDP/162.", "161,162"],
    ["The broker uses 5671/TCP.", "5671"],
    ["Allow tcp:9100 from the print server.", "9100"],
    ["The proxy forwards ports 80/443 to the cluster.", "80,443"],
    ["NFS clients connect to port 2049.", "2049"],
    ["Windows uses TCP 1999 for the tunnel.", "1999"],
    ["The service listens on 8200 by default.", "8200"],
    ["The agent is listening on 7443 and 7444.", "7443,7444"],
    ["Open TCP ports 135, 137-139 and 445 on each target.", "135,137-139,445"],
    ["Allow TCP ports 1024 through 65535 from the server.", "1024-65535"],
    ["Open port 9000 to 9010 for the workers.", "9000-9010"],
    ["The SNMP agent answers on SNMP 161 by default, like any port scanner expects.", "161"],
    ["PostgreSQL 5432 must be reachable; it is the database port.", "5432"],
    ["Open port #8080 for the UI.", "8080"],
    ["Port 443 may be blocked by the proxy.", "443"],
    ["FTP needs ports 20/21 and WinRM ports 5985/5986.", "20,21,5985,5986"],
    ["Communication occurs over port 443 (HTTPS) and 80 (HTTP).", "80,443"],
  ])("%j → %s", (text, expected) => {
    expect(ports(text)).toEqual([expected]);
  });
});

describe("numbers near a port word that are not ports", () => {
  test.each<[string, string]>([
    ["versions", "Port handling changed in 10.8 and again in v4.2.1 of the agent."],
    ["a version after a product name", "Java 17 or later must be installed before the port is opened."],
    ["a protocol version", "The port only accepts TLS 1.2 and SMB 3 clients."],
    ["dates", "The port moved on 5 March 2031, see the notice of March 5."],
    ["numeric dates", "The port list was updated on 03/14/2031 and 2031-03-14."],
    ["IP addresses", "Point the agent at 192.168.10.20 and the default port."],
    ["an address with its port", "Browse to hub.example.invalid:8443 once the port is open."],
    ["a step", "In step 3 you open the port."],
    ["Windows Server", "On Windows Server 2016 the port rule is created automatically."],
    ["KB numbers", "See KB 2915 and KB4012345 for the port fix."],
    ["an RFC", "Addresses from RFC 1918 ranges may use the port."],
    ["sizes", "The port buffer is 512 MB and logs grow by 64-bit counters."],
    ["times", "The port is closed at 10:30 and reopened at 6 pm daily."],
    ["durations", "The port stays open for 30 seconds, 5 minutes or 2 hours."],
    ["list numbering", "1) Open the port on the firewall."],
    ["list numbering in parentheses", "(2) Close the port afterwards."],
    ["prices", "A port licence costs $250 or 199 USD per year."],
    ["chapter references", "Chapter 5 explains each port in detail."],
    ["a count of ports", "The agent needs 3 ports and 2 additional TCP ports for clustering."],
    ["a count of connections", "Each port accepts 50 connections and 10 sessions."],
    ["a count of people or machines", "The port must be open for 2 admins and 12 workstations."],
    ["a line reference", "The default port is set in config.yml line 12."],
    ["error and event codes", "Error code 10060 or event ID 4625 means the port is closed."],
    ["a year", "Since 2019 the port is configurable."],
    ["percentages", "Keep port utilisation under 80% at all times."],
    ["model numbers", "Appliances from series 5000 expose a management port."],
    ["a phone number", "Call 555-0142 if the port stays closed."],
    ["ordinals", "The 3rd port in the list is for replication."],
    ["HTTP version", "The port speaks HTTP/2 only."],
    ["days of a trial", "A 30-day trial opens the port too."],
    ["a browser version", "For Internet Explorer 11, the router inserts the port into the site list."],
    ["a product brand number", "Review the ports required for the auditor for Microsoft 365 and Dynamics 365."],
  ])("%s", (_name, text) => {
    expect(ports(text)).toEqual([]);
  });
});

describe("product names before a number", () => {
  test.each<[string, string]>([
    // "port" right before the number wins over the product word
    ["The Explorer port 8080 must be open.", "8080"],
    // only a space makes the number the product's: "Microsoft (135)" names a port
    ["RPC endpoint mapper for Microsoft (135) needs a port rule.", "135"],
    ["On Windows 11 agents the console needs TCP 9443.", "9443"],
  ])("%j → %s", (text, expected) => {
    expect(ports(text)).toEqual([expected]);
  });
});

describe("a range written as its start and its end", () => {
  test.each<[string, string]>([
    ["The default dynamic range is start port: 49152, end port: 65535.", "49152-65535"],
    ["It runs from start port 1025 to end port 5000.", "1025-5000"],
    ["Start port: 49152\nEnd port: 65535", "49152-65535"],
    // an end below the start is no range: both numbers stay
    ["Start port: 9000, end port: 8000.", "8000,9000"],
  ])("%j → %s", (text, expected) => {
    expect(ports(text)).toEqual([expected]);
  });

  const item = (text: string, line: number, section = ["Doc", "Dynamic Port Range"]) => findMentions(text, line, "doc.md", section);

  test("'Start port: 49152' and 'End port: 65535' on neighbouring items are one mention of the range", () => {
    const joined = joinRangeEnds([...item("Start port: 49152", 16), ...item("End port: 65535", 17), ...item("Start port: 1025", 21), ...item("End port: 5000", 22)]);
    expect(joined.map((m) => [m.line, m.sentence, m.ports])).toEqual([
      [16, "Start port: 49152 End port: 65535", [{ from: 49152, to: 65535 }]],
      [21, "Start port: 1025 End port: 5000", [{ from: 1025, to: 5000 }]],
    ]);
  });

  test("ends far apart, in other sections, or in the wrong order stay apart", () => {
    const cases = [
      [...item("Start port: 49152", 16), ...item("End port: 65535", 30)],
      [...item("Start port: 49152", 16), ...item("End port: 65535", 17, ["Doc", "Other"])],
      [...item("End port: 65535", 16), ...item("Start port: 49152", 17)],
      [...item("Start port: 49152", 16), ...item("Open port 65535 too.", 17)],
    ];
    for (const mentions of cases) expect(joinRangeEnds(mentions)).toEqual(mentions);
  });
});

describe("numbers written with a leading zero", () => {
  test("\"order: 09\" and \"0443\" are no ports; the 443 beside them is", () => {
    expect(ports(":order: 09 and port 0443, but port 443 is open")).toEqual(["443"]);
  });
});
