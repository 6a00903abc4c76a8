// The few node shapes of the DOM cheerio builds (domhandler nodes with parse5 source locations),
// typed here so the parser depends on cheerio alone.

export interface DomNode {
  type: string; // "tag" | "script" | "style" | "text" | "comment" | "root" | "directive" | "cdata"
  parent: DomNode | null;
  sourceCodeLocation?: { startLine: number } | null;
}

export interface DomText extends DomNode {
  type: "text";
  data: string;
}

export interface DomElement extends DomNode {
  name: string;
  attribs: Record<string, string>;
  children: DomNode[];
}

export function isText(node: DomNode): node is DomText {
  return node.type === "text";
}

/** Elements, scripts and styles included (domhandler gives <script>/<style> their own type). */
export function isElement(node: DomNode): node is DomElement {
  return node.type === "tag" || node.type === "script" || node.type === "style";
}

export function childElements(el: DomElement): DomElement[] {
  return el.children.filter(isElement);
}

/** Maps a node to its 1-based line in the original file (fragments start further down). */
export type LineOf = (node: DomNode) => number;

export function lineMapper(firstLine: number): LineOf {
  return (node) => {
    // parse5 gives implied elements (an inserted <tbody>) no location: use the nearest located ancestor
    for (let n: DomNode | null = node; n; n = n.parent) {
      if (n.sourceCodeLocation) return n.sourceCodeLocation.startLine + firstLine - 1;
    }
    return firstLine;
  };
}

/** Nesting beyond this is read as flat text: no real page nests so deep, and recursion must not overflow. */
export const MAX_DEPTH = 400;

/** The text nodes under a node in document order, without recursion (for pathologically deep markup). */
export function textNodesOf(node: DomNode): DomText[] {
  const out: DomText[] = [];
  const stack: DomNode[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (isText(n)) out.push(n);
    else if (isElement(n) && n.type === "tag") for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}
