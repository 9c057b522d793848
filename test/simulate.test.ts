import { expect, it } from 'vitest';
import { simulate } from '../src/simulate.js';
import { scenarioFixture } from './helpers/scenarioFixture.js';

it('simulate(scenario, { onProgress }) reports rising fractions up to 1 and changes nothing in the result', () => {
  const scenario = scenarioFixture();
  const fractions: number[] = [];
  const withProgress = simulate(scenario, { onProgress: (fraction) => fractions.push(fraction) });
  expect(JSON.stringify(withProgress)).toBe(JSON.stringify(simulate(scenario)));
  expect(fractions.length).toBeGreaterThan(5);
  expect(fractions.every((f, i) => f > 0 && f <= 1 && (i === 0 || f > fractions[i - 1]!))).toBe(true);
  expect(fractions.at(-1)).toBe(1);
});
