// Short lines that look like headings but name no section: the label of an on-page table of contents
// ("In this article") and a table or figure caption ("Table 3: Firewall Rules"). Shared by the text
// and HTML parsers so both read them the same way.

// What help centers print above the in-page list of links to the headings below.
const PAGE_INDEX_LABEL = /^(?:in this (?:article|topic|page|section|document)|on this page)$/i;

// "Table. Firewall Rules", "Table 3: Firewall Rules", "Figure 2-1 – Topology", "Table 4 Ports": a
// caption numbers or punctuates its kind word; "Tables and Ports" or "Table of Ports" do not.
const CAPTION_PUNCTUATED = /^(?:table|figure|fig\.)(?:\s*\d+(?:[.-]\d+)*)?\s*[.:\u2013\u2014-]\s+\S/i;
const CAPTION_NUMBERED = /^(?:[Tt]able|[Ff]igure)\s+\d+(?:[.-]\d+)*\s+\p{Lu}/u;
// ".Port List": an AsciiDoc block title, the caption of the table or listing under it
const BLOCK_TITLE = /^\.\p{L}[^\n]{0,80}$/u;

export function isPageIndexLabel(text: string): boolean {
  return PAGE_INDEX_LABEL.test(text.replace(/\s+/g, " ").trim());
}

export function isCaption(text: string): boolean {
  const t = text.trim();
  return CAPTION_PUNCTUATED.test(t) || CAPTION_NUMBERED.test(t) || BLOCK_TITLE.test(t);
}
