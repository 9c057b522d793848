import { expect, test } from 'vitest';
import { parseSeed } from '../../src/cli/seedOption.js';

test('parseSeed(text) accepts non-negative integers', () => {
  expect(parseSeed('0')).toBe(0);
  expect(parseSeed('42')).toBe(42);
  expect(parseSeed(undefined)).toBeUndefined();
});

test('parseSeed(text) rejects anything else with a message naming --seed', () => {
  for (const bad of ['abc', '-1', '1.5', '', '1e3', '99999999999999999999']) {
    expect(() => parseSeed(bad)).toThrow(/--seed must be a non-negative integer/);
  }
});
