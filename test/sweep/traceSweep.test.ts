// Sweeps over scenarios that replay traces: every run gets the trace its variant names (issue 9: each failed
// with "… (not loaded)" when the trace was an MSR trace or sat in vmDefaults).
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { runSweep } from '../../src/sweep/runSweep.js';

const scenarios = fileURLToPath(new URL('../../scenarios', import.meta.url));

async function sweep(spec: string, base?: string): Promise<{ failures: unknown[]; runs: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'rposim-trace-sweep-'));
  if (base) await writeFile(join(dir, 'base.yaml'), base);
  await writeFile(join(dir, 'sweep.yaml'), spec);
  const outcome = await runSweep(join(dir, 'sweep.yaml'), { out: join(dir, 'out'), workers: 1 });
  return { failures: outcome.failures, runs: await readFile(join(dir, 'out', 'runs.csv'), 'utf8') };
}

test('a sweep of the shipped MSR scenario, varying the trace interval itself, runs every point', async () => {
  const { failures, runs } = await sweep(
    `base: ${join(scenarios, 'synthetic-msr.yaml')}\naxes:\n  - path: vms[0].churn[0].trace.interval\n    values: [30s, 60s]\n  - path: description\n    values: ["=cmd|calc"]\n`,
  );
  expect(failures).toEqual([]);
  const rows = runs.trim().split('\n').slice(1);
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((row) => row.includes(',ok,'))).toBe(true);
  // The axis value is a formula: runs.csv shows it as text.
  expect(rows.every((row) => row.split(',')[1] === "'=cmd|calc")).toBe(true);
});

test('a sweep whose base gives the trace in vmDefaults runs every point', async () => {
  const base = `name: defaults
horizon: 1d
warmup: 1h
uplinks: [{ name: wan, bandwidth: 50 Mbps }]
processServers: [{ name: ps1, uplink: wan }]
vmDefaults:
  processServer: ps1
  churn: [{ trace: { file: ${join(scenarios, 'traces/synthetic-2d.csv')} } }]
vms: [{ name: a }, { name: b, count: 2 }]
`;
  const { failures, runs } = await sweep('base: base.yaml\naxes:\n  - path: uplinks[0].bandwidth\n    values: [20 Mbps, 50 Mbps]\n', base);
  expect(failures).toEqual([]);
  expect(runs.trim().split('\n').slice(1).every((row) => row.includes(',ok,'))).toBe(true);
});
