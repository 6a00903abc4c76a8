// Protocol cells: the transport(s) and the application protocol a row names. "TCP/UDP" names two
// transports (two flows); "HTTPS" names a service whose transport is implied; "AMQP over TCP",
// "TCP/TLS" name both; "(optional)" makes the flow optional.
import { PORTLESS_TRANSPORTS, SERVICES, TRANSPORTS, serviceName, serviceNameLoose } from "./vocabulary.js";

export interface ProtocolReading {
  transports: string[];
  service: string | null;
  optional: boolean;
  /** words that are neither a transport nor a known service */
  unknown: string[];
}

const SEPARATORS = /\s*(?:(?<!\d)\/|\/(?!\d)|,|;|&|\+|\bover\b|\band\b|\bor\b|\bwith\b|\bvia\b)\s*/i;

export function readProtocolCell(text: string): ProtocolReading {
  let optional = false;
  const body = text
    .replace(/\(\s*optional\s*\)|\boptional\b/gi, () => {
      optional = true;
      return " ";
    })
    .replace(/[()]/g, " ")
    .trim();
  const transports: string[] = [];
  let service: string | null = null;
  const unknown: string[] = [];
  for (const part of body.split(SEPARATORS).flatMap(spacedNames).map((p) => p.trim()).filter(Boolean)) {
    const lower = part.toLowerCase();
    if (TRANSPORTS.has(lower)) {
      if (!transports.includes(lower)) transports.push(lower);
      continue;
    }
    const named = serviceNameLoose(part);
    if (named) {
      service ??= named;
      continue;
    }
    unknown.push(part);
  }
  if (transports.length === 0 && service) transports.push(SERVICES[service]!);
  return { transports, service, optional, unknown };
}

/** A Service column: one known application protocol ("HTTPS", "WinRM") is the flow's service;
 * anything else ("vCenter Server", "Kerberos, LDAP") says what the flow is for. */
export function readServiceCell(text: string): { service: string | null; purpose: string[] } {
  const clean = text.replace(/\s+/g, " ").trim();
  if (!clean) return { service: null, purpose: [] };
  const service = serviceNameLoose(clean);
  return service ? { service, purpose: [] } : { service: null, purpose: [clean] };
}

/** "TCP  UDP", "HTTPS TCP" (pages converted from HTML lose the line break between names): split at
 * white space, but only when every word is a known name, so "SQL Server" or "SMB 2.0" stay whole. */
function spacedNames(part: string): string[] {
  const words = part.trim().split(/\s+/);
  if (words.length < 2 || serviceNameLoose(part)) return [part];
  const known = (w: string) => TRANSPORTS.has(w.toLowerCase()) || serviceName(w) !== null;
  return words.every(known) ? words : [part];
}

export function isPortless(transport: string | null): boolean {
  return transport !== null && PORTLESS_TRANSPORTS.has(transport);
}
