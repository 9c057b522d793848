import { describe, expect, test } from 'vitest';
import { formatBytes, formatCount, formatDuration, formatPercent } from '../../src/io/humanUnits.js';

describe('formatDuration', () => {
  test('formatDuration(seconds) gives the two largest units', () => {
    expect(formatDuration(450)).toBe('7m 30s');
    expect(formatDuration(7_500)).toBe('2h 5m');
    expect(formatDuration(97_200)).toBe('1d 3h');
  });
  test('formatDuration(seconds) drops zero parts', () => {
    expect(formatDuration(7_200)).toBe('2h');
    expect(formatDuration(3_605)).toBe('1h');
    expect(formatDuration(0)).toBe('0s');
  });
  test('formatDuration(seconds) under a minute is in seconds, one decimal under 10 s', () => {
    expect(formatDuration(42)).toBe('42s');
    expect(formatDuration(4.25)).toMatch(/^4\.[23]s$/);
    expect(formatDuration(59.7)).toBe('1m');
  });
  test('formatDuration(null) is a dash', () => {
    expect(formatDuration(null)).toBe('-');
  });
});

describe('formatBytes', () => {
  test('formatBytes(bytes) uses decimal units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1_234_000_000)).toBe('1.2 GB');
    expect(formatBytes(45_300_000)).toBe('45.3 MB');
    expect(formatBytes(512_000_000)).toBe('512 MB');
    expect(formatBytes(2e12)).toBe('2 TB');
  });
  test('formatBytes(bytes) picks the unit after rounding: never "1000 kB"', () => {
    expect(formatBytes(999_960)).toBe('1 MB');
    expect(formatBytes(999.6)).toBe('1 kB');
  });
  test('formatBytes(null) is a dash', () => {
    expect(formatBytes(null)).toBe('-');
  });
});

test('formatPercent(fraction) has one decimal', () => {
  expect(formatPercent(0.973)).toBe('97.3%');
  expect(formatPercent(null)).toBe('-');
});

test('formatCount(count, noun) pluralises', () => {
  expect(formatCount(1, 'VM')).toBe('1 VM');
  expect(formatCount(3, 'VM')).toBe('3 VMs');
  expect(formatCount(0, 'uplink')).toBe('0 uplinks');
});
