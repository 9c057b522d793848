import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/io/loadScenario.js';
import { TimeseriesCsvFile, timeseriesCsv } from '../../src/io/timeseriesCsv.js';
import type { TimeseriesSample } from '../../src/metrics/types.js';
import type { Scenario } from '../../src/scenario/types.js';
import { simulate } from '../../src/simulate.js';
import { arbitraryScenario } from '../helpers/arbitraryScenario.js';
import { tempFolder } from './tempFolder.js';

async function loadScenario(path: string): Promise<Scenario> {
  const loaded = await loadScenarioFile(path);
  if (!loaded.ok) throw new Error(`${path} does not load`);
  return loaded.scenario;
}

// `rposim run` streams timeseries.csv while simulating (SimulateOptions.onSample) instead of holding it: the
// file must be the one the held list gives, and the rest of the result must not notice.
describe('a timeseries streamed as it is sampled', () => {
  it('gives the samples the result would hold, in the same order, and leaves every other figure unchanged', () => {
    fc.assert(
      fc.property(arbitraryScenario, (scenario) => {
        const held = simulate(scenario);
        const streamed: TimeseriesSample[] = [];
        const result = simulate(scenario, { onSample: (sample) => streamed.push(sample) });
        expect(result.timeseries).toEqual([]);
        expect(streamed).toEqual(held.timeseries);
        expect({ ...result, timeseries: held.timeseries }).toEqual(held);
      }),
      { numRuns: 25 },
    );
  });

  for (const file of ['scenarios/small-site.yaml', 'scenarios/failback-vpn.yaml']) {
    it(`writes the bytes of the held timeseries.csv (${file}${file.includes('failback') ? ', with directions' : ''})`, async () => {
      const scenario = await loadScenario(file);
      const path = join(await tempFolder(), 'timeseries.csv');
      const csv = new TimeseriesCsvFile(path);
      simulate(scenario, { onSample: csv.write });
      csv.close();
      const expected = timeseriesCsv(simulate(scenario).timeseries);
      expect(expected.split('\n').length).toBeGreaterThan(100);
      expect(readFileSync(path, 'utf8')).toBe(expected);
    });
  }

  it('leaves no file when the run takes no sample', async () => {
    const scenario = await loadScenario('scenarios/small-site.yaml');
    const path = join(await tempFolder(), 'timeseries.csv');
    const csv = new TimeseriesCsvFile(path);
    simulate({ ...scenario, output: { sampleIntervalSec: 0 } }, { onSample: csv.write });
    csv.close();
    expect(existsSync(path)).toBe(false);
  });
});
