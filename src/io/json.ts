// Stable JSON text: two-space indent and a final newline, so reruns diff quietly.
export function stableJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + "\n";
}
