import { failoverRecords } from '../../src/metrics/failoverTable.js';
import { expect, test } from 'vitest';
import { bytesCell, neutraliseFormula, secondsCell } from '../../src/io/csvCells.js';
import { failoversCsv } from '../../src/io/failoversCsv.js';
import { resultFixture } from '../fixtures/simulationResult.js';

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

test.each([
  ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
  ['+1+cmd|calc', `'+1+cmd|calc`],
  ['-2+3', `'-2+3`],
  ['@SUM(A1)', `'@SUM(A1)`],
  ['\t=1', `'\t=1`],
  ['\r=1', `'\r=1`],
  ['-12.5', '-12.5'],
  ['+3', '+3'],
  ['-1e-7', '-1e-7'],
  ['web-1', 'web-1'],
  ['', ''],
])('neutraliseFormula(%j) = %j: formulas become text (OWASP), numbers stay numbers', (cell, expected) => {
  expect(neutraliseFormula(cell)).toBe(expected);
});

test('every CSV rposim writes neutralises a formula in a name', () => {
  const record = failoverRecords(resultFixture().failovers)[0]!;
  const [, row] = failoversCsv([{ ...record, vm: '=1+1' }]).split('\n');
  expect(row!.startsWith("'=1+1,")).toBe(true);
});
