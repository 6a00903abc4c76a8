// Tables built of <div>s with ARIA roles (role=table|grid|treegrid, rows of role=row, cells of
// role=cell|gridcell|columnheader|rowheader), as component-library help centers render them.
import { type DomElement, type DomNode, isElement } from "./dom.js";

const TABLE_ROLES = new Set(["table", "grid", "treegrid"]);
const CELL_ROLES = new Set(["cell", "gridcell", "columnheader", "rowheader"]);
const HEADER_ROLES = new Set(["columnheader", "rowheader"]);

const roleOf = (el: DomElement) => el.attribs.role?.trim().toLowerCase() ?? "";

/** A table by role only (a real <table> is read as one anyway). */
export function isAriaTable(el: DomElement): boolean {
  return el.name !== "table" && TABLE_ROLES.has(roleOf(el));
}

export function isAriaHeaderCell(el: DomElement): boolean {
  return HEADER_ROLES.has(roleOf(el));
}

/** The rows of an ARIA table in document order, each with its cells; a nested table's rows are its own. */
export function ariaRows(table: DomElement): { tr: DomElement; cells: DomElement[] }[] {
  const rows: { tr: DomElement; cells: DomElement[] }[] = [];
  for (const tr of descendants(table, (el) => roleOf(el) === "row")) {
    rows.push({ tr, cells: descendants(tr, (el) => CELL_ROLES.has(roleOf(el))) });
  }
  return rows;
}

/** Elements under `root` that match, not looking inside a match or inside a nested table. */
function descendants(root: DomElement, match: (el: DomElement) => boolean): DomElement[] {
  const out: DomElement[] = [];
  const stack: DomNode[] = [...root.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n) || n.type !== "tag") continue;
    if (match(n)) out.push(n);
    else if (!TABLE_ROLES.has(roleOf(n)) && n.name !== "table") for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}
