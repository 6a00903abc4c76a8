// Port-set arithmetic: what decides "ports added" versus "range widened", and never remove + add
// for a superset.
import { describe, expect, test } from "vitest";
import { comparePorts, intersect, normalizeSet, subtract, union } from "../src/diff/ranges.js";
import { parsePorts } from "./diff-flow-helper.js";

const p = parsePorts;

describe("set operations", () => {
  test.each([
    ["union merges overlaps and neighbours", union(p("1-10"), p("5-20,21,30")), p("1-21,30")],
    ["subtract cuts a hole", subtract(p("1024-65535"), p("49152-65535")), p("1024-49151")],
    ["subtract splits a range", subtract(p("1-100"), p("10,20-29")), p("1-9,11-19,30-100")],
    ["subtract of a superset is empty", subtract(p("445"), p("139,445")), []],
    ["intersect", intersect(p("100-200,300"), p("150-350")), p("150-200,300")],
    ["normalize sorts and joins", normalizeSet(p("445,139,140")), p("139-140,445")],
  ])("%s", (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });
});

describe("comparePorts", () => {
  test.each([
    ["445", "139,445", "ports-added", "139", ""],
    ["139,445", "445", "ports-removed", "", "139"],
    ["49152-65535", "1024-65535", "range-widened", "1024-49151", ""],
    ["1024-65535", "49152-65535", "range-narrowed", "", "1024-49151"],
    ["1024-5000", "1024-65535", "range-widened", "5001-65535", ""],
    ["135", "135-139", "range-widened", "136-139", ""],
    ["514", "6514", "ports-changed", "6514", "514"],
    ["139,445", "445,139", "same", "", ""],
    ["139-140", "139,140", "same", "", ""],
  ])("%s → %s is %s", (before, after, kind, added, removed) => {
    const d = comparePorts(p(before), p(after));
    expect(d.kind).toBe(kind);
    expect("added" in d ? d.added : []).toEqual(p(added));
    expect("removed" in d ? d.removed : []).toEqual(p(removed));
  });
});
