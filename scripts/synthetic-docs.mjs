// A synthetic documentation tree for the benchmark and the equality tests: ordinary docs pages
// (prose, lists, code, non-port tables) in Markdown, HTML and text, and about 5% of pages holding
// port requirements in the messy shapes real vendor docs use. Deterministic: same seed, same bytes.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** A small seeded random generator (mulberry32): the same seed, the same pages. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ("audit collector server agent policy report search alert console archive schedule retention " +
  "dashboard export import workflow template account group role permission setting folder share cluster " +
  "backup restore license update event change review owner team summary filter index query node service " +
  "configure enable disable select open close save apply verify install upgrade monitor collect store").split(" ");
const HOSTS = ["Sentinel Server", "Watched host", "Domain controllers", "Report Server", "Sentinel Console", "Archive share", "Search service", "Partner Portal", "Collector agent", "SQL Server"];
const PORT_CELLS = ["139 445", "80,443", "135, 139", "137 through 139", "1024-65535", "1024 -65535", "1024 – 65535", "Dynamic: 1024 -65535",
  "135 + Dynamic: 1024-65535", "135, 139 Dynamic Range (49152-65535)", "RPC Dynamic Range", "TCP 12228", "For Managed Service Providers: 443",
  "- 80 for http - 443 for https", "443 (HTTPS) or Custom", "–", "7001", "9200", "5985", "3268"];
const PROTOCOLS = ["TCP", "UDP", "TCP/UDP", "HTTPS", "TCP", "ICMP", "TCP"];

export function generateDocs(root, { pages = 10000, portShare = 0.05, seed = 42 } = {}) {
  const r = rng(seed);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const words = (n) => Array.from({ length: n }, () => pick(WORDS)).join(" ");
  const sentence = () => { const s = words(8 + Math.floor(r() * 14)); return s[0].toUpperCase() + s.slice(1) + "."; };
  const paragraph = () => Array.from({ length: 3 + Math.floor(r() * 4) }, sentence).join(" ");
  // an ordinary page now and then mentions a port in passing, as real docs do
  const aside = () => (r() < 0.04 ? ` The ${pick(WORDS)} service listens on port ${1000 + Math.floor(r() * 9000)} by default.` : "");
  const portRow = () => [pick(PORT_CELLS), pick(PROTOCOLS), pick(HOSTS), pick(HOSTS), `${words(3)}`];
  let bytes = 0;
  let portPages = 0;
  const files = [];
  for (let i = 0; i < pages; i++) {
    const kind = r();
    const holdsPorts = r() < portShare;
    if (holdsPorts) portPages++;
    const title = `${words(3)} ${i}`.replace(/^./, (c) => c.toUpperCase());
    const folder = `section-${String(i % 50).padStart(2, "0")}`;
    let rel;
    let text;
    if (kind < 0.6) {
      rel = `${folder}/page-${i}.md`;
      const parts = [`---\ntitle: "${title}"\nsidebar_position: ${i % 20}\n---\n`, `# ${title}\n`, paragraph() + aside() + "\n"];
      for (let s = 0; s < 3; s++) {
        parts.push(`## ${words(2)}\n`, paragraph() + "\n");
        parts.push(Array.from({ length: 4 }, () => `- ${sentence()}`).join("\n") + "\n");
        if (s === 1) parts.push("| Setting | Value | Notes |\n| --- | --- | --- |\n" + Array.from({ length: 6 }, () => `| ${pick(WORDS)} | ${pick(WORDS)} | ${words(4)} |`).join("\n") + "\n");
        if (s === 2) parts.push("```sh\n" + `portctl ${pick(WORDS)} --${pick(WORDS)}` + "\n```\n");
      }
      if (holdsPorts) {
        parts.push(`## Ports\n`, "| Port | Protocol | Source | Target | Purpose |\n| ---- | -------- | ------ | ------ | ------- |\n" +
          Array.from({ length: 8 }, () => `| ${portRow().join(" | ")} |`).join("\n") + "\n");
      }
      text = parts.join("\n");
    } else if (kind < 0.85) {
      rel = `${folder}/page-${i}.html`;
      const parts = [`<!DOCTYPE html>\n<html><head><title>${title}</title></head><body>`, `<h1>${title}</h1>`, `<p>${paragraph()}${aside()}</p>`];
      for (let s = 0; s < 3; s++) {
        parts.push(`<h2>${words(2)}</h2>`, `<p>${paragraph()}</p>`, `<ul>${Array.from({ length: 4 }, () => `<li>${sentence()}</li>`).join("")}</ul>`);
        if (s === 1) parts.push(`<table><tr><th>Setting</th><th>Value</th></tr>${Array.from({ length: 6 }, () => `<tr><td>${pick(WORDS)}</td><td>${words(3)}</td></tr>`).join("\n")}</table>`);
      }
      if (holdsPorts) {
        parts.push(`<h2>Ports</h2><table><tr><th>Port</th><th>Protocol</th><th>Source</th><th>Target</th><th>Description</th></tr>\n` +
          Array.from({ length: 8 }, () => `<tr>${portRow().map((c) => `<td>${c}</td>`).join("")}</tr>`).join("\n") + "</table>");
      }
      text = parts.join("\n") + "\n</body></html>\n";
    } else {
      rel = `${folder}/kb-${i}.txt`;
      const parts = [title, "Overview", paragraph() + aside(), "Instructions"];
      for (let s = 0; s < 3; s++) parts.push(`${words(2)}`, paragraph());
      if (holdsPorts) {
        for (let b = 0; b < 3; b++) {
          parts.push(pick(HOSTS), `- Port: ${pick(["443 (HTTPS) or Custom", "7001", "22 (SSH)", "5986"])}`, `- Direction: Outbound from ${pick(HOSTS)} to ${pick(HOSTS)}`, `- Protocol: ${pick(["HTTPS", "TCP", "TCP/SSH"])}`, sentence());
        }
      }
      text = parts.join("\n") + "\n";
    }
    const path = join(root, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    bytes += Buffer.byteLength(text);
    files.push(rel);
  }
  return { files: files.sort(), bytes, portPages };
}
