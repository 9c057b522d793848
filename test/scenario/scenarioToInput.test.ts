import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/io/loadScenario.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { scenarioToInput } from '../../src/scenario/scenarioToInput.js';
import { minimalInput } from './fixtures.js';

// Every shipped scenario, the per-product policy examples and the compare example's base (dwell, costs) included.
const examples = [
  ...(await readdir('scenarios')).filter((f) => f.endsWith('.yaml')),
  ...(await readdir('scenarios/policies')).filter((f) => f.endsWith('.yaml')).map((f) => `policies/${f}`),
  'compare/site.yaml',
];

describe('scenarioToInput(scenario)', () => {
  it.each(examples)('parses back to the same scenario for scenarios/%s', async (file) => {
    const loaded = await loadScenarioFile(join('scenarios', file));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const { document, traces } = scenarioToInput(loaded.scenario);
    const again = parseScenario(document, { source: 'again', traces });
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    // Traces are renamed in the document (one table entry per component); everything else is identical.
    const sources = (s: typeof loaded.scenario) =>
      s.vms.map((vm) => ({ ...vm, churn: vm.churn.map((c) => (c.kind === 'trace' ? { ...c, source: '' } : c)) }));
    expect(sources(again.scenario)).toEqual(sources(loaded.scenario));
    expect({ ...again.scenario, vms: [] }).toEqual({ ...loaded.scenario, vms: [] });
  });

  it('parses back to the same scenario for staggered daily profiles, looped traces and windows (periodicSteps)', () => {
    const traces = new Map([['t.csv', { startsSec: [0, 600, 1200], bytes: [6e8, 0, 1.2e9] }]]);
    const churn = [{ dailyProfile: { volume: '100 GB', peakHour: 14, peakToMean: 3 } }, { trace: { file: 't.csv' } }, { window: { start: '23:00', duration: '2h', volume: '7 GB' } }];
    const loaded = parseScenario({ ...minimalInput(), vms: [{ name: 'etl', processServer: 'ps1', count: 3, stagger: '40m', churn }] }, { source: 'mem', traces });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(loaded.scenario.vms[2]!.churn.map((c) => c.kind)).toEqual(['periodicSteps', 'periodicSteps', 'periodicSteps']);
    const { document, traces: written } = scenarioToInput(loaded.scenario);
    const again = parseScenario(document, { source: 'again', traces: written });
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    expect(again.scenario.vms.slice(1)).toEqual(loaded.scenario.vms.slice(1));
  });

  it('writes a fraction above 1 as a percentage, so that it is judged against the range as "150%" in a file is', () => {
    expect(scenarioToInput({ throttleFreeFraction: 1.5, shutdownFailureProbability: 1 }).document).toEqual({ throttleFreeFraction: '150%', shutdownFailureProbability: 1 });
  });

  it('writes durations, sizes and rates in base units with the unit the parser reads', () => {
    const { document } = scenarioToInput({ horizonSec: 1.5e-7, cacheBytes: 600e9, bandwidthBytesPerSec: -5, cpuOverheadFraction: 0.1, throttleFreeFraction: 0.2 });
    expect(document).toEqual({ horizon: '0.00000015000000000000s', cache: '600000000000 B', bandwidth: '-5 B/s', cpuOverhead: 0.1, throttleFreeFraction: 0.2 });
  });
});
