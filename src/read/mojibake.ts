// Repairs UTF-8 text that was once decoded as windows-1252 ("â€“" for "–", "Ã©" for "é"). Each
// suspicious run is mapped back to its windows-1252 bytes and kept only if those bytes are valid
// UTF-8 for a single character, so ordinary accented text is never touched. Line breaks are never
// part of a run, so line numbers stay true.

// windows-1252 bytes 0x80-0x9F decode to these characters; the rest of 0xA0-0xFF map to themselves.
const CP1252_HIGH: Record<string, number> = {
  "\u20AC": 0x80, "\u201A": 0x82, "\u0192": 0x83, "\u201E": 0x84, "\u2026": 0x85, "\u2020": 0x86,
  "\u2021": 0x87, "\u02C6": 0x88, "\u2030": 0x89, "\u0160": 0x8a, "\u2039": 0x8b, "\u0152": 0x8c,
  "\u017D": 0x8e, "\u2018": 0x91, "\u2019": 0x92, "\u201C": 0x93, "\u201D": 0x94, "\u2022": 0x95,
  "\u2013": 0x96, "\u2014": 0x97, "\u02DC": 0x98, "\u2122": 0x99, "\u0161": 0x9a, "\u203A": 0x9b,
  "\u0153": 0x9c, "\u017E": 0x9e, "\u0178": 0x9f,
};
const CONTINUATION = `\\u0080-\\u00BF${Object.keys(CP1252_HIGH).join("")}`;
// A lead byte (Â..ô) followed by one to three continuation characters.
const SUSPECT = new RegExp(`[\\u00C2-\\u00F4][${CONTINUATION}]{1,3}`, "g");
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function toCp1252Byte(ch: string): number | null {
  const code = ch.charCodeAt(0);
  if (code >= 0xa0 && code <= 0xff) return code;
  if (code >= 0x80 && code <= 0x9f) return code; // C1 controls survive some pipelines as-is
  return CP1252_HIGH[ch] ?? null;
}

function repairRun(run: string): string {
  // Try the longest prefix first: a lead byte announces how many continuation bytes follow.
  for (let len = run.length; len >= 2; len--) {
    const bytes: number[] = [];
    for (const ch of run.slice(0, len)) {
      const b = toCp1252Byte(ch);
      if (b === null) return run;
      bytes.push(b);
    }
    try {
      const decoded = strictUtf8.decode(new Uint8Array(bytes));
      if ([...decoded].length === 1) return decoded + run.slice(len);
    } catch {
      // not valid UTF-8 at this length; try a shorter one
    }
  }
  return run;
}

export function repairMojibake(text: string): string {
  return text.replace(SUSPECT, repairRun);
}
