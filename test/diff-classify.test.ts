// Matching and classification on hand-built flows: each kind with its impact, identity that ignores
// lines and order, before/after whose port atoms tell exactly what changed, stable fingerprints.
import { describe, expect, test } from "vitest";
import { diffFlowsDocuments } from "../src/diff/index.js";
import { parseIgnoreFile } from "../src/diff/ignore.js";
import { ChangelogSchema, type Change } from "../src/model/changelog.js";
import { CHANGE_KINDS, changeMessage } from "../src/model/changes.js";
import type { Flow } from "../src/model/flows.js";
import { flow, flowsDoc, mention } from "./diff-flow-helper.js";

/** The scorer's atoms (../shared/eval/score-changes.mjs): source | target | protocol | range. */
function atoms(f: Flow | null): Set<string> {
  if (!f) return new Set();
  const n = (s: string | null) => (s ?? "").trim().toLowerCase();
  return new Set((f.ports.length ? f.ports : [null]).map((r) => [n(f.source), n(f.target), n(f.protocol), r ? (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`) : ""].join(" | ")));
}
const minus = (a: Set<string>, b: Set<string>) => [...a].filter((x) => !b.has(x)).sort();
const delta = (c: Change) => ({ added: minus(atoms(c.after), atoms(c.before)), removed: minus(atoms(c.before), atoms(c.after)) });

// a flow that never changes keeps the document on both sides
const anchor = flow({ source: "Branch agent", target: "Relay server", ports: "443", purpose: ["Batch upload"] });
const diff = (base: Flow[], head: Flow[]) => diffFlowsDocuments(flowsDoc([anchor, ...base]), flowsDoc([anchor, ...head]), { baseLabel: "5.0", headLabel: "5.1" });
const kinds = (base: Flow[], head: Flow[]) => diff(base, head).changes.map((c) => [c.kind, c.impact, ...c.also]);

describe("one change kind per pair", () => {
  test.each([
    ["flow-added", [], [flow({ ports: "8530" })], [["flow-added", "opens"]]],
    ["flow-removed", [flow({ ports: "8530" })], [], [["flow-removed", "closes"]]],
    ["ports-added", [flow({ ports: "445" })], [flow({ ports: "139,445" })], [["ports-added", "opens"]]],
    ["ports-removed", [flow({ ports: "139,445" })], [flow({ ports: "445" })], [["ports-removed", "closes"]]],
    ["ports-changed", [flow({ ports: "514" })], [flow({ ports: "6514" })], [["ports-changed", "opens"]]],
    ["range-widened", [flow({ ports: "49152-65535" })], [flow({ ports: "1024-65535" })], [["range-widened", "opens"]]],
    ["range-narrowed", [flow({ ports: "1024-65535" })], [flow({ ports: "49152-65535" })], [["range-narrowed", "closes"]]],
    ["protocol-changed", [flow({ protocol: "udp" })], [flow({ protocol: "tcp" })], [["protocol-changed", "opens"]]],
    ["service-changed", [flow({ service: null })], [flow({ service: "smb" })], [["service-changed", "modifies"]]],
    ["endpoint-renamed", [flow({ target: "File server" })], [flow({ target: "Central file server" })], [["endpoint-renamed", "modifies"]]],
    ["direction-changed", [flow({ direction: null })], [flow({ direction: "outbound" })], [["direction-changed", "modifies"]]],
    ["condition-changed", [flow()], [flow({ conditions: ["When archiving is enabled"] })], [["condition-changed", "modifies"]]],
    ["optional-changed", [flow()], [flow({ optional: true })], [["optional-changed", "modifies"]]],
    ["purpose-changed", [flow({ purpose: ["Archive share"] })], [flow({ purpose: ["Archive copy to the file server"] })], [["purpose-changed", "cosmetic"]]],
  ] as const)("%s", (_kind, base, head, expected) => {
    expect(kinds([...base], [...head])).toEqual(expected);
  });

  // what the firewall operator reads: the rule to add or drop, with the ports as numbers
  test.each([
    [[], [flow({ ports: "8530" })], "new flow: allow TCP 8530 Relay server → File server"],
    [[flow({ ports: "8530" })], [], "flow removed: TCP 8530 Relay server → File server no longer required"],
    [[flow({ ports: "445" })], [flow({ ports: "139,445" })], "ports added: allow TCP 139 Relay server → File server (ports 445 → 139, 445)"],
    [[flow({ ports: "139,445" })], [flow({ ports: "445" })], "ports removed: TCP 139 Relay server → File server no longer required (ports 139, 445 → 445)"],
    [[flow({ ports: "514" })], [flow({ ports: "6514" })], "ports changed: allow TCP 6514 Relay server → File server; 514 no longer required (ports 514 → 6514)"],
    [[flow({ ports: "49152-65535" })], [flow({ ports: "1024-65535" })], "range widened: allow TCP 1024-49151 Relay server → File server (ports 49152-65535 → 1024-65535)"],
    [[flow({ ports: "1024-65535" })], [flow({ ports: "49152-65535" })], "range narrowed: TCP 1024-49151 Relay server → File server no longer required (ports 1024-65535 → 49152-65535)"],
    [[flow({ protocol: "udp" })], [flow({ protocol: "tcp" })], "protocol changed UDP → TCP on Relay server → File server: allow TCP 445; UDP 445 no longer required"],
    [[flow({ optional: true })], [flow()], "now required: TCP 445 Relay server → File server must be allowed (was optional)"],
    [[], [flow({ source: null, ports: "8443" })], "new flow: allow TCP 8443 (unspecified) → File server"],
  ] as const)("message: %j → %j", (base, head, message) => {
    expect(diff([...base], [...head]).changes.map((c) => c.message)).toEqual([message]);
  });

  test("a long prose sentence is cut around its port in the message, whole in the mention", () => {
    const sentence = `${"Background words. ".repeat(20)}The console listens on port 9443 for operators. ${"More words. ".repeat(20)}`;
    const [c] = diffFlowsDocuments(flowsDoc([flow()]), flowsDoc([flow()], [mention({ sentence, ports: [{ from: 9443, to: 9443 }] })])).changes;
    expect(c!.message).toMatch(/^prose now mentions port 9443 in "….*The console listens on port 9443 for operators\..*…": not in a port table, review it$/);
    expect(c!.message.length).toBeLessThan(260);
    expect(c!.afterMention!.sentence).toBe(sentence);
  });

  test("a pair that differs in several ways is one change: highest impact first, the rest in `also`", () => {
    const c = diff([flow({ ports: "445" })], [flow({ ports: "139,445", purpose: ["Archive copy"], optional: true })]).changes;
    expect(c.map((x) => [x.kind, x.impact, x.also])).toEqual([["ports-added", "opens", ["optional-changed", "purpose-changed"]]]);
    expect(c[0]!.message).toBe('ports added: allow TCP 139 Relay server → File server (ports 445 → 139, 445); also now optional; purpose "Archive share" → "Archive copy"');
  });

  test("raw cells, lines, ids and section alone are no change ('139 445' → '139, 445')", () => {
    const before = flow({ ports: "139,445", raw: { port: "139 445" }, location: { line: 5 }, section: ["A"] });
    const after = flow({ ports: "139,445", raw: { port: "139, 445" }, location: { line: 50 }, section: ["A", "B"] });
    expect(diff([before], [after]).changes).toEqual([]);
  });
});

describe("matching is by identity, never by line or position", () => {
  const rows = [flow({ ports: "443", target: "Relay server", source: "Agent" }), flow({ ports: "445" }), flow({ ports: "514", protocol: "udp", target: "Syslog" }), flow({ ports: "1024-65535", target: "Agent" })];

  test("reordered rows with new lines give no change", () => {
    const moved = [...rows].reverse().map((f, i) => ({ ...f, id: `x${i}`, location: { line: 100 + i } }));
    expect(diff(rows, moved).changes).toEqual([]);
  });

  test("two rows with the same endpoints pair by port similarity (no remove + add)", () => {
    const base = [flow({ ports: "135", purpose: ["RPC"] }), flow({ ports: "1024-65535", purpose: ["RPC"] })];
    const head = [flow({ ports: "49152-65535", purpose: ["RPC"] }), flow({ ports: "135", purpose: ["RPC"] })];
    expect(kinds(base, head)).toEqual([["range-narrowed", "closes"]]);
  });

  test("a row split in two, or two rows merged, with the same ports is no change", () => {
    const one = [flow({ ports: "135,1024-65535", purpose: ["RPC"] })];
    const two = [flow({ ports: "135", purpose: ["RPC"], location: { line: 11 } }), flow({ ports: "1024-65535", purpose: ["RPC"], location: { line: 12 } })];
    expect(diff(one, two).changes).toEqual([]);
    expect(diff(two, one).changes).toEqual([]);
    // a repeated row adds no port either
    expect(diff(one, [...one, { ...one[0]!, id: "twin", location: { line: 40 } }]).changes).toEqual([]);
  });

  test("a split that also moves ports is still classified by range arithmetic", () => {
    const one = [flow({ ports: "135,1024-65535", purpose: ["RPC"] })];
    const two = [flow({ ports: "135", purpose: ["RPC"] }), flow({ ports: "49152-65535", purpose: ["RPC"] })];
    const log = diff(one, two);
    const removed = log.changes.flatMap((c) => delta(c).removed);
    expect(removed).toContain("relay server | file server | tcp | 1024-65535");
    expect(log.changes.flatMap((c) => delta(c).added)).not.toContain("relay server | file server | tcp | 1024-65535");
  });

  test.each([
    ["a plural", "Monitored computer", "Monitored computers", "endpoint-renamed"],
    ["a qualifier added", "File server", "Central file server", "endpoint-renamed"],
    ["another kind of machine", "Audit server", "Audit client", "flow-added"],
    ["another kind of machine, most words shared", "Ledger agent host", "Ledger agent console", "flow-added"],
  ])("endpoint names: %s (%s → %s) is %s", (_what, from, to, kind) => {
    const log = diff([flow({ target: from, ports: "9004" })], [flow({ target: to, ports: "9004" })]);
    expect(log.changes.map((c) => c.kind).sort()).toEqual(kind === "endpoint-renamed" ? ["endpoint-renamed"] : ["flow-added", "flow-removed"]);
  });

  test("a renamed endpoint with other ports is not a rename: removed + added", () => {
    expect(kinds([flow({ ports: "445" })], [flow({ ports: "8080", target: "Central file server" })]).map((k) => k[0]).sort()).toEqual(["flow-added", "flow-removed"]);
  });
});

describe("before/after carry exactly the port delta (as score-changes.mjs recomputes it)", () => {
  test.each([
    ["ports-added", "445", "139,445", ["relay server | file server | tcp | 139"], []],
    ["ports-removed", "139,445", "445", [], ["relay server | file server | tcp | 139"]],
    ["range-narrowed", "1024-65535", "49152-65535", ["relay server | file server | tcp | 49152-65535"], ["relay server | file server | tcp | 1024-65535"]],
  ])("%s %s → %s", (_k, b, a, added, removed) => {
    const [c] = diff([flow({ ports: b })], [flow({ ports: a })]).changes;
    expect(delta(c!)).toEqual({ added, removed });
  });

  test("cosmetic changes add and remove no atom", () => {
    const log = diff([flow({ purpose: ["Archive share"] }), flow({ ports: "139,445", target: "B", raw: { port: "139 445" } })], [flow({ purpose: ["Share for archives"] }), flow({ ports: "139,445", target: "B", raw: { port: "139, 445" } })]);
    expect(log.changes.map((c) => c.impact)).toEqual(["cosmetic"]);
    for (const c of log.changes) expect(delta(c)).toEqual({ added: [], removed: [] });
  });

  test("details.portsAdded / portsRemoved hold the range arithmetic", () => {
    const [c] = diff([flow({ ports: "49152-65535" })], [flow({ ports: "1024-65535" })]).changes;
    expect(c!.details).toEqual({ from: null, to: null, portsAdded: [{ from: 1024, to: 49151 }], portsRemoved: [] });
  });
});

describe("documents and mentions", () => {
  test("thousands of moved documents are paired without comparing every pair", () => {
    const n = 3000;
    const at = (root: string) => flowsDoc(Array.from({ length: n }, (_, i) => flow({ document: `${root}/page-${i}.md`, ports: [{ from: 1 + i, to: 1 + i }], target: `Host ${i}` })));
    const started = performance.now();
    const log = diffFlowsDocuments(at("old"), at("new"));
    expect(log.changes).toHaveLength(n);
    expect(log.changes.every((c) => c.kind === "document-moved" && c.details.from === c.document.replace("new/", "old/"))).toBe(true);
    // pairwise it took tens of seconds; indexed it is well under one
    expect(performance.now() - started).toBeLessThan(4000);
  });

  test("a document only on one side: document change plus one change per flow", () => {
    const log = diffFlowsDocuments(flowsDoc([flow()]), flowsDoc([flow(), flow({ document: "new.md", ports: "7070" })]));
    expect(log.changes.map((c) => [c.document, c.kind, c.impact])).toEqual([
      ["new.md", "document-added", "cosmetic"],
      ["new.md", "flow-added", "opens"],
    ]);
  });

  test("same content under a new path is a move, nothing else", () => {
    const log = diffFlowsDocuments(flowsDoc([flow({ document: "old/a.md", ports: "7070" })]), flowsDoc([flow({ document: "new/a.md", ports: "7070" })]));
    expect(log.changes.map((c) => [c.kind, c.impact, c.details.from, c.details.to])).toEqual([["document-moved", "cosmetic", "old/a.md", "new/a.md"]]);
  });

  test("mentions: added, removed, and a reworded sentence with the same ports is no change", () => {
    const m = (sentence: string, port: number) => mention({ sentence, ports: [{ from: port, to: port }] });
    const log = diffFlowsDocuments(flowsDoc([flow()], [m("Port 8443 serves the console.", 8443), m("Port 9000 is for metrics.", 9000)]), flowsDoc([flow()], [m("The console listens on 8443.", 8443), m("Port 9100 is for metrics.", 9100)]));
    expect(log.changes.map((c) => [c.kind, c.impact])).toEqual([["mention-added", "modifies"], ["mention-removed", "modifies"]]);
    expect(log.changes.every((c) => c.before === null && c.after === null)).toBe(true);
  });

  test("a document that could not be read is a problem, not a removal of its flows", () => {
    const head = flowsDoc([], [], { diagnostics: [{ severity: "error", document: "page.md", line: null, code: "read-failed", message: "docs/page.md: no such file" }] });
    const log = diffFlowsDocuments(flowsDoc([flow()]), head);
    expect(log.changes).toEqual([]);
    expect(log.problems).toEqual([{ side: "head", document: "page.md", message: "docs/page.md: no such file" }]);
  });
});

describe("fingerprints, ignore rules, schema", () => {
  test("fingerprints: 12 hex, unchanged by line moves, distinct for twins", () => {
    const a = diff([flow({ ports: "445" })], [flow({ ports: "139,445", location: { line: 10 } })]).changes[0]!;
    const b = diff([flow({ ports: "445", location: { line: 99 } })], [flow({ ports: "139,445", location: { line: 3 } })]).changes[0]!;
    expect(a.fingerprint).toMatch(/^[0-9a-f]{12}$/);
    expect(b.fingerprint).toBe(a.fingerprint);
    const twins = diff([], [flow({ ports: "7070", location: { line: 1 } }), flow({ ports: "7070", location: { line: 2 } })]).changes;
    expect(new Set(twins.map((c) => c.fingerprint)).size).toBe(2);
  });

  test("ignored changes stay listed, marked, and are counted apart", () => {
    const base = [flow({ ports: "445" }), flow({ target: "Syslog", purpose: ["Audit"], ports: "514" })];
    const head = [flow({ ports: "139,445" }), flow({ target: "Syslog", purpose: ["Audit forwarding"], ports: "514" })];
    const fp = diff(base, head).changes.find((c) => c.kind === "ports-added")!.fingerprint;
    const ignore = parseIgnoreFile(`# accepted\n${fp}  # reviewed\nkind:purpose-changed document:*.md\n`);
    const log = diffFlowsDocuments(flowsDoc(base), flowsDoc(head), { ignore });
    expect(log.changes.map((c) => [c.kind, c.ignored])).toEqual([["ports-added", true], ["purpose-changed", true]]);
    expect(log.summary).toEqual({ opens: 0, closes: 0, modifies: 0, cosmetic: 0, ignored: 2 });
  });

  test("ignore file: a byte-order mark and CRLF line ends are tolerated; all terms of a line must match; '*' stays within a path segment", () => {
    const rules = parseIgnoreFile("\uFEFFdocument:legacy/** kind:flow-*\r\nimpact:cosmetic # reworded\r\ndocument:*.md kind:ports-added\r\n");
    const base = flowsDoc([flow({ document: "legacy/old/a.md", ports: "80" }), flow({ document: "b.md", ports: "81", purpose: ["Old"] }), flow({ document: "sub/c.md", ports: "82" })]);
    const head = flowsDoc([flow({ document: "legacy/old/a.md", ports: "80" }), flow({ document: "legacy/old/a.md", ports: "8080", target: "New" }), flow({ document: "b.md", ports: "81", purpose: ["New"] }), flow({ document: "sub/c.md", ports: "82,83" })]);
    const log = diffFlowsDocuments(base, head, { ignore: rules });
    expect(log.changes.map((c) => [c.document, c.kind, c.ignored])).toEqual([
      ["b.md", "purpose-changed", true],
      ["legacy/old/a.md", "flow-added", true],
      ["sub/c.md", "ports-added", false],
    ]);
  });

  test("a bad ignore line names its file and line", () => {
    expect(() => parseIgnoreFile("kind:flow-added\nfoo:bar\n", "ci/.portflowignore")).toThrow(/ci\/\.portflowignore:2: .*foo:bar/);
  });

  test("the changelog validates, and messages re-render from the stored data", () => {
    const log = diff([flow({ ports: "445" }), flow({ target: "X", ports: "1" })], [flow({ ports: "139,445", purpose: ["Files"] }), flow({ target: "Y", ports: "2" })]);
    expect(ChangelogSchema.parse(JSON.parse(JSON.stringify(log)))).toEqual(log);
    for (const c of log.changes) expect(c.message.startsWith(changeMessage(c.kind, c))).toBe(true);
  });

  test("same inputs, same bytes", () => {
    const base = [flow({ ports: "445" }), flow({ target: "Q" })];
    const head = [flow({ ports: "139,445" })];
    const run = () => JSON.stringify(diff(base, head));
    expect(run()).toBe(run());
  });

  test("every kind has an impact, a description and a message", () => {
    for (const [id, k] of Object.entries(CHANGE_KINDS)) {
      expect(["opens", "closes", "modifies", "cosmetic"], id).toContain(k.impact);
      expect(k.about.length).toBeGreaterThan(5);
    }
  });
});
