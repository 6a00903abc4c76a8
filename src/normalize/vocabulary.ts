// Names the normalizer recognises: transports, and application protocols with the transport they
// run over when a document names only the application protocol ("HTTPS" in a protocol column).

export const TRANSPORTS: ReadonlySet<string> = new Set(["tcp", "udp", "icmp", "icmpv6", "sctp", "gre", "esp", "ah", "igmp", "ipip", "vrrp"]);

/** Transports without ports: a row naming one needs no port cell. */
export const PORTLESS_TRANSPORTS: ReadonlySet<string> = new Set(["icmp", "icmpv6", "gre", "esp", "ah", "igmp", "ipip", "vrrp"]);

/** other spellings of the transports ("ICMPv4" in a Windows firewall rule) */
const TRANSPORT_ALIASES: Readonly<Record<string, string>> = { icmpv4: "icmp", icmp4: "icmp", icmp6: "icmpv6", "ipv6-icmp": "icmpv6", "ip-in-ip": "ipip" };

/** The transport a word names, in lower case, or null. */
export function transportName(word: string): string | null {
  const w = word.toLowerCase().trim();
  if (TRANSPORTS.has(w)) return w;
  return TRANSPORT_ALIASES[w] ?? null;
}

/** application protocol → the transport it uses by default */
export const SERVICES: Readonly<Record<string, string>> = {
  http: "tcp", https: "tcp", tls: "tcp", ssh: "tcp", sftp: "tcp", scp: "tcp", telnet: "tcp", ftp: "tcp",
  ftps: "tcp", smb: "tcp", ldap: "tcp", ldaps: "tcp", gc: "tcp", rdp: "tcp", rpc: "tcp", dcom: "tcp",
  wmi: "tcp", winrm: "tcp", amqp: "tcp", amqps: "tcp", mqtt: "tcp", mqtts: "tcp", grpc: "tcp", smtp: "tcp",
  smtps: "tcp", imap: "tcp", imaps: "tcp", pop3: "tcp", pop3s: "tcp", mssql: "tcp", mysql: "tcp",
  postgresql: "tcp", oracle: "tcp", nfs: "tcp", iscsi: "tcp", kerberos: "tcp", wss: "tcp", websocket: "tcp",
  dns: "udp", snmp: "udp", "snmp-trap": "udp", syslog: "udp", ntp: "udp", tftp: "udp", radius: "udp",
  netbios: "udp", dhcp: "udp", ipsec: "udp", quic: "udp",
  jmx: "tcp", rtsp: "tcp", xmpp: "tcp", vnc: "tcp", bgp: "tcp", as2: "tcp", pesit: "tcp", sip: "udp", rtp: "udp", dtls: "udp",
};

/** other spellings of the names above */
export const SERVICE_ALIASES: Readonly<Record<string, string>> = {
  ssl: "tls", cifs: "smb", "ms-sql": "mssql", "sql server": "mssql", tds: "mssql", postgres: "postgresql",
  "web socket": "websocket", ws: "websocket", snmptrap: "snmp-trap", "snmp trap": "snmp-trap",
  "winrm-https": "winrm", "remote desktop": "rdp", krb5: "kerberos", netbt: "netbios",
};

export function serviceName(word: string): string | null {
  const w = word.toLowerCase().replace(/\s+/g, " ").trim();
  if (w in SERVICES) return w;
  return SERVICE_ALIASES[w] ?? null;
}

/** The service named by a word with a version suffix trimmed ("SMB2", "SMB 2.0/3.0" → smb). */
export function serviceNameLoose(word: string): string | null {
  return serviceName(word) ?? serviceName(word.replace(/\s*v?\d+(\.\d+)*(\/\d+(\.\d+)*)*$/i, ""));
}
