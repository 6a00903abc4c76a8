// run(argv, io) → exit code. The CLI is a thin layer: parse arguments, call the library, print.
import { diffCommand, diffHelp } from "./diff.js";
import { extractCommand, extractHelp } from "./extract.js";
import { EXIT, UsageError, type CliIO } from "./io.js";
import { runCommand, runHelp } from "./run.js";
import { schemaCommand, schemaHelp } from "./schema.js";

type Command = { run: (args: string[], io: CliIO) => Promise<number>; help: string; summary: string };

export const COMMANDS: Record<string, Command> = {
  extract: { run: extractCommand, help: extractHelp, summary: "extract port flows from documents into JSON" },
  diff: { run: diffCommand, help: diffHelp, summary: "changelog of port requirements between two versions (PR comment, CI exit code)" },
  run: { run: runCommand, help: runHelp, summary: "process every source manifest into output/ (nightly job, incremental)" },
  schema: { run: schemaCommand, help: schemaHelp, summary: "print the JSON Schema of portflow's documents" },
};

export function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `Usage: portflow <command> [options]\n\nCommands:\n${lines.join("\n")}\n\nRun 'portflow <command> --help' for a command's options.`;
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(mainHelp() + "\n");
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`portflow: unknown command "${name}"\n\n${mainHelp()}\n`);
    return EXIT.usage;
  }
  try {
    return await command.run(args, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`portflow ${name}: ${err.message}\nRun 'portflow ${name} --help' for usage.\n`);
      return EXIT.usage;
    }
    throw err;
  }
}
