// The changelog step of a run: the diff between two flows documents, rendered as JSON and
// Markdown, and the count of changes by impact for index.json.
import { IMPACTS, type Impact } from "../model/changes.js";
import type { FlowsDocument } from "../model/flows.js";
import { diffFlowsDocuments } from "../diff/index.js";
import { renderChangelog } from "../report/index.js";

export type ImpactCounts = Record<Impact, number>;

export interface RenderedChangelog {
  json: string;
  markdown: string;
  counts: ImpactCounts;
}

/** The changelog from `base` to `head`; ignored changes are not counted. */
export function changelogBetween(base: FlowsDocument, head: FlowsDocument, baseLabel: string, headLabel: string): RenderedChangelog {
  const changelog = diffFlowsDocuments(base, head, { baseLabel, headLabel });
  const counts = Object.fromEntries(IMPACTS.map((i) => [i, 0])) as ImpactCounts;
  for (const change of changelog.changes) if (!change.ignored) counts[change.impact]++;
  return { json: renderChangelog(changelog, "json"), markdown: renderChangelog(changelog, "markdown"), counts };
}
