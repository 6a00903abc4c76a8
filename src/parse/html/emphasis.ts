// Markdown emphasis written inside HTML (docs-as-code pages embed raw <table> blocks, where Markdown is
// not rendered): "4449 (_only_ required for UI development)" reads "4449 (only required …)".
// Only whole words wrapped in "_", "__" or "**" count, so snake_case names, "_ldap._tcp" records,
// footnote stars ("9877*") and wildcard hosts ("*.example.com") are left alone.
const EMPHASIS = /(^|[\s(\[{"'])(__?|\*\*)(?=[\p{L}\p{N}])([^\n]*?[\p{L}\p{N}.)!?])\2(?=$|[\s)\]}.,;:!?"'])/gu;

export function stripMarkdownEmphasis(text: string): string {
  if (!text.includes("_") && !text.includes("**")) return text;
  return text.replace(EMPHASIS, "$1$3");
}
