import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The rposim command line users run: the bundle `npm run build` writes (npm run bench builds first). */
export const CLI = fileURLToPath(new URL('../../dist/bin/rposim.js', import.meta.url));
const REPORTER = pathToFileURL(fileURLToPath(new URL('./reportUsage.js', import.meta.url))).href;

export interface CommandUsage {
  cpuSec: number;
  wallSec: number;
  peakRssMb: number;
}

/**
 * Runs `node script args…` to completion and returns its CPU time and peak RSS (reported by the child itself
 * on exit, see reportUsage.ts) and the wall time seen from here, Node's start-up included. Throws with the
 * child's stderr when it fails.
 */
export function measuredNode(script: string, args: string[]): CommandUsage {
  const folder = mkdtempSync(join(tmpdir(), 'rposim-bench-usage-'));
  const usageFile = join(folder, 'usage.json');
  try {
    const start = performance.now();
    const run = spawnSync(process.execPath, ['--import', REPORTER, script, ...args], {
      env: { ...process.env, BENCH_USAGE_FILE: usageFile },
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
    const wallSec = (performance.now() - start) / 1000;
    if (run.status !== 0) throw new Error(`${script} ${args.join(' ')} exited with ${run.status ?? run.signal}: ${run.stderr.toString().trim()}`);
    const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { cpuSec: number; peakRssMb: number };
    return { ...usage, wallSec };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
