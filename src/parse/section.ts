// The heading trail a block sits under, page title first. A top heading that repeats the page
// title (front matter `title` and `# Title`) is not counted twice.
export class SectionTrail {
  private stack: { depth: number; text: string }[] = [];

  constructor(private readonly title: string | null) {}

  enter(depth: number, rawText: string): void {
    const text = rawText.replace(/\s+/g, " ").trim();
    if (!text) return;
    while (this.stack.length && this.stack[this.stack.length - 1]!.depth >= depth) this.stack.pop();
    if (this.stack.length === 0 && this.title !== null && sameHeading(text, this.title)) return;
    this.stack.push({ depth, text });
  }

  current(): string[] {
    const names = this.stack.map((s) => s.text);
    return this.title === null ? names : [this.title, ...names];
  }
}

function sameHeading(a: string, b: string): boolean {
  const fold = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();
  return fold(a) === fold(b);
}
