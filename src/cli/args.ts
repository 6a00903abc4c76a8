// Argument parsing with node:util parseArgs; unknown options become usage errors, not crashes.
import { parseArgs } from "node:util";
import { UsageError } from "./io.js";

type OptionSpec = { type: "string" | "boolean"; short?: string; multiple?: boolean };
type Values<T extends Record<string, OptionSpec>> = {
  [K in keyof T]?: T[K] extends { type: "boolean" } ? boolean : T[K] extends { multiple: true } ? string[] : string;
};

export function parseCommandArgs<T extends Record<string, OptionSpec>>(
  args: string[],
  options: T,
): { values: Values<T>; positionals: string[] } {
  try {
    const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: parsed.values as Values<T>, positionals: parsed.positionals };
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(", ")} (got "${value}")`);
}
