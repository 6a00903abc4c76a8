// Which role a table header or a key names, through synonyms. A table is a port table when one
// column holds ports and another says who, how or why; other tables yield no flows.
import type { Role } from "./candidates.js";

const SYNONYMS: readonly [Role, RegExp][] = [
  ["port", /^(?:(?:destination|dest|target|listening|local|remote|server|default|network|tcp\/udp|tcp|udp)\s+)?ports?(?:\s*(?:numbers?|ranges?|#|\(s\)|no\.?))?(?:\s*\(.*\))?$|^port\s*\/\s*range$|^port\(s\)$|^(?:ports?\s*(?:\/|and|&)\s*protocols?|protocols?\s*(?:\/|and|&)\s*ports?)$/],
  ["protocol", /^(?:(?:transport|network|ip)\s+)?protocols?(?:\s*\(.*\))?$|^transport$|^(?:tcp\/udp|type)$/],
  ["direction", /^(?:(?:communication|traffic|connection|network|flow)\s+)?direction$|^(?:inbound\s*\/\s*outbound|in\s*\/\s*out)$/],
  ["source", /^(?:source|from|initiator|originator|client|sender|requester|connection from|source (?:host|server|system|computer|component|machine|device|address)s?)$/],
  ["target", /^(?:target|destination|to|listener|receiver|connects? to|connection to|target (?:host|server|system|computer|component|machine|device)s?|destination (?:host|server|system|computer|component|machine|device|address)s?)$/],
  ["purpose", /^(?:purpose|description|service|services|comments?|usage|used for|use|function|details|reason|feature|application|required for)$/],
];

export function roleOf(header: string): Role | null {
  const h = header
    .toLowerCase()
    .replace(/[*_`:]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  for (const [role, re] of SYNONYMS) if (re.test(h)) return role;
  return null;
}

/** Roles of the columns; a role claimed twice keeps its first column, except purpose, which gathers. */
export function columnRoles(headers: readonly string[]): (Role | null)[] {
  const taken = new Set<Role>();
  return headers.map((h) => {
    const role = roleOf(h);
    if (role === null) return null;
    if (taken.has(role) && role !== "purpose") return null;
    taken.add(role);
    return role;
  });
}

export function isPortTable(roles: readonly (Role | null)[]): boolean {
  const set = new Set(roles.filter((r): r is Role => r !== null));
  return set.has("port") && set.size >= 2;
}
