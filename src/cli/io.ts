// What a command may touch of the outside world: injected, so tests run commands with string streams.
export interface Output {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface CliIO {
  stdout: Output;
  stderr: Output;
  cwd: string;
  env: Record<string, string | undefined>;
}

export const EXIT = { ok: 0, findings: 1, usage: 2, unreadable: 3 } as const;

/** A usage problem: printed with the command's help hint, exit 2. */
export class UsageError extends Error {}
