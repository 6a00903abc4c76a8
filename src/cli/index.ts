// run(argv, io) → exit code. The CLI is a thin layer: parse arguments, call the library, print.
// Each command's module is loaded when that command runs, so `portflow extract` does not load the
// diff, report and run machinery (start-up time is most of a one-file extract).
import { EXIT, UsageError, type CliIO } from "./io.js";

type CommandRun = (args: string[], io: CliIO) => Promise<number>;
type Command = { summary: string; load: () => Promise<CommandRun> };

export const COMMANDS: Record<string, Command> = {
  extract: {
    summary: "extract port flows from documents into JSON",
    load: async () => (await import("./extract.js")).extractCommand,
  },
  diff: {
    summary: "changelog of port requirements between two versions (PR comment, CI exit code)",
    load: async () => (await import("./diff.js")).diffCommand,
  },
  run: {
    summary: "process every source manifest into output/ (nightly job, incremental)",
    load: async () => (await import("./run.js")).runCommand,
  },
  schema: {
    summary: "print the JSON Schema of portflow's documents",
    load: async () => (await import("./schema.js")).schemaCommand,
  },
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
    const runCommand = await command.load();
    return await runCommand(args, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`portflow ${name}: ${err.message}\nRun 'portflow ${name} --help' for usage.\n`);
      return EXIT.usage;
    }
    throw err;
  }
}
