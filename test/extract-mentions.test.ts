// Table-driven: which numbers in prose are port mentions.
import { describe, expect, test } from "vitest";
import { findMentions } from "../src/extract/mentions.js";

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
