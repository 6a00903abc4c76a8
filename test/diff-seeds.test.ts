// Version pairs built from the real seed documents at test time (their text never enters the repo):
// each edit a documentation writer makes to a port table (add a port to a cell, narrow a range,
// remove a row, rename an endpoint, change the protocol, reorder rows, insert prose) is applied to
// every seed where a row fits, the pair is diffed, and the classification is asserted exactly. The
// same edit applied to the gold flows gives the expected port delta, which
// ../shared/eval/score-changes.mjs checks against the changelog. Skipped when ../shared is absent.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { diffFlowsDocuments, extractText, type Flow } from "../src/index.js";
import { stableJson } from "../src/io/json.js";

const SHARED = join(import.meta.dirname, "..", "..", "shared");
const SEEDS = join(SHARED, "seeds");
const SCORE = join(SHARED, "eval", "score-changes.mjs");
const GOLD = join(SHARED, "eval", "seeds.gold.json");
const present = existsSync(SEEDS) && existsSync(SCORE) && existsSync(GOLD);

interface GoldFlow {
  line: number;
  source: string | string[] | null;
  target: string | string[] | null;
  protocol: string;
  ports: string;
  [check: string]: unknown;
}
interface GoldDoc {
  doc: string;
  flows: GoldFlow[];
}

/** One edit: from the document's text, its extracted flows and its gold, the edited text and gold; null when no row fits. */
interface Edit {
  name: string;
  expected: (string | undefined)[][];
  apply: (seed: Seed) => { text: string; gold: GoldFlow[] } | null;
}

interface Seed {
  id: string;
  text: string;
  lines: string[];
  flows: Flow[];
  gold: GoldFlow[];
}

const seeds: Seed[] = present
  ? readdirSync(SEEDS)
      .sort()
      .map((id) => {
        const text = readFileSync(join(SEEDS, id), "utf8");
        const gold = (JSON.parse(readFileSync(GOLD, "utf8")) as { documents: GoldDoc[] }).documents.find((d) => d.doc === id)?.flows ?? [];
        return { id, text, lines: text.split("\n"), flows: extractText(text, { id }).flows, gold };
      })
  : [];

const isTableRow = (line: string | undefined) => line !== undefined && /^\s*\|.*\|\s*$/.test(line);
const flowsAt = (s: Seed, line: number) => s.flows.filter((f) => f.location.line === line);
const goldAt = (s: Seed, line: number) => s.gold.filter((g) => g.line === line);
const once = (hay: string, needle: string) => needle !== "" && hay.split(needle).length === 2;

/** The text with line `line` (1-based) replaced, or removed when `by` is null. */
function withLine(s: Seed, line: number, by: string | null): string {
  const lines = [...s.lines];
  if (by === null) lines.splice(line - 1, 1);
  else lines[line - 1] = by;
  return lines.join("\n");
}

/** The first table row holding exactly one flow (and one gold flow) for which `edit` gives something. */
function firstRow(s: Seed, edit: (f: Flow, row: string, g: GoldFlow) => { row: string | null; gold: GoldFlow[] } | null): { text: string; gold: GoldFlow[] } | null {
  for (const f of s.flows) {
    const line = f.location.line;
    const row = s.lines[line - 1];
    const golds = goldAt(s, line);
    if (!isTableRow(row) || flowsAt(s, line).length !== 1 || golds.length !== 1) continue;
    const out = edit(f, row!, golds[0]!);
    if (out) return { text: withLine(s, line, out.row), gold: out.gold };
  }
  return null;
}

const others = (s: Seed, g: GoldFlow) => s.gold.filter((x) => x !== g);
/** Is `port` already allowed between the flow's endpoints over its transport (then adding it changes no atom)? */
const covered = (s: Seed, f: Flow, port: number) =>
  s.flows.some((x) => x.source === f.source && x.target === f.target && x.protocol === f.protocol && x.ports.some((r) => r.from <= port && port <= r.to));

const EDITS: Edit[] = [
  {
    name: "a port added to a cell",
    expected: [["ports-added", "opens"]],
    apply: (s) =>
      firstRow(s, (f, row, g) => {
        const cell = f.raw.port?.trim() ?? "";
        if (!/^\d+$/.test(cell) || !once(row, `| ${cell} `) && !once(row, `|${cell}|`)) return null;
        let extra = Number(cell) + 1;
        while (covered(s, f, extra)) extra++;
        if (extra > 65535) return null;
        return { row: row.replace(new RegExp(`\\|(\\s*)${cell}(\\s*)\\|`), `|$1${cell}, ${extra}$2|`), gold: [...others(s, g), { ...g, ports: `${g.ports},${extra}` }] };
      }),
  },
  {
    name: "a range narrowed",
    expected: [["range-narrowed", "closes"]],
    apply: (s) =>
      firstRow(s, (f, row, g) => {
        const wide = f.ports.find((r) => r.to - r.from >= 1000);
        const cell = f.raw.port ?? "";
        if (!wide || !once(row, cell) || !new RegExp(`\\b${wide.from}\\b`).test(cell) || !g.ports.includes(`${wide.from}-${wide.to}`)) return null;
        const from = wide.from + Math.floor((wide.to - wide.from) / 2);
        return { row: row.replace(cell, cell.replace(new RegExp(`\\b${wide.from}\\b`), String(from))), gold: [...others(s, g), { ...g, ports: g.ports.replace(`${wide.from}-${wide.to}`, `${from}-${wide.to}`) }] };
      }),
  },
  {
    name: "a row removed",
    expected: [["flow-removed", "closes"]],
    apply: (s) => firstRow(s, (_f, _row, g) => ({ row: null, gold: others(s, g) })),
  },
  {
    name: "an endpoint renamed",
    expected: [["endpoint-renamed", "modifies"]],
    apply: (s) =>
      firstRow(s, (f, row, g) => {
        // the target as its own cell, or at the end of a "A to B" cell
        const cell = f.raw.target ?? f.raw.direction ?? "";
        if (!f.target || typeof g.target !== "string" || !cell.trim().endsWith(f.target) || !once(row, cell)) return null;
        const renamed = cell.replace(new RegExp(`${f.target.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\s*)$`), `Primary ${f.target}$1`);
        return { row: row.replace(cell, renamed), gold: [...others(s, g), { ...g, target: `Primary ${g.target}` }] };
      }),
  },
  {
    name: "the protocol changed",
    expected: [["protocol-changed", "opens"]],
    apply: (s) =>
      firstRow(s, (f, row, g) => {
        if (f.raw.protocol?.trim() !== "TCP" || f.service !== null || f.ports.length === 0 || !once(row, "| TCP ")) return null;
        return { row: row.replace("| TCP ", "| UDP "), gold: [...others(s, g), { ...g, protocol: "udp" }] };
      }),
  },
  {
    name: "table rows reordered",
    expected: [],
    apply: (s) => {
      // reverse every run of table body rows (after the header and its separator)
      const lines = [...s.lines];
      let changed = false;
      for (let i = 0; i < lines.length; i++) {
        if (!isTableRow(lines[i]) || !/^\s*\|[\s:|-]+\|\s*$/.test(lines[i]!)) continue;
        let end = i + 1;
        while (isTableRow(lines[end])) end++;
        if (end - (i + 1) > 1) {
          lines.splice(i + 1, end - (i + 1), ...lines.slice(i + 1, end).reverse());
          changed = true;
        }
        i = end;
      }
      return changed ? { text: lines.join("\n"), gold: s.gold } : null;
    },
  },
  {
    name: "prose inserted above the tables",
    expected: [],
    apply: (s) => {
      const at = s.flows.length ? Math.min(...s.flows.map((f) => f.location.line)) - 1 : -1;
      // before the paragraph that precedes the first flow: a blank line above it
      const blank = s.lines.slice(0, at).lastIndexOf("");
      if (blank < 0) return null;
      const lines = [...s.lines];
      lines.splice(blank, 0, "", "This paragraph was added in a later revision and changes no requirement.", "It spans two lines.");
      return { text: lines.join("\n"), gold: s.gold };
    },
  },
];

/** The edited pair diffed as one document, as `portflow diff a/doc b/doc` does. */
function diffPair(s: Seed, head: string) {
  return diffFlowsDocuments(extractText(s.text, { id: s.id }), extractText(head, { id: s.id }), { baseLabel: "base", headLabel: "head" });
}

/** score-changes.mjs on the changelog, with the gold before and after the edit as two gold documents. */
function score(s: Seed, log: unknown, headGold: GoldFlow[]): string {
  const dir = mkdtempSync(join(tmpdir(), "portflow-seed-diff-"));
  writeFileSync(join(dir, "changelog.json"), stableJson(log));
  writeFileSync(join(dir, "gold.json"), JSON.stringify({ documents: [{ doc: `base/${s.id}`, flows: s.gold }, { doc: `head/${s.id}`, flows: headGold }] }));
  try {
    return execFileSync(process.execPath, [SCORE, join(dir, "changelog.json"), "--gold", join(dir, "gold.json"), "--base", `base/${s.id}`, "--head", `head/${s.id}`], { encoding: "utf8" });
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? e);
  }
}

describe.skipIf(!present)("seed documents, edited the way documentation changes", () => {
  test.each(EDITS.map((e) => [e.name, e] as const))("%s: exact classification and port delta", (_name, edit) => {
    let applied = 0;
    for (const s of seeds) {
      const out = edit.apply(s);
      if (!out) continue;
      applied++;
      expect(out.text, s.id).not.toBe(s.text);
      const log = diffPair(s, out.text);
      expect(log.changes.map((c) => [c.kind, c.impact, ...c.also]), s.id).toEqual(edit.expected);
      expect(score(s, log, out.gold), s.id).toMatch(/: exact$/m);
    }
    expect(applied).toBeGreaterThan(0);
  });

  test("a prose sentence naming a new port is a mention, with no port atom", () => {
    let applied = 0;
    for (const s of seeds) {
      const first = Math.min(...s.flows.map((f) => f.location.line));
      const blank = s.lines.slice(0, first - 1).lastIndexOf("");
      if (blank < 0) continue;
      applied++;
      const lines = [...s.lines];
      lines.splice(blank, 0, "", "Administrators can also reach the maintenance console on port 47001.");
      const log = diffPair(s, lines.join("\n"));
      expect(log.changes.map((c) => [c.kind, c.impact]), s.id).toEqual([["mention-added", "modifies"]]);
      expect(score(s, log, s.gold), s.id).toMatch(/: exact$/m);
    }
    expect(applied).toBeGreaterThan(0);
  });
});
