// Bundles the compiled CLI (dist/, from tsc) and its worker entries into dist/bin/: `rposim` is what users run,
// and loading one bundle instead of ~240 modules of our own and ~200 of the dependencies halves every command's
// start-up (Node 20 has no module compile cache). The files sit side by side, so that each worker is found
// beside the code that starts it (io/builtWorker.ts); what is loaded on use only (exceljs, vega) stays in chunks
// of its own.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

const outdir = 'dist/bin';
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: {
    rposim: 'dist/cli/main.js',
    simulationWorker: 'dist/cli/simulationWorker.js',
    sweepProcess: 'dist/sweep/sweepProcess.js',
    compareProcess: 'dist/compare/compareProcess.js',
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  // Dependencies written as CommonJS call require(); an ES module has none unless it makes one.
  banner: { js: "import { createRequire as __rposimRequire } from 'node:module'; const require = __rposimRequire(import.meta.url);" },
});
