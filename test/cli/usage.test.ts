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

test('rposim run of a missing file exits 2, names the file, and shows no stack trace', () => {
  const { code, stderr } = rposim(['run', 'no/such/scenario.yaml']);
  expect(code).toBe(2);
  expect(stderr).toContain('no/such/scenario.yaml');
  expect(stackLines(stderr)).toEqual([]);
});

test('rposim validate of a missing file exits 2 and names the file', () => {
  const { code, stderr } = rposim(['validate', 'no/such/scenario.yaml']);
  expect(code).toBe(2);
  expect(stderr).toContain('no/such/scenario.yaml');
});
