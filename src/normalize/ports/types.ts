// What reading a port cell yields: one or more segments (a cell like "- 80 for http - 443 for https"
// names two flows), and the problems met, as codes the caller turns into diagnostics.
import type { DiagnosticCode } from "../../model/codes.js";
import type { PortRange } from "../../model/flows.js";

export interface PortSegment {
  ports: PortRange[];
  /** a transport named inside the port cell ("TCP 12228") */
  protocol: string | null;
  /** an application protocol named inside the port cell ("443 (HTTPS)", "80 for http") */
  service: string | null;
  conditions: string[];
}

export interface PortIssue {
  code: DiagnosticCode;
  message: string;
  actual: string;
}

export interface PortCellResult {
  segments: PortSegment[];
  issues: PortIssue[];
  /** the cell gives no port in any form ("–", "N/A", empty) */
  empty: boolean;
  /** the cell names ports in words only ("Predefined") */
  wordsOnly: boolean;
  /** the name of the rule that read the cell, for tests and debugging */
  rule: string;
}

export interface PortRule {
  name: string;
  /** reads the cell, or returns null when the cell is not of this rule's shape */
  read(text: string, items: readonly string[], readNested: (text: string) => PortCellResult): PortCellResult | null;
}
