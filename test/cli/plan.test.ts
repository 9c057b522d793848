// rposim plan as a user runs it: unreachable targets and the one way fractions are read.
import { mkdtemp } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { rposim, stackLines } from './runRposim.js';

const TRACE = 'scenarios/traces/synthetic-2d.csv';

test('rposim plan --rpo 4m (recovery-point measure) says the target is unachievable and why, exits 2 and writes nothing', async () => {
  const out = join(await mkdtemp(join(tmpdir(), 'rposim-plan-')), 'plan');
  const { code, stdout, stderr } = rposim(['plan', TRACE, '--rpo', '4m', '--compliance', '100%', '--out', out]);
  expect(code).toBe(2);
  expect(stdout).toMatch(/100\.0% +unachievable/);
  expect(stdout).toContain('never under the processing delay (5m)');
  expect(stdout).toContain('needs an RPO target of at least 10m (processing delay + 100.0% × point interval)');
  expect(stdout).not.toMatch(/e\+\d+ Mbps/);
  expect(stderr).toContain('cannot be met at any bandwidth');
  expect(stackLines(stderr)).toEqual([]);
  expect(existsSync(out)).toBe(false);
});

test('rposim plan --compliance reads 0.99 and 99% alike, and rejects a bare 99 saying how to write it', () => {
  const { code, stdout } = rposim(['plan', TRACE, '--compliance', '0.99,99%']);
  expect(code).toBe(0);
  const rows = stdout.split('\n').filter((line) => line.startsWith('  99.0% '));
  expect(rows).toHaveLength(2);
  expect(rows[0]).toBe(rows[1]);
  const bare = rposim(['plan', TRACE, '--compliance', '99']);
  expect(bare.code).toBe(2);
  expect(bare.stderr).toContain('write "99%" for a percentage, or 0.99');
});
