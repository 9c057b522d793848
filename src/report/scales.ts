// Units for chart axes: one unit per axis, chosen from the largest value, like the terminal's human units.

const BYTE_UNITS: ReadonlyArray<readonly [string, number]> = [
  ['TB', 1e12],
  ['GB', 1e9],
  ['MB', 1e6],
  ['kB', 1e3],
];

export function byteUnit(maxBytes: number): { unit: string; divisor: number } {
  const found = BYTE_UNITS.find(([, size]) => maxBytes >= size);
  return found ? { unit: found[0], divisor: found[1] } : { unit: 'B', divisor: 1 };
}

const TIME_UNITS: ReadonlyArray<readonly [string, number]> = [
  ['days', 86_400],
  ['hours', 3_600],
  ['minutes', 60],
];

/** Minutes up to 2 hours, hours up to 2 days, days beyond. */
export function timeUnit(maxSec: number): { unit: string; divisor: number } {
  const found = TIME_UNITS.find(([, size]) => maxSec >= 2 * size) ?? TIME_UNITS[2]!;
  return { unit: found[0], divisor: found[1] };
}

export const DAY_SEC = 86_400;
