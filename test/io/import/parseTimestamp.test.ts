import { describe, expect, it } from 'vitest';
import { formatTimestamp, parseTimestamp } from '../../../src/io/import/parseTimestamp.js';

const at = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h, mi, s) / 1000;

describe('parseTimestamp', () => {
  it('reads ISO 8601, with an offset applied', () => {
    expect(parseTimestamp('2024-01-15T10:05:00')).toBe(at(2024, 1, 15, 10, 5));
    expect(parseTimestamp('2024-01-15 10:05')).toBe(at(2024, 1, 15, 10, 5));
    expect(parseTimestamp('2024-01-15T10:05:00Z')).toBe(at(2024, 1, 15, 10, 5));
    expect(parseTimestamp('2024-01-15T10:05:00+01:00')).toBe(at(2024, 1, 15, 9, 5));
    expect(parseTimestamp('2024-01-15T10:05:30.5')).toBe(at(2024, 1, 15, 10, 5, 30) + 0.5);
  });

  it('reads en-US PowerShell dates month first, with AM/PM (12 AM is midnight, 12 PM noon)', () => {
    expect(parseTimestamp('1/15/2024 12:05:00 AM')).toBe(at(2024, 1, 15, 0, 5));
    expect(parseTimestamp('1/15/2024 12:05:00 PM')).toBe(at(2024, 1, 15, 12, 5));
    expect(parseTimestamp('1/15/2024 3:00:00 PM')).toBe(at(2024, 1, 15, 15));
    expect(parseTimestamp('15/01/2024 10:05:00')).toBeUndefined();
  });

  it('reads day-first slashes with dayFirst, and dotted dates always day first', () => {
    expect(parseTimestamp('15/01/2024 10:05:00', true)).toBe(at(2024, 1, 15, 10, 5));
    expect(parseTimestamp('15.01.2024 10:05:00')).toBe(at(2024, 1, 15, 10, 5));
  });

  it('rejects impossible dates and other text', () => {
    for (const bad of ['2024-02-30T00:00:00', '2024-13-01', '1/15/2024 13:00:00 PM', 'yesterday', '', '2024-01-15T24:00:00']) {
      expect(parseTimestamp(bad), bad).toBeUndefined();
    }
  });

  it('formatTimestamp shows minutes, and seconds only when not zero', () => {
    expect(formatTimestamp(at(2024, 1, 15, 10, 5))).toBe('2024-01-15 10:05');
    expect(formatTimestamp(at(2024, 1, 15, 10, 5, 20))).toBe('2024-01-15 10:05:20');
  });
});
