// Required / Optional columns ("Required: Yes", "Optional: No", "Required: Only for HA") to the
// flow's optional flag, and the text that says when the flow is needed to a condition.
import { cleanText, impliesOptional } from "./text.js";

const YES = /^(?:yes|y|true|x|\u2713|\u2714|\u2705|required|mandatory|always)\.?$/i;
const NO = /^(?:no|n|false|-|\u2013|\u2014|\u2717|\u2718|optional|conditional|recommended|not required)\.?$/i;

export interface RequirementReading {
  /** null when the cells say nothing either way */
  optional: boolean | null;
  conditions: string[];
}

export function readRequirement(required: string | undefined, optional: string | undefined): RequirementReading {
  const out: RequirementReading = { optional: null, conditions: [] };
  const req = cleanText(required ?? "");
  const opt = cleanText(optional ?? "");
  if (req) {
    if (YES.test(req)) out.optional = false;
    else if (NO.test(req)) out.optional = true;
    else {
      // "Only for HA", "If SSO is used": needed under a condition, so not always
      out.conditions.push(req);
      out.optional = impliesOptional(req) || /^(?:only|if|when|for)\b/i.test(req);
    }
  }
  if (opt && out.optional === null) {
    if ((YES.test(opt) || /^optional\.?$/i.test(opt)) && !/^(?:required|mandatory|always)/i.test(opt)) out.optional = true;
    else if (/^(?:no|n|false|required|mandatory|always)\.?$/i.test(opt)) out.optional = false;
    else {
      out.conditions.push(opt);
      out.optional = true;
    }
  }
  return out;
}
