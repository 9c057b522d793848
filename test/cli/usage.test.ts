// CLI behaviour that does not need a simulation: argument errors and unreadable input.
import { expect, test } from 'vitest';
import { VERSION } from '../../src/version.js';
import { rposim, stackLines } from './runRposim.js';

test('rposim with an unknown command exits 2 and names it', () => {
  const { code, stderr } = rposim(['frobnicate']);
  expect(code).toBe(2);
  expect(stderr).toContain('frobnicate');
  expect(stackLines(stderr)).toEqual([]);
});

test('rposim without a command exits 2', () => {
  expect(rposim([]).code).toBe(2);
});

test('rposim run with an unknown option exits 2', () => {
  const { code, stderr } = rposim(['run', 'scenarios/small-site.yaml', '--bogus']);
  expect(code).toBe(2);
  expect(stderr).toContain('bogus');
});

test('rposim --version prints the version and exits 0', () => {
  const { code, stdout } = rposim(['--version']);
  expect(code).toBe(0);
  expect(stdout.trim()).toBe(VERSION);
});

test('rposim --help lists the commands and exits 0', () => {
  const { code, stdout } = rposim(['--help']);
  expect(code).toBe(0);
  expect(stdout).toContain('rposim run <scenario>');
  expect(stdout).toContain('rposim validate <file>');
});

test.each(['abc', '-1', '1.5'])('rposim run --seed=%s exits 2 with a message about --seed', (seed) => {
  const { code, stderr } = rposim(['run', 'scenarios/small-site.yaml', `--seed=${seed}`]);
  expect(code).toBe(2);
  expect(stderr).toContain('--seed must be a non-negative integer');
  expect(stackLines(stderr)).toEqual([]);
});

test.each(['validate', 'run', 'sweep'])('rposim %s of a missing file says "file not found", not ENOENT', (command) => {
  const { code, stderr } = rposim([command, 'no/such/scenario.yaml']);
  expect(code).toBe(2);
  expect(stderr).toBe('rposim: file not found: no/such/scenario.yaml\n');
});

test.each([
  ['rn', 'run'],
  ['validat', 'validate'],
  ['swep', 'sweep'],
])('rposim %s: a typo in a command gets "did you mean %s?"', (typo, command) => {
  const { code, stderr } = rposim([typo, 'scenarios/small-site.yaml']);
  expect(code).toBe(2);
  expect(stderr).toContain(`rposim: unknown command "${typo}": did you mean ${command}?`);
});

test.each(['run', 'validate'])('rposim %s of a sweep spec says to use rposim sweep', (command) => {
  const file = 'scenarios/sweeps/uplink-for-15m-rpo.yaml';
  const { code, stderr } = rposim([command, file]);
  expect(code).toBe(2);
  expect(stderr).toBe(`${file}: (top level): expected a scenario, found a sweep spec (this is a sweep spec; use rposim sweep ${file})\n`);
});

test('rposim sweep of a scenario says to use rposim run', () => {
  const { code, stderr } = rposim(['sweep', 'scenarios/small-site.yaml']);
  expect(code).toBe(2);
  expect(stderr).toContain('found a scenario (this is a scenario; use rposim run scenarios/small-site.yaml');
});
