// One entry for every output format of a changelog; the renderers share src/report/common.ts.
import type { Changelog } from "../model/changelog.js";
import { stableJson } from "../io/json.js";
import type { RenderOptions } from "./common.js";
import { renderGithub } from "./github.js";
import { renderMarkdown } from "./markdown.js";
import { renderText } from "./text.js";

export const REPORT_FORMATS = ["json", "markdown", "text", "github"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const RENDERERS: Record<ReportFormat, (changelog: Changelog, options: RenderOptions) => string> = {
  json: (c) => stableJson(c),
  markdown: renderMarkdown,
  text: renderText,
  github: renderGithub,
};

export function renderChangelog(changelog: Changelog, format: ReportFormat, options: RenderOptions = {}): string {
  return RENDERERS[format](changelog, options);
}

export { MARKDOWN_LIMIT } from "./markdown.js";
export type { RenderOptions } from "./common.js";
