import type { SimulationResult } from '../../src/metrics/types.js';

/** Every bit of a result but eventCount: typed arrays as lists, and -0, NaN and ±Infinity spelled out. */
export function resultBits(result: SimulationResult): string {
  const { eventCount: _, ...rest } = result;
  return JSON.stringify(rest, (_key, value: unknown) => {
    if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
    if (typeof value === 'number' && (Object.is(value, -0) || !Number.isFinite(value))) return `number ${Object.is(value, -0) ? '-0' : value}`;
    return value;
  });
}
