// Turns run events into what a person or a machine reads. On a terminal: one progress line on
// stderr ("sentinel: 12/40 documents"), redrawn at most ten times a second, then a one-line summary.
// Not a terminal: no progress line. --quiet: nothing but errors. --json: one JSON object per line on
// stdout (no progress ticks), for nightly job logs.
import type { RunEvent } from "./events.js";

/** a stream: process.stderr, or a string sink in tests */
export interface TextOutput {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface ProgressOptions {
  stdout: TextOutput;
  stderr: TextOutput;
  quiet?: boolean;
  json?: boolean;
}

const REDRAW_MS = 100;

export function createProgress(options: ProgressOptions): (event: RunEvent) => void {
  const { stdout, stderr } = options;
  const tty = Boolean(stderr.isTTY) && !options.quiet && !options.json;
  let lastDraw = 0;
  let drawn = false;
  const clear = () => {
    if (drawn) stderr.write("\r\x1b[2K");
    drawn = false;
  };
  return (event) => {
    if (options.json) {
      if (event.event !== "progress") stdout.write(JSON.stringify(event) + "\n");
      return;
    }
    switch (event.event) {
      case "progress": {
        const now = Date.now();
        if (!tty || (now - lastDraw < REDRAW_MS && event.done !== event.total)) return;
        lastDraw = now;
        stderr.write(`\r\x1b[2K${event.source}: ${event.done}/${event.total} documents`);
        drawn = true;
        return;
      }
      case "source-failed":
        clear();
        stderr.write(`portflow run: ${event.file}: ${event.message}\n`);
        return;
      case "run-done": {
        clear();
        if (options.quiet) return;
        const t = event.totals;
        const failed = t.failedSources ? `, ${t.failedSources} failed` : "";
        stderr.write(
          `portflow run: ${t.sources} source${t.sources === 1 ? "" : "s"}${failed}, ${t.versions} version${t.versions === 1 ? "" : "s"}, ` +
            `${t.documents} documents (${t.parsed} parsed, ${t.cached} cached), ${t.flows} flows, ${t.errors} error diagnostic${t.errors === 1 ? "" : "s"} ` +
            `in ${(event.elapsedMs / 1000).toFixed(1)} s\n`,
        );
        return;
      }
      default:
        return;
    }
  };
}
