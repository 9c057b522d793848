import { describe, expect, it } from 'vitest';
import { dailyProfileFromVolume, dailyShapeWeights } from '../../src/scenario/dailyShape.js';

const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('dailyProfileFromVolume', () => {
  it.each([
    [200e9, 14, 3],
    [1e12, 0, 1.5],
    [5e9, 23, 10],
    [1e9, 9, 20],
  ])('dailyProfileFromVolume(%d, %d, %d) writes the volume per day and keeps the peak ratio', (volume, peakHour, ratio) => {
    const rates = dailyProfileFromVolume(volume, peakHour, ratio);
    expect(rates).toHaveLength(24);
    expect(mean(rates) * 86_400).toBeCloseTo(volume, -1);
    expect(Math.max(...rates) / mean(rates)).toBeCloseTo(ratio, 9);
  });

  it('dailyProfileFromVolume peaks at the peak hour', () => {
    const rates = dailyProfileFromVolume(200e9, 14, 3);
    expect(rates.indexOf(Math.max(...rates))).toBe(14);
  });

  it('dailyShapeWeights(h, 1) is flat', () => {
    expect(dailyShapeWeights(5, 1)).toEqual(Array(24).fill(1));
  });

  it('dailyShapeWeights rejects a ratio of 24 or more and a fractional hour', () => {
    expect(() => dailyShapeWeights(0, 24)).toThrow(RangeError);
    expect(() => dailyShapeWeights(9.5, 2)).toThrow(RangeError);
  });
});
