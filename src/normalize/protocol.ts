// Protocol cells: the transport(s) and the application protocol a row names. "TCP/UDP" names two
// transports (two flows); "HTTPS" names a service whose transport is implied; "AMQP over TCP",
// "TCP/TLS" name both; "(optional)" makes the flow optional.
import { PORTLESS_TRANSPORTS, SERVICES, TRANSPORTS, serviceNameLoose } from "./vocabulary.js";

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
  for (const part of body.split(SEPARATORS).map((p) => p.trim()).filter(Boolean)) {
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

export function isPortless(transport: string | null): boolean {
  return transport !== null && PORTLESS_TRANSPORTS.has(transport);
}
