// Which role a table header or a key names, through synonyms. A table is a port table when one
// column holds ports and another says who, how or why; other tables yield no flows.
import type { Role } from "./candidates.js";

const ENDPOINT_NOUN = String.raw`(?:hosts?|servers?|systems?|computers?|components?|machines?|devices?|address(?:es)?|endpoints?|nodes?|ip|ips)`;

// "Group source", "Source security group", "Destination zone": where the endpoint is a group
const GROUPING = String.raw`(?:groups?|security groups?|zones?|networks?|subnets?|segments?|tiers?)`;
// "start port" | "end port": a range written in two columns
const RANGE_START = /^(?:start(?:ing)?|begin(?:ning)?|first|from|min(?:imum)?)\s+ports?$|^ports?\s+(?:range\s+)?(?:start|begin|from|min)$/;
const RANGE_END = /^(?:end(?:ing)?|last|to|max(?:imum)?)\s+ports?$|^ports?\s+(?:range\s+)?(?:end|to|max)$/;

const SYNONYMS: readonly [Role, RegExp][] = [
  ["port", RANGE_START],
  ["portEnd", RANGE_END],
  ["port", /^ports?\s*(?:or|\/)\s*(?:ports?\s*)?ranges?$/], // "Port or Port Range"
  ["port", /^(?:(?:destination|dest\.?|target|listening|local|remote|server|default|network|service|required|open|firewall|tcp\/udp|tcp|udp)\s+)?ports?(?:\s*(?:numbers?|ranges?|#|\(s\)|no\.?|used))?(?:\s*\(.*\))?$|^port\s*\/\s*range$|^port\(s\)$|^(?:ports?\s*(?:\/|and|&)\s*protocols?|protocols?\s*(?:\/|and|&)\s*ports?)$/],
  ["protocol", /^(?:(?:transport|network|ip)\s+)?protocols?(?:\s*(?:\(.*\)|type))?$|^transport$|^tcp\/udp$|^proto$/],
  ["direction", /^(?:(?:communication|traffic|connection|network|flow)\s+)?direction$|^(?:inbound\s*\/\s*outbound|in\s*\/\s*out|communication)$/],
  ["source", new RegExp(String.raw`^(?:sources?|from|initiator|initiated by|originator|origin|client|sender|requester|connection from|source ${ENDPOINT_NOUN}|${GROUPING} sources?|sources? ${GROUPING})$`)],
  ["target", new RegExp(String.raw`^(?:targets?|destinations?|to|listener|receiver|connects? to|connection to|(?:target|destination|listening) ${ENDPOINT_NOUN}|${GROUPING} (?:destinations?|targets?)|(?:destinations?|targets?) ${GROUPING})$`)],
  ["peer", new RegExp(String.raw`^(?:peer|remote|remote ${ENDPOINT_NOUN}|remote (?:party|side|end)|source\s*(?:\/|or)\s*destination|destination\s*(?:\/|or)\s*source)$`)],
  ["service", /^(?:services?|service name|application protocol|app protocol)$/],
  ["required", /^(?:required\??|mandatory\??|is required\??)$/],
  ["optional", /^optional\??$/],
  ["purpose", /^(?:purposes?|descriptions?|comments?|usage|used for|use|function|details|reason|features?|application|required for|explanation|(?:port|service|usage|use) (?:descriptions?|purpose))$/],
];

// Read in a role only when no column above claims it: "Notes" beside "Description" is not the
// purpose, "Type" beside "Protocol" is not the transport ("Custom TCP Rule") but the rule's type,
// "Server" beside "Destination" is not the target, and an "FQDN" column is where the flow goes
// unless a column says so. Alone, each is the best the table offers.
const FALLBACKS: readonly [Role, RegExp][] = [
  ["purpose", /^(?:notes?|remarks?|additional (?:information|notes)|more information|info)$/],
  ["protocol", /^type$/],
  ["target", new RegExp(String.raw`^${ENDPOINT_NOUN}$|^(?:appliance|role|server role)$|^(?:fqdns?|fqdn patterns?|host ?names?|urls?|domains?|domain names?)$`)],
  ["ruleType", /^type$/], // beside a Protocol column: "Custom ICMP Rule", "HTTPS"
];

function fold(header: string): string {
  return header
    .toLowerCase()
    .replace(/[*_`:]/g, "")
    .replace(/\(s\)/g, "s") // "Port(s)", "Destination(s)"
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
  for (const [role, re] of FALLBACKS) {
    if (roles.includes(role)) continue;
    const fallback = headers.findIndex((h, i) => roles[i] === null && re.test(fold(h)));
    if (fallback >= 0) roles[fallback] = role;
  }
  return roles;
}

export function isPortTable(roles: readonly (Role | null)[]): boolean {
  const set = new Set(roles.filter((r): r is Role => r !== null));
  return set.has("port") && set.size >= 2;
}
