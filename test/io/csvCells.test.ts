import { expect, test } from 'vitest';
import { bytesCell, secondsCell } from '../../src/io/csvCells.js';

test('secondsCell(seconds) has exactly 3 decimals', () => {
  expect(secondsCell(12.34567)).toBe('12.346');
  expect(secondsCell(300)).toBe('300.000');
});

test('bytesCell(bytes) rounds to whole bytes', () => {
  expect(bytesCell(4_500_000.4)).toBe('4500000');
  expect(bytesCell(1_024.6)).toBe('1025');
});

test('null cells are empty', () => {
  expect(secondsCell(null)).toBe('');
  expect(bytesCell(null)).toBe('');
});

test('negative zero prints as zero', () => {
  expect(secondsCell(-0)).toBe('0.000');
  expect(secondsCell(-0.0001)).toBe('0.000');
  expect(bytesCell(-0.2)).toBe('0');
});
