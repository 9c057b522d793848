// validate runs every check run runs before simulating, and says the same things: warnings included.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { rposim, stackLines } from './runRposim.js';

async function scenario(text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'rposim-validate-'));
  await writeFile(join(dir, 'trace.csv'), 'time_s,bytes_written\n0,1\n60,1e400\n');
  await writeFile(join(dir, 's.yaml'), text);
  return join(dir, 's.yaml');
}
const SITE = `name: w
horizon: 2d
warmup: 1h
uplinks: [{ name: wan, bandwidth: 1 Mbps }]
processServers: [{ name: ps1, uplink: wan }]
`;

test('rposim validate prints the warnings rposim run prints', async () => {
  const file = await scenario(`${SITE}vms: [{ name: a, processServer: ps1, churn: [{ constant: 1 MB/s }] }]\n`);
  const validated = rposim(['validate', file]);
  const ran = rposim(['run', file, '--out', join(file, '..', 'out'), '--quiet']);
  expect(validated.code).toBe(0);
  expect(ran.code).toBe(0);
  const warnings = (text: string) => text.split('\n').filter((line) => line.startsWith('warning: '));
  expect(warnings(validated.stderr)).toEqual([expect.stringMatching(/^warning: process server ps1: .* exceeds uplink wan .* will grow without bound$/)]);
  expect(warnings(ran.stderr)).toEqual(warnings(validated.stderr));
});

test('rposim validate reads the traces: a value of 1e400 is refused before any run', async () => {
  const file = await scenario(`${SITE}vms: [{ name: a, processServer: ps1, churn: [{ trace: { file: trace.csv } }] }]\n`);
  for (const command of ['validate', 'run']) {
    const { code, stderr } = rposim([command, file]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^.*s\.yaml:\d+:\d+: vms\[0\]\.churn\[0\]\.trace\.file: expected a readable churn trace CSV .*trace\.csv:3: expected bytes_written from 0 to 1000 PB, found "1e400"\)\n$/);
    expect(stackLines(stderr)).toEqual([]);
  }
});

test('out of memory is a message and exit 1, not a V8 abort', async () => {
  // 20,000 VMs' streams and stores do not fit a 64 MB heap. (Neither the timeseries nor the failovers do it any
  // more: run streams the one to disk and holds the other in typed arrays, outside the heap.)
  const file = await scenario(`${SITE}output: { sampleInterval: 0 }\nvms: [{ name: a, count: 20000, processServer: ps1, churn: [{ constant: 1 kB/s }] }]\n`);
  const { code, stderr } = rposim(['run', file, '--out', join(file, '..', 'oom')], { RPOSIM_MAX_HEAP_MB: '64' });
  expect(code).toBe(1);
  expect(stderr).toContain('rposim: out of memory: the simulation needed more than the 64 MB of heap it may use.');
  expect(stderr).not.toContain('FATAL');
  expect(stackLines(stderr)).toEqual([]);
});

test('plan out of memory is the same message and exit 1, not a V8 abort', async () => {
  // 20,000 VMs' streams and stores do not fit a 64 MB heap; plan simulates them in the guarded worker.
  const file = await scenario(`${SITE}vms: [{ name: a, count: 20000, processServer: ps1, churn: [{ constant: 1 kB/s }] }]\n`);
  const { code, stderr } = rposim(['plan', file, '--compliance', '90%'], { RPOSIM_MAX_HEAP_MB: '64' });
  expect(code).toBe(1);
  expect(stderr).toContain('rposim: out of memory: the simulation needed more than the 64 MB of heap it may use.');
  expect(stderr).not.toContain('FATAL');
  expect(stackLines(stderr)).toEqual([]);
});
