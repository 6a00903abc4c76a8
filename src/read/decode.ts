// Bytes to text. UTF-8 is the default; a BOM (UTF-8 or UTF-16) or a charset declared in an HTML
// <meta> wins (the WHATWG sniffing algorithm, via encoding-sniffer). Bytes that are not valid UTF-8
// and carry no declaration are read as windows-1252, the usual culprit in exported help pages.
// Mojibake is repaired here, once, so every parser sees clean text at unchanged line numbers.
import { decodeBuffer, getEncoding } from "encoding-sniffer";
import { repairMojibake } from "./mojibake.js";

export interface Decoded {
  text: string;
  encoding: string;
  /** set when the bytes were not valid in the encoding first tried */
  fallbackFrom?: string;
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const encoding = getEncoding(buffer, { defaultEncoding: "utf-8" }).toLowerCase();
  let text = decodeBuffer(buffer, { defaultEncoding: "utf-8" });
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (encoding === "utf-8" && text.includes("\uFFFD") && !hasLiteralReplacementChar(buffer)) {
    const legacy = decodeBuffer(buffer, { defaultEncoding: "windows-1252", transportLayerEncodingLabel: "windows-1252" });
    return { text: repairMojibake(legacy), encoding: "windows-1252", fallbackFrom: "utf-8" };
  }
  return { text: repairMojibake(text), encoding };
}

/** U+FFFD written on purpose in UTF-8 is EF BF BD; then the replacement chars are not decode errors. */
function hasLiteralReplacementChar(buffer: Buffer): boolean {
  return buffer.includes(Buffer.from([0xef, 0xbf, 0xbd]));
}
