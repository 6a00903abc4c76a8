// A range written in two columns or keys ("start port" | "end port"): the two ends joined into the
// port cell, so normalize/ reads one range. An empty end leaves the single port; words stay as written.
import { cleanText } from "../normalize/text.js";
import type { CandidateRow } from "./candidates.js";

const NUMBER = /^\d{1,5}$/;

export function joinRangeEnds(row: CandidateRow): void {
  const end = row.cells.portEnd;
  if (!end) return;
  delete row.cells.portEnd;
  const last = cleanText(end.text);
  if (!last) return;
  const first = cleanText(row.cells.port?.text ?? "");
  const text = !first ? last : first === last ? first : NUMBER.test(first) && NUMBER.test(last) ? `${first}-${last}` : `${first} - ${last}`;
  row.cells.port = { text, items: [text] };
}
