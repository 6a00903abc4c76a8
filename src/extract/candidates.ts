// A candidate row: one row of a port table, one key/value block or one summary item, with its cells
// sorted by role. Nothing is interpreted yet; normalize/ turns the texts into flows.

// "peer" is the other end in a table whose Direction column says which way ("Remote host");
// "service" names the application protocol ("Service: HTTPS"); "required" and "optional" are
// Yes/No columns; "portEnd" is the last port of a range whose first sits in the port column ("start
// port" | "end port"); "ruleType" is a "Type" column beside a Protocol column ("Custom ICMP Rule",
// "HTTPS"), read when the protocol cell names no transport or service.
export const ROLES = [
  "port", "protocol", "source", "target", "direction", "purpose", "peer", "service", "required", "optional", "portEnd", "ruleType",
] as const;
export type Role = (typeof ROLES)[number];

export interface RoleCell {
  text: string;
  /** separate items where the source separated them (line breaks, list items) */
  items: string[];
}

export interface CandidateRow {
  origin: "table" | "keyValue" | "summary";
  section: string[];
  line: number;
  cells: Partial<Record<Role, RoleCell>>;
  /** every cell as written, keyed by role (or by its header when the column has no role) */
  raw: Record<string, string>;
  /** footnote texts bound to markers in the row */
  footnotes: string[];
  /** the transport a port column's header names ("TCP Ports"), for rows whose cells name none */
  transport?: string;
  /** the one transport the table's heading names ("Protocol TCP port mappings"): the last resort,
   * after the row's cells and the service they name */
  headingTransport?: string;
  /** the line that introduces a summary list ("Inbound to Hub:"): its direction and endpoint apply */
  context?: string;
  /** a label row above this row in its table ("Agent to server", "Exchange Online") */
  group?: string;
  /** the sentence just before the table ("The following ports must be open on the management
   * server:"), for rows that name no endpoint */
  intro?: string;
  /** when the rows apply, said above them ("For the Inventory collector") */
  conditions?: string[];
}
