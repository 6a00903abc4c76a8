// What a free-text description next to a port says about the flow, in a few fixed phrasings:
// "TCP/SSH One-way communication is initiated from the Proxy Agent", "HTTPS Communication to the
// Console is by default HTTPS", "communication between Hub and the agent … initiated by the agent",
// "for connection to the license server (outgoing)", "for the Web services (incoming; only when
// using the Web Application)". Anything else stays the purpose, as written.
import { directionWord, sameEndpoint } from "../normalize/endpoints.js";
import { cleanText } from "../normalize/text.js";
import { TRANSPORTS, serviceName } from "../normalize/vocabulary.js";

export interface DescriptionReading {
  /** the description without a trailing qualifier in parentheses */
  purpose: string;
  /** protocol names the description opens with ("TCP/SSH One-way communication …") */
  protocol?: string;
  source?: string;
  target?: string;
  /** "communication with X": the other end, which end depends on the direction */
  peer?: string;
  /** "incoming", "outgoing" */
  direction?: string;
  conditions: string[];
  /** a bare "optional" after the purpose ("log collection, optional") */
  optional?: boolean;
}

const QUALIFIER = /^(?:only|when|if|unless|except|not|usually|required|needed|optional|mandatory|for)\b|\bneed(?:s|ed)?\b/i;
const NAME_END = String.raw`(?=\s+(?:is|are|was|were|will|can|may|must|by|on|over|via|using|through|and is|which)\b|\s*[.;,:]|$)`;
const INITIATED = /\binitiated\s+(?:from|by)\s+(?:the\s+)?(.+?)(?:\s+to\s+(?:the\s+)?(.+?))?\s*(?:[.;,]|$)/i;
const TO_TARGET = new RegExp(String.raw`\b(?:communication|connections?|traffic|access|connect(?:s|ing)?)\s+to\s+(?:the\s+)?(.+?)${NAME_END}`, "i");
const WITH_PEER = new RegExp(String.raw`\b(?:communication|connections?)\s+with\s+(?:the\s+)?(.+?)${NAME_END}`, "i");
const BETWEEN = new RegExp(String.raw`\bbetween\s+(?:the\s+)?(.+?)\s+and\s+(?:the\s+)?(.+?)${NAME_END}`, "i");
const PRONOUN = /^(?:it|this|that|them|these|those|which|each other|one another)\b/i;
const MAX_NAME = 80;

export function readDescription(raw: string): DescriptionReading {
  const text = cleanText(raw);
  const out: DescriptionReading = { purpose: text, conditions: [] };
  const qualified = /^(.*\S)\s*\(([^()]*)\)\s*\.?$/.exec(text);
  if (qualified) {
    const parts = qualified[2]!.split(/\s*;\s*/).map((p) => p.trim()).filter(Boolean);
    if (parts.some((p) => directionWord(p) !== null || QUALIFIER.test(p))) {
      for (const part of parts) {
        if (directionWord(part) !== null && !out.direction) out.direction = part;
        else out.conditions.push(part);
      }
      out.purpose = qualified[1]!;
    }
  }
  // "log collection, optional": a trailing word that qualifies the whole flow
  const trailing = /^(.*\S)\s*[,;\u2013\u2014-]\s*(optional|not required|if required|if needed)\.?$/i.exec(out.purpose);
  if (trailing) {
    if (/^optional$/i.test(trailing[2]!)) out.optional = true;
    else out.conditions.push(trailing[2]!);
    out.purpose = trailing[1]!;
  }
  const lead = /^([A-Za-z][\w-]*(?:\/[A-Za-z][\w-]*)*)\s+\S/.exec(text)?.[1];
  if (lead && lead.split("/").every((p) => TRANSPORTS.has(p.toLowerCase()) || serviceName(p) !== null)) out.protocol = lead;

  const plain = out.purpose.replace(/\s*\([^()]*\)/g, "");
  const initiated = INITIATED.exec(plain);
  const from = name(initiated?.[1]);
  if (from) out.source = from;
  const to = name(initiated?.[2]) ?? name(TO_TARGET.exec(plain)?.[1]);
  if (to) out.target = to;
  const between = BETWEEN.exec(plain);
  if (between && out.source && !out.target) {
    const [a, b] = [name(between[1]), name(between[2])];
    if (a && b && sameEndpoint(out.source, b)) out.target = a;
    else if (a && b && sameEndpoint(out.source, a)) out.target = b;
  }
  const peer = name(WITH_PEER.exec(plain)?.[1]);
  if (peer && !out.source && !out.target) out.peer = peer;
  return out;
}

function name(text: string | undefined): string | undefined {
  const n = text?.replace(/^(?:the|a|an)\s+/i, "").replace(/[\s.,;:]+$/, "").trim();
  return n && n.length <= MAX_NAME && !PRONOUN.test(n) ? n : undefined;
}
