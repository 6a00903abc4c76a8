#!/usr/bin/env node
import { run } from "./index.js";
import type { CliIO } from "./io.js";

// The standard streams are opened on first use: `extract -o FILE` never writes to stdout.
const io: CliIO = {
  get stdout() {
    return process.stdout;
  },
  get stderr() {
    return process.stderr;
  },
  cwd: process.cwd(),
  env: process.env,
};
process.exitCode = await run(process.argv.slice(2), io);
