import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/io/loadScenario.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { scenarioToInput } from '../../src/scenario/scenarioToInput.js';

const examples = (await readdir('scenarios')).filter((f) => f.endsWith('.yaml'));

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

  it('writes durations, sizes and rates in base units with the unit the parser reads', () => {
    const { document } = scenarioToInput({ horizonSec: 1.5e-7, cacheBytes: 600e9, bandwidthBytesPerSec: -5, cpuOverheadFraction: 0.1, throttleFreeFraction: 0.2 });
    expect(document).toEqual({ horizon: '0.00000015000000000000s', cache: '600000000000 B', bandwidth: '-5 B/s', cpuOverhead: 0.1, throttleFreeFraction: 0.2 });
  });
});
