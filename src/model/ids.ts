// Short stable identifiers: the same content gives the same id on every run and machine.
import { createHash } from "node:crypto";

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** 12 hex digits of the sha256 of the parts, joined with a separator that cannot occur in text. */
export function shortHash(...parts: ReadonlyArray<string | number | null | undefined>): string {
  return sha256Hex(parts.map((p) => (p == null ? "\u0000" : String(p))).join("\u001f")).slice(0, 12);
}
