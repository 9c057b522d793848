import { readFileSync } from 'node:fs';
import type { Scenario } from '../../src/scenario/types.js';

/** A scenario kept in test/fixtures/ as JSON: a shrunk counterexample of a property, replayed as a regression. */
export function fixtureScenario(file: string): Scenario {
  return JSON.parse(readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8')) as Scenario;
}
