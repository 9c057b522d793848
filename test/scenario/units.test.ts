import { describe, expect, it } from 'vitest';
import { parseDuration, parseFraction, parseRate, parseSize, type UnitResult } from '../../src/scenario/units.js';

const value = (r: UnitResult): number => {
  if (!r.ok) throw new Error(`expected ok, got ${r.expected}`);
  return r.value;
};
const expected = (r: UnitResult): string => {
  if (r.ok) throw new Error(`expected failure, got ${r.value}`);
  return r.expected;
};

describe('parseDuration', () => {
  it.each([
    ['30s', 30],
    ['15m', 900],
    ['24h', 86_400],
    ['7d', 604_800],
    ['2w', 1_209_600],
    ['1.5h', 5400],
    ['1h30m', 5400],
    ['5d 12h', 5.5 * 86_400],
    ['15 m', 900],
    ['-2h', -7200],
    [0, 0],
    ['0', 0],
  ])('parseDuration(%j) = %d s', (input, seconds) => {
    expect(value(parseDuration(input))).toBeCloseTo(seconds, 9);
  });

  it.each([[5], ['5'], ['5x'], ['h'], [''], [null], [{}], ['5 min']])('parseDuration(%j) is rejected', (input) => {
    expect(expected(parseDuration(input))).toMatch(/a duration with a unit/);
  });

  it('parseDuration(300) says a bare number has no unit', () => {
    expect(expected(parseDuration(300))).toMatch(/bare number/);
  });
});

describe('parseSize', () => {
  it.each([
    ['1 B', 1],
    ['1kB', 1e3],
    ['1 KB', 1e3],
    ['600 GB', 600e9],
    ['2 TB', 2e12],
    ['1 PB', 1e15],
    ['1 KiB', 1024],
    ['1 MiB', 1_048_576],
    ['1 GiB', 2 ** 30],
    ['1 TiB', 2 ** 40],
    ['8 Mb', 1e6],
    ['8 Gb', 1e9],
    ['0.5 GB', 5e8],
    [0, 0],
  ])('parseSize(%j) = %d bytes', (input, bytes) => {
    expect(value(parseSize(input))).toBeCloseTo(bytes, 3);
  });

  it('parseSize("600 mb") asks whether megabytes or megabits were meant', () => {
    expect(expected(parseSize('600 mb'))).toContain('mb: did you mean MB (megabytes) or Mb (megabits)?');
  });

  it('parseSize("600 Mbps") says a rate is not a size', () => {
    expect(expected(parseSize('600 Mbps'))).toMatch(/a size with a unit.*data rate/);
  });

  it.each([[600], ['600'], ['600 XB'], [true]])('parseSize(%j) is rejected', (input) => {
    expect(expected(parseSize(input))).toMatch(/a size with a unit/);
  });
});

describe('parseRate', () => {
  it.each([
    ['100 Mbps', 12.5e6],
    ['100 MB/s', 1e8],
    ['20 MB/s', 20e6],
    ['54 MiB/s', 54 * 2 ** 20],
    ['2 TB/day', 2e12 / 86_400],
    ['500 GB/d', 500e9 / 86_400],
    ['10 GB/h', 10e9 / 3600],
    ['1 GB/min', 1e9 / 60],
    ['1 Gbps', 1.25e8],
    ['1.5 Gbit/s', 1.5e9 / 8],
    ['12 MBps', 12e6],
    ['12MBps', 12e6],
    ['100Mbps', 12.5e6],
    [0, 0],
  ])('parseRate(%j) = %d B/s', (input, bytesPerSec) => {
    expect(value(parseRate(input))).toBeCloseTo(bytesPerSec, 3);
  });

  it('parseRate distinguishes bits from bytes by a factor of 8', () => {
    expect(value(parseRate('100 MB/s')) / value(parseRate('100 Mb/s'))).toBe(8);
  });

  it('parseRate("100 mbps") asks whether megabytes or megabits were meant', () => {
    expect(expected(parseRate('100 mbps'))).toContain('did you mean MB (megabytes) or Mb (megabits)?');
  });

  it('parseRate(100) rejects a bare number', () => {
    expect(expected(parseRate(100))).toMatch(/a data rate with a unit, like "20 MB\/s" or "100 Mbps"/);
  });

  it('parseRate("600 GB") says a size is not a rate', () => {
    expect(expected(parseRate('600 GB'))).toMatch(/size, not a rate/);
  });

  it('parseRate("1 GB/fortnight") names the unknown time unit', () => {
    expect(expected(parseRate('1 GB/fortnight'))).toMatch(/fortnight/);
  });
});

describe('parseFraction', () => {
  it.each([
    ['20%', 0.2],
    [0.2, 0.2],
    ['0.2', 0.2],
    ['100 %', 1],
    [0, 0],
  ])('parseFraction(%j) = %d', (input, fraction) => {
    expect(value(parseFraction(input))).toBeCloseTo(fraction, 12);
  });

  it.each([['twenty'], ['20 percent'], [null]])('parseFraction(%j) is rejected', (input) => {
    expect(expected(parseFraction(input))).toMatch(/a fraction/);
  });

  it('parseFraction reads 99%, 0.99 and "0.99" alike', () => {
    expect(new Set([parseFraction('99%'), parseFraction(0.99), parseFraction('0.99')].map(value))).toEqual(new Set([0.99]));
  });

  it.each([[99], ['99'], [1.5]])('parseFraction(%j) rejects a bare number above 1 and says how to write it', (input) => {
    const n = Number(input);
    expect(expected(parseFraction(input))).toContain(`write "${n}%" for a percentage, or ${n / 100}`);
  });
});
