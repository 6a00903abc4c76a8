// Bundles the CLI into one file (dist/cli/portflow.mjs), the package's bin. Why: resolving and
// loading the ~400 ES modules of dist/ and node_modules (micromark, zod, …) one by one takes most of
// a one-file `portflow extract`'s start-up; one file loads in a fraction of that. The library
// (dist/index.js) and the run's worker (dist/run/worker.js) stay unbundled; dependencies that are
// loaded with require() at run time (cheerio's parse5 adapter, picomatch) resolve from node_modules
// as they do unbundled.
import { build } from "esbuild";

await build({
  entryPoints: ["dist/cli/bin.js"],
  outfile: "dist/cli/portflow.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
  // CommonJS dependencies inside an ES module bundle need a require of their own
  banner: { js: "import { createRequire as __portflowRequire } from 'node:module'; const require = __portflowRequire(import.meta.url);" },
});
