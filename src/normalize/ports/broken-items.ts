// Items a converter split that belong together: "135" / "and dynamic range:" / "1024 -65535" (a
// connector ends with a colon or opens with "and"), and "Dynamic Range 49152" / "65535" (the dash of
// a range read as a list bullet: only after "range", "dynamic" or "ephemeral", and ascending).
const CONNECTOR = /^(?:(?:and|or|plus|&|\+)\b[^\d]*|[^\d]*:)$/i;
const RANGE_START = /\b(?:range|dynamic|ephemeral)\b[^\d]*(\d{1,5})$/i;
const DANGLING = /(?:-|\u2013|\u2014|\bto|\bthrough)\s*$/i;

/** The items with the broken ones joined; `connectors: false` joins only a range split at its dash
 * (for purpose items, where "Shell sessions:" introduces the items after it and stays one). */
export function joinBrokenItems(items: readonly string[], { connectors = true } = {}): string[] {
  const out: string[] = [];
  for (const raw of items) {
    const item = raw.trim();
    if (!item) continue;
    const previous = out[out.length - 1];
    if (previous !== undefined && /^\d/.test(item)) {
      const start = RANGE_START.exec(previous);
      if (connectors && (CONNECTOR.test(previous) || DANGLING.test(previous))) {
        out[out.length - 1] = `${previous} ${item}`;
        continue;
      }
      if (start && /^\d{1,5}$/.test(item) && Number(item) > Number(start[1])) {
        out[out.length - 1] = `${previous}-${item}`;
        continue;
      }
    }
    out.push(item);
  }
  return out;
}

