// Pages that cannot hold a port requirement are not parsed fully. Every way the extractor finds
// ports needs one of these words: a port table's header ("Port", "Ports", "Port(s)"), a key/value
// block's "Port:" key, a summary item ("Port 443 …", "TCP 22 …") and the words a prose mention must
// sit near (the mention finder's own anchor: "port", "TCP", "UDP", "listens on", "ephemeral", "the
// dynamic range"). A page without any of them yields no flows and no mentions, so skipping it changes
// nothing but the time taken (a test proves the equality on every fixture).
import { ANCHOR } from "../extract/mentions.js";

const PORT_WORD = new RegExp(String.raw`\bports?\b|\btcp\b|\budp\b|${ANCHOR}`, "i");

export function mayHoldPorts(text: string): boolean {
  return PORT_WORD.test(text);
}
