// The library API downstream tools use: text or paths in, a validated flows document out.
import { describe, expect, test } from "vitest";
import { extractText, FlowsDocumentSchema } from "../src/index.js";

const PAGE = `# Relay Ports

| Port | Protocol | Source | Target | Purpose |
| --- | --- | --- | --- | --- |
| 8443 | TCP | Relay | Hub | Uplink |
| 8443 | TCP | Relay | Hub | Uplink |
`;

describe("extractText", () => {
  test("returns a document valid against the schema, with stable ids", () => {
    const a = extractText(PAGE, { id: "relay.md" });
    const b = extractText(PAGE, { id: "relay.md" });
    expect(FlowsDocumentSchema.parse(a)).toEqual(a);
    expect(a.flows.map((f) => f.id)).toEqual(b.flows.map((f) => f.id));
    expect(a.flows).toHaveLength(2);
    expect(new Set(a.flows.map((f) => f.id)).size).toBe(2); // identical rows still get distinct ids
    expect(a.flows[0]).toMatchObject({ document: "relay.md", source: "Relay", target: "Hub", protocol: "tcp", ports: [{ from: 8443, to: 8443 }], location: { line: 5 } });
  });

  test("the id changes with the row content and not with the row's line", () => {
    const moved = extractText(`Intro paragraph.\n\n${PAGE}`, { id: "relay.md" });
    const changed = extractText(PAGE.replace("| 8443 | TCP | Relay | Hub | Uplink |\n|", "| 9443 | TCP | Relay | Hub | Uplink |\n|"), { id: "relay.md" });
    const original = extractText(PAGE, { id: "relay.md" });
    expect(moved.flows.map((f) => f.id)).toEqual(original.flows.map((f) => f.id));
    expect(moved.flows[0]!.location.line).toBe(7);
    expect(changed.flows[0]!.id).not.toBe(original.flows[0]!.id);
  });

  test("the format can be forced", () => {
    expect(extractText("plain words", { id: "a.txt", format: "markdown" }).documents[0]!.format).toBe("markdown");
  });
});

describe("mentions across list items", () => {
  test("'Start port' and 'End port' items make one range", () => {
    const doc = extractText("# Relay\n\nConfigure the RPC range on the relay:\n\n- Start port: 49152\n- End port: 65535\n", { id: "relay.md" });
    expect(doc.mentions.map((m) => [m.line, m.ports])).toEqual([[5, [{ from: 49152, to: 65535 }]]]);
    expect(doc.flows).toEqual([]);
  });
});
