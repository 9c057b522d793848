import { expect, test } from 'vitest';
import { summaryJson } from '../../src/io/summaryJson.js';
import { resultFixture } from '../fixtures/simulationResult.js';

test('summaryJson(result) leaves out failovers, timeseries and plan runs', () => {
  const parsed = JSON.parse(summaryJson(resultFixture()));
  expect(parsed).not.toHaveProperty('failovers');
  expect(parsed).not.toHaveProperty('timeseries');
  expect(parsed).not.toHaveProperty('planRuns');
  const { failovers: _f, timeseries: _t, planRuns: _p, ...rest } = resultFixture();
  expect(parsed).toEqual(rest);
});

test('summaryJson(result) is pretty-printed with 2 spaces and ends with a newline', () => {
  const text = summaryJson(resultFixture());
  expect(text.startsWith('{\n  "scenario": "fixture-site",\n')).toBe(true);
  expect(text.endsWith('}\n')).toBe(true);
});

test('summaryJson(result) does not depend on the order in which keys were built', () => {
  const result = resultFixture();
  const reordered = Object.fromEntries(Object.entries(result).reverse()) as typeof result;
  reordered.vms = result.vms.map((vm) => Object.fromEntries(Object.entries(vm).reverse()) as typeof vm);
  expect(summaryJson(reordered)).toBe(summaryJson(result));
});

test('summaryJson(result) puts identity keys first, then the rest alphabetically', () => {
  const parsed = JSON.parse(summaryJson(resultFixture()));
  expect(Object.keys(parsed)).toEqual([
    'scenario',
    'cycle',
    'disasterTimesSec',
    'eventCount',
    'groups',
    'horizonSec',
    'plans',
    'processServers',
    'seed',
    'uplinks',
    'version',
    'vms',
    'warmupSec',
  ]);
  expect(Object.keys(parsed.vms[0])[0]).toBe('name');
});
