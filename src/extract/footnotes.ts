// Footnote markers in cells ("NetApp\*", "Hub†", "Server¹") and the footnote texts under a table
// ("\*Only required if using …").

const MARKER = String.raw`(?:\*{1,3}|[\u2020\u2021\u00a7\u00b6]|[\u00b9\u00b2\u00b3\u2070-\u2079]+|\[\d{1,2}\]|\(\d{1,2}\))`;
const TRAILING_MARKER = new RegExp(String.raw`^(.*?\S)\s*\\?(${MARKER})$`, "s"); // "NetApp\*" keeps its escape in text pages
const LEADING_MARKER = new RegExp(String.raw`^\s*(${MARKER})\s*(\S[\s\S]*)$`);

/** Splits a trailing marker off a cell's text; markers normalise so "[1]" and "¹" match "1". */
export function splitMarker(text: string): { text: string; marker: string | null } {
  const m = TRAILING_MARKER.exec(text.trim());
  if (!m || /\*\*$/.test(m[1]!)) return { text, marker: null };
  return { text: m[1]!.trim(), marker: normalizeMarker(m[2]!) };
}

/** A footnote line: a marker, then its text. */
export function readFootnote(text: string): { marker: string; text: string } | null {
  const m = LEADING_MARKER.exec(text);
  if (!m) return null;
  // "\* - for Exchange 2010 only": the dash only separates the marker from the text
  return { marker: normalizeMarker(m[1]!), text: m[2]!.replace(/^[-\u2013\u2014:]\s+/, "").replace(/\s+/g, " ").trim() };
}

const SUPERSCRIPT = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079";

function normalizeMarker(marker: string): string {
  return marker
    .replace(/[\[\]()]/g, "")
    .replace(/[\u00b9\u00b2\u00b3\u2070-\u2079]/g, (c) => String(SUPERSCRIPT.indexOf(c)));
}
