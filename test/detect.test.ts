// Format detection: the extension decides for .md/.html; .txt and unknown extensions are judged by
// content (Markdown vs HTML vs plain text), because docs exports save Markdown and HTML as .txt.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { Format } from "../src/model/flows.js";
import { detectFormat, detectFormatFromContent } from "../src/read/detect.js";

const lines = (...l: string[]) => l.join("\n");

const KB_ARTICLE = lines(
  "Which Ports Does Contoso Relay Need",
  "Overview",
  "NOTE: Defaults for Relay 4.",
  "Relay Console",
  "- Port: 443 (HTTPS) or Custom",
  "- Direction: Inbound to Relay server",
  "- Protocol: HTTPS",
  "Summary",
  "Inbound to Relay server:",
  "- Port 443 (HTTPS) - for console access",
  "Visit https://contoso.example/kb/relay for more.",
);

describe("detectFormatFromContent", () => {
  test.each<[string, Format, string]>([
    ["KB article with '- Port: 443' bullets", "text", KB_ARTICLE],
    ["KB article with numbered steps and a '*' bullet", "text", lines("Title", "1. Open the console.", "2. Click Save.", "* Port: 22")],
    ["plain text quoting a shell snippet with '#' comments", "text", lines("Open the port:", "# allow SSH", "# from the scanner", "iptables -A INPUT -p tcp --dport 22 -j ACCEPT")],
    ["plain text with one bold-looking word", "text", lines("Ports", "Open **all** of them.")],
    ["plain text with a few angle brackets", "text", lines("Ports", "Use <host>:<port> as the address.", "Replace <port> with 443.")],
    ["empty", "text", ""],
    ["Markdown with front matter only", "markdown", lines("---", "title: Ports", "---", "", "Open port 443.")],
    ["Markdown with TOML front matter", "markdown", lines("+++", 'title = "Ports"', "+++", "", "Open port 443.")],
    ["Markdown opening with an ATX title", "markdown", lines("# Agent Ports", "", "Open port 443.")],
    ["Markdown with ATX headings further down", "markdown", lines("Intro text.", "", "## Inbound", "", "Text.", "", "## Outbound", "", "Text.")],
    ["Markdown with a GFM pipe table", "markdown", lines("Ports", "", "| Port | Protocol |", "| ---- | -------- |", "| 443 | TCP |")],
    ["Markdown pipe table without outer pipes", "markdown", lines("Port | Protocol", ":--- | ---:", "443 | TCP")],
    ["Markdown with a :::note admonition", "markdown", lines("Ports", "", ":::note", "Port 443 must be open.", ":::")],
    ["Markdown with links and bold", "markdown", lines("Ports", "", "See [the guide](https://x.example/g) and **Step 1** and [more](/m).")],
    ["Markdown holding a raw HTML table", "markdown", lines("# Ports", "", "<table>", "<tr><th>Port</th></tr>", "<tr><td>443</td></tr>", "</table>")],
    ["HTML document with doctype", "html", lines("<!DOCTYPE html>", "<html><body><p>Port 443</p></body></html>")],
    ["HTML document after a comment", "html", lines("<!-- saved from url -->", "<html lang=en><body>Port 443</body></html>")],
    ["XHTML document", "html", lines('<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE html>", '<html xmlns="http://www.w3.org/1999/xhtml">')],
    ["HTML fragment without doctype", "html", lines("<div class=topic>", "<h1>Ports</h1>", "<p>Open these:</p>", "<ul><li>443</li><li>22</li></ul>", "</div>")],
    ["BOM before a doctype", "html", "\uFEFF<!doctype html><html><body>x</body></html>"],
  ])("%s → %s", (_name, expected, text) => {
    expect(detectFormatFromContent(text)).toBe(expected);
  });
});

describe("detectFormat", () => {
  test.each<[string, Format, string]>([
    ["page.md", "markdown", KB_ARTICLE],
    ["page.MDX", "markdown", "plain"],
    ["page.htm", "html", "plain"],
    ["page.xhtml", "html", "plain"],
    ["article.txt", "text", KB_ARTICLE],
    ["article.txt", "markdown", lines("---", "title: Ports", "---", "# Ports")],
    ["article.txt", "html", "<!doctype html><html></html>"],
    ["article", "text", KB_ARTICLE],
    ["export.text", "markdown", lines("# Ports", "", "| a | b |", "|---|---|")],
  ])("%s judged as %s", (path, expected, text) => {
    expect(detectFormat(path, text)).toBe(expected);
  });
});

const SEEDS = join(import.meta.dirname, "..", "..", "shared", "seeds");
// Four seeds are Markdown exports saved as .txt; the change-tracker KB article is plain text.
const SEED_FORMATS: Record<string, Format> = {
  "activity-monitor-agent-ports.txt": "markdown",
  "auditor-logon-activity-ports.txt": "markdown",
  "auditor-protocols-and-ports.txt": "markdown",
  "auditor-user-activity-ports.txt": "markdown",
  "change-tracker-ports-kb.txt": "text",
};

describe.skipIf(!existsSync(SEEDS))("seed documents", () => {
  const present = existsSync(SEEDS) ? readdirSync(SEEDS).filter((f) => f in SEED_FORMATS) : [];

  test("the seeds are there", () => {
    expect(present.length).toBeGreaterThan(0);
  });

  test.each(present)("%s", (name) => {
    expect(detectFormat(name, readFileSync(join(SEEDS, name), "utf8"))).toBe(SEED_FORMATS[name]);
  });
});

// Every fixture's content, judged without its extension, reads as the format of its folder.
const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const fixtureInputs = (["markdown", "html", "text"] as const).flatMap((format) => {
  const dir = join(FIXTURES, format);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const input = existsSync(join(dir, name)) ? readdirSync(join(dir, name)).find((f) => f.startsWith("input.")) : undefined;
    return input ? [{ name: `${format}/${name}`, format, path: join(dir, name, input) }] : [];
  });
});

describe("fixtures judged by content alone", () => {
  test.each(fixtureInputs)("$name", ({ format, path }) => {
    expect(detectFormatFromContent(readFileSync(path, "utf8"))).toBe(format);
  });
});

describe.skipIf(!existsSync(SEEDS))("seed Markdown without its front matter", () => {
  const markdownSeeds = Object.keys(SEED_FORMATS).filter((f) => SEED_FORMATS[f] === "markdown" && existsSync(join(SEEDS, f)));
  test.each(markdownSeeds)("%s is still Markdown", (name) => {
    const body = readFileSync(join(SEEDS, name), "utf8").replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, "");
    expect(detectFormatFromContent(body)).toBe("markdown");
  });
});
