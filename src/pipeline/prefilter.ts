// Pages that cannot hold a port requirement are not parsed fully. Every way the extractor finds
// ports needs one of these words: a port table's header ("Port", "Ports", "Port(s)"), a key/value
// block's "Port:" key, a summary item ("Port 443 …", "TCP 22 …") and a prose mention ("port", "TCP",
// "UDP"). A page without any of them yields no flows and no mentions, so skipping it changes nothing
// but the time taken (a test proves the equality on every fixture).
const PORT_WORD = /\bports?\b|\btcp\b|\budp\b/i;

export function mayHoldPorts(text: string): boolean {
  return PORT_WORD.test(text);
}
