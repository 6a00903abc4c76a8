// Protocol cells: the transport(s) and the application protocol a row names. "TCP/UDP" names two
// transports (two flows); "HTTPS" names a service whose transport is implied; "AMQP over TCP",
// "TCP/TLS" name both; "(optional)" makes the flow optional. "TCP\UDP" is written with a backslash on
// some pages. "HTTP/HTTPS" names two services, paired with the ports when the port cell names as many.
import { PORTLESS_TRANSPORTS, SERVICES, TRANSPORTS, serviceName, serviceNameLoose, transportName } from "./vocabulary.js";

export interface ProtocolReading {
  transports: string[];
  service: string | null;
  /** every service named, in order ("HTTP/HTTPS"); service is the first */
  services: string[];
  optional: boolean;
  /** words that are neither a transport nor a known service */
  unknown: string[];
}

const SEPARATORS = /\s*(?:(?<!\d)\/|\/(?!\d)|\\|,|;|&|\+|\bover\b|\band\b|\bor\b|\bwith\b|\bvia\b)\s*/i;

export function readProtocolCell(text: string): ProtocolReading {
  let optional = false;
  const body = text
    .replace(/\(\s*optional\s*\)|\boptional\b/gi, () => {
      optional = true;
      return " ";
    })
    // "FTP(S)", "HTTP(S)": the service and its TLS form
    .replace(/\b([A-Za-z][\w-]*)\(s\)/gi, (whole, name: string) => (serviceName(`${name}s`) ? `${name}/${name}s` : whole))
    .replace(/[()]/g, " ")
    .trim();
  const transports: string[] = [];
  const services: string[] = [];
  const unknown: string[] = [];
  for (const part of body.split(SEPARATORS).flatMap(spacedNames).map((p) => p.trim()).filter(Boolean)) {
    const lower = transportName(part) ?? part.toLowerCase();
    if (TRANSPORTS.has(lower)) {
      if (!transports.includes(lower)) transports.push(lower);
      continue;
    }
    const named = serviceNameLoose(part);
    if (named) {
      if (!services.includes(named)) services.push(named);
      continue;
    }
    unknown.push(part);
  }
  const service = services[0] ?? null;
  if (transports.length === 0 && service) transports.push(SERVICES[service]!);
  return { transports, service, services, optional, unknown };
}

export interface ServiceReading {
  /** transports, when the cell names only those ("TCP" in a Service column) */
  transports?: string[];
  service: string | null;
  /** every service the cell names when it is only names ("HTTP/HTTPS"), to pair with the ports */
  services: string[];
  purpose: string[];
}

/** A Service (or "Application protocol") column. A cell that is only known names ("HTTPS", "WinRM",
 * "HTTP/HTTPS") gives the flow's service. Otherwise its items say what the flow is for and the first
 * item naming a service ("LDAP", "SMB 2.0/3.0") gives the service: "LDAP / DC query / Account resolve"
 * keeps all three as purpose, as a Purpose column would. */
export function readServiceCell(text: string, items: readonly string[] = []): ServiceReading {
  const parts = (items.length ? items : [text]).map((i) => i.replace(/\s+/g, " ").trim()).filter(Boolean);
  if (parts.length === 0) return { service: null, services: [], purpose: [] };
  if (parts.length === 1) {
    const only = parts[0]!;
    if (serviceName(only)) return { service: serviceName(only), services: [serviceName(only)!], purpose: [] };
    const named = readProtocolCell(only);
    if (named.transports.length && named.services.length === 0 && named.unknown.length === 0) {
      return { transports: named.transports, service: null, services: [], purpose: [] };
    }
    // "HTTP/HTTPS": names only, one per port; "Kerberos, LDAP" stays a description
    if (named.services.length >= 2 && named.unknown.length === 0 && !named.optional && !/[,;]/.test(only)) {
      return { service: named.service, services: named.services, purpose: [] };
    }
  }
  const service = parts.map(serviceNameLoose).find((s) => s !== null) ?? null;
  return { service, services: service ? [service] : [], purpose: parts };
}

/** "TCP  UDP", "HTTPS TCP" (pages converted from HTML lose the line break between names): split at
 * white space, but only when every word is a known name, so "SQL Server" or "SMB 2.0" stay whole. */
function spacedNames(part: string): string[] {
  const words: string[] = [];
  for (const word of part.trim().split(/\s+/)) {
    // a version number belongs to the name before it: "HTTP (TLS 1.2)" is HTTP and TLS 1.2
    if (VERSION.test(word) && words.length) words[words.length - 1] += ` ${word}`;
    else words.push(word);
  }
  if (words.length < 2 || serviceNameLoose(part)) return [part];
  const known = (w: string) => transportName(w) !== null || (/\s/.test(w) ? serviceNameLoose(w) : serviceName(w)) !== null;
  return words.every(known) ? words : [part];
}

const VERSION = /^v?\d+(?:\.\d+)+$|^v\d+$/i;

export function isPortless(transport: string | null): boolean {
  return transport !== null && PORTLESS_TRANSPORTS.has(transport);
}

/** A rule's "Type" cell ("Custom ICMP Rule", "All TCP", "HTTPS"): the transports and the first
 * service its words name. */
export function readRuleType(text: string): { transports: string[]; service: string | null } {
  const transports: string[] = [];
  let service: string | null = null;
  for (const word of text.split(/[^A-Za-z0-9-]+/).filter(Boolean)) {
    const transport = transportName(word);
    if (transport && !transports.includes(transport)) transports.push(transport);
    else if (!transport) service ??= serviceName(word);
  }
  return { transports, service };
}

// "HTTPS communication between …", "SSH (Support access)", "Used by AMQP.", "Administration Tool
// (HTTPS)": a service written as a name (capitalised, as protocol names are) at the start of a
// sentence, after "used by"/"via"/"over", or alone in parentheses.
const NAMED_SERVICE = /(?:^|[.!?;]\s+|\b(?:by|via|over|using|uses)\s+)([A-Z][A-Za-z0-9-]*)(?=[\s.,;:()\u2013\u2014-]|$)|\(([A-Z][A-Za-z0-9-]*)\)/g;

/** The service a description names where a protocol column would, or null. */
export function serviceInText(text: string): string | null {
  for (const m of text.matchAll(NAMED_SERVICE)) {
    const service = serviceName(m[1] ?? m[2]!);
    if (service) return service;
  }
  return null;
}
