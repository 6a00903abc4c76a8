// A <br> in a narrow table column is often a line wrap, not a new item: "Secure-<br>Transport" (a word
// hyphenated by hand), "(in-<br>bound)", "Partner web access<br>(secure)" (one phrase broken in two).
// Joining is conservative: two items stay two ("LDAP<br>Common queries", "tcp<br>udp",
// "a.example<br>b.example") unless the break plainly falls inside a word or a phrase. A word
// hyphenated by hand shows the column wraps by hand: the caller then joins the whole run.

// The last word before the break, hyphenated at its end: "Secure-", "(in-"; "server-to-" is a compound.
const HYPHEN_END = /(?:^|\s)\(?(\p{L}+(?:-\p{L}+)*)-$/u;
// A sentence or a clause ends: the next piece starts a new one.
const CLAUSE_END = /[.!?:;]["')\]]?$/;
// The next piece opens with a plain lower-case word ("bound)", "(secure network)", "used for …"), not
// with a host name, path or code ("portal.example", "c:/data", "ldap://").
const LOWER_WORD_START = /^\(?\p{Ll}[\p{L}'-]*(?=$|[\s),;!?]|[.:](?:\s|$))/u;
// A piece of one bare word ("tcp", "udp"): two of them in a row are a list, not a phrase.
const BARE_WORD = /^[\p{L}\p{N}'-]+$/u;

/** The two pieces of a cell around a <br> as one item (`hyphenated`: a word was re-joined), or null
 * when they stay two items. */
export function joinAcrossBreak(before: string, after: string): { text: string; hyphenated: boolean } | null {
  const hyphenated = HYPHEN_END.exec(before);
  if (hyphenated && /^\p{L}/u.test(after)) {
    const compound = hyphenated[1]!.includes("-"); // "server-to-" + "server": the hyphen is the word's
    const wholeWord = before === `${hyphenated[1]}-`; // "Secure-" alone before "Transport"
    const dropHyphen = !compound && (/^\p{Ll}/u.test(after) || wholeWord);
    return { text: (dropHyphen ? before.slice(0, -1) : before) + after, hyphenated: true };
  }
  if (CLAUSE_END.test(before) || !LOWER_WORD_START.test(after)) return null;
  if (BARE_WORD.test(before) && BARE_WORD.test(after)) return null;
  return { text: `${before} ${after}`, hyphenated: false };
}
