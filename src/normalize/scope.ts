// Endpoints a table's rows inherit when their own cells name none: from a label row above them
// ("Agent to server", "Inbound"), then from the sentence that introduces the table. Only sentences
// that say which host the ports are on are read; "for communication between A and B" says who
// talks, and a row's Inbound/Outbound says which way. A section heading alone names no endpoint:
// "### Management server" may list the ports it listens on or the ones it connects to.
import type { Direction } from "../model/flows.js";
import { readDirectionCell, type EndpointReading } from "./endpoints.js";
import { cleanText } from "./text.js";

export interface IntroScope {
  /** the host the sentence puts the ports on, or the one that connects out */
  host: string;
  /** which side of the flow the host is when a row does not say otherwise */
  side: "target" | "source";
  /** the other end, when the sentence names one ("between A and B") */
  peer: string | null;
  direction: Direction | null;
  /** "between A and B": who opens the connection is only known from a row's direction */
  needsDirection: boolean;
  /** when the table applies, said after the names ("…, when it is installed on a separate server") */
  conditions: string[];
}

const NAME = String.raw`(?:the\s+)?(.+?)`;
const END = String.raw`\s*[:.]?$`;
type Scope = Omit<IntroScope, "conditions">;
const INTRO_PATTERNS: readonly { re: RegExp; read: (m: RegExpExecArray) => Scope }[] = [
  {
    // "The following ports must be open on the management server:", "… must be opened inbound on X"
    re: new RegExp(String.raw`\bports?\b.*?\b(?:must|should|need to|needs to|have to|has to)\s+be\s+(?:open|opened|allowed|permitted|reachable)\s+(?:(inbound|outbound)\s+)?(?:on|at)\s+${NAME}${END}`, "i"),
    read: (m) => hostScope(m[2]!, m[1]),
  },
  {
    // "Open the following ports inbound on the reporting database server."
    re: new RegExp(String.raw`\bopen\s+(?:the\s+)?(?:following\s+)?ports?\s+(?:(inbound|outbound)\s+)?(?:on|at)\s+${NAME}${END}`, "i"),
    read: (m) => hostScope(m[2]!, m[1]),
  },
  {
    // "The collector listens on the following ports:"
    re: new RegExp(String.raw`^${NAME}\s+(?:listens|is listening)\s+on\s+(?:the\s+)?following\s+ports?${END}`, "i"),
    read: (m) => hostScope(m[1]!, undefined),
  },
  {
    // "The management server connects out to the following ports:"
    re: new RegExp(String.raw`^${NAME}\s+(?:connects|initiates connections|opens connections|must be able to (?:connect|reach))\s+(?:out(?:bound)?\s+)?(?:to\s+)?(?:the\s+)?following\s+ports?${END}`, "i"),
    read: (m) => ({ host: name(m[1]!), side: "source", peer: null, direction: null, needsDirection: false }),
  },
  {
    // "… required for communication between the Threat Monitor server and the domain controllers:"
    re: new RegExp(String.raw`\bcommunication\s+between\s+${NAME}\s+and\s+${NAME}${END}`, "i"),
    read: (m) => ({ host: name(m[1]!), side: "target", peer: name(m[2]!), direction: null, needsDirection: true }),
  },
  {
    // "… required for communication with the Enterprise Manager:": the page's host; a row's
    // Inbound ends on it, Outbound starts from it
    re: new RegExp(String.raw`\bcommunication\s+with\s+${NAME}${END}`, "i"),
    read: (m) => ({ host: name(m[1]!), side: "target", peer: null, direction: null, needsDirection: true }),
  },
];

// "the remote Worker server, when it is installed on additional server(s)": a name, then when
const TRAILING_CLAUSE = /^(.*?\S)\s*,\s*((?:when|if|only|unless|where|in case)\b.*)$/i;

function name(text: string): string {
  return cleanText(text).replace(/^(?:the|a|an|each|every)\s+/i, "").replace(/[\s,;:.]+$/, "");
}

function hostScope(host: string, way: string | undefined): Scope {
  const direction = way ? (way.toLowerCase() as Direction) : null;
  return { host: name(host), side: direction === "outbound" ? "source" : "target", peer: null, direction, needsDirection: false };
}

export function readIntro(sentence: string): IntroScope | null {
  const whole = cleanText(sentence).replace(/\s*:$/, "");
  const clause = TRAILING_CLAUSE.exec(whole);
  const text = clause ? clause[1]! : whole;
  for (const { re, read } of INTRO_PATTERNS) {
    const m = re.exec(text);
    if (m) return { ...read(m), conditions: clause ? [clause[2]!.replace(/[\s.;,]+$/, "")] : [] };
  }
  return null;
}

/** Fills what a row left empty from its label row, then from its table's intro sentence. */
export function applyScope(reading: EndpointReading, group: string | undefined, intro: string | undefined): void {
  const scope = intro === undefined ? null : readIntro(intro);
  for (const c of scope?.conditions ?? []) if (!reading.conditions.includes(c)) reading.conditions.push(c);
  if (reading.unresolved !== null) return; // a direction cell of its own, to be split document-wide
  if (group !== undefined) {
    const label = readDirectionCell(group);
    if (label.unresolved === null) {
      reading.direction ??= label.direction;
      if (reading.source === null && reading.target === null) {
        reading.source = label.source;
        reading.target = label.target;
        reading.conditions.push(...label.conditions);
      }
    }
  }
  if (!scope) return;
  if (reading.source !== null && reading.target !== null) return;
  reading.direction ??= scope.direction;
  const way = reading.direction;
  const fill = (side: "source" | "target", name: string | null) => {
    reading[side] ??= name;
  };
  if (scope.needsDirection) {
    // the host is the page's subject: inbound ends on it, outbound starts from it toward the peer
    if (reading.source !== null || reading.target !== null) return;
    if (way === "inbound") fill("target", scope.host);
    else if (way === "outbound" || way === "bidirectional") {
      fill("source", scope.host);
      fill("target", scope.peer);
    }
    return;
  }
  if (way === "bidirectional") return;
  fill(way === "outbound" ? "source" : way === "inbound" ? "target" : scope.side, scope.host);
}
