// Which role a table header or a key names, through synonyms. A table is a port table when one
// column holds ports and another says who, how or why; other tables yield no flows.
import type { Role } from "./candidates.js";

const SYNONYMS: readonly [Role, RegExp][] = [
  ["port", /^(?:(?:destination|dest|target|listening|local|remote|server|default|network|tcp\/udp|tcp|udp)\s+)?ports?(?:\s*(?:numbers?|ranges?|#|\(s\)|no\.?|used))?(?:\s*\(.*\))?$|^port\s*\/\s*range$|^port\(s\)$|^(?:ports?\s*(?:\/|and|&)\s*protocols?|protocols?\s*(?:\/|and|&)\s*ports?)$/],
  ["protocol", /^(?:(?:transport|network|ip)\s+)?protocols?(?:\s*\(.*\))?$|^transport$|^(?:tcp\/udp|type)$/],
  ["direction", /^(?:(?:communication|traffic|connection|network|flow)\s+)?direction$|^(?:inbound\s*\/\s*outbound|in\s*\/\s*out)$/],
  ["source", /^(?:source|from|initiator|originator|client|sender|requester|connection from|source (?:host|server|system|computer|component|machine|device|address)s?)$/],
  ["target", /^(?:target|destination|to|listener|receiver|connects? to|connection to|target (?:host|server|system|computer|component|machine|device)s?|destination (?:host|server|system|computer|component|machine|device|address)s?)$/],
  ["purpose", /^(?:purpose|description|service|services|comments?|usage|used for|use|function|details|reason|feature|application|required for)$/],
];

// Read as the purpose only when no column above names it ("Notes" beside "Description" is not it).
const FALLBACK_PURPOSE = /^(?:notes?|remarks?|additional (?:information|notes)|more information|info)$/;

function fold(header: string): string {
  return header
    .toLowerCase()
    .replace(/[*_`:]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

export function roleOf(header: string): Role | null {
  const h = fold(header);
  for (const [role, re] of SYNONYMS) if (re.test(h)) return role;
  return null;
}

/** The transport a port column's header names: "TCP Port(s)" → tcp. */
export function transportOfHeader(header: string): string | null {
  return /^(tcp|udp)\s+ports?\b/.exec(fold(header))?.[1] ?? null;
}

/** Roles of the columns. A role claimed twice keeps its first column, except purpose, which gathers,
 * and port columns that each name their transport ("TCP Ports" and "UDP Ports"). */
export function columnRoles(headers: readonly string[]): (Role | null)[] {
  const taken = new Set<string>();
  const roles = headers.map((h) => {
    const role = roleOf(h);
    if (role === null) return null;
    const key = role === "port" ? `port:${transportOfHeader(h) ?? ""}` : role;
    if (taken.has(key) && role !== "purpose") return null;
    if (role === "port" && taken.has("port:")) return null;
    taken.add(key);
    return role;
  });
  if (!roles.includes("purpose")) {
    const fallback = headers.findIndex((h, i) => roles[i] === null && FALLBACK_PURPOSE.test(fold(h)));
    if (fallback >= 0) roles[fallback] = "purpose";
  }
  return roles;
}

export function isPortTable(roles: readonly (Role | null)[]): boolean {
  const set = new Set(roles.filter((r): r is Role => r !== null));
  return set.has("port") && set.size >= 2;
}
