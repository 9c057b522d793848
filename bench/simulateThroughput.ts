import { loadScenarioFile } from '../src/io/loadScenario.js';
import { simulate } from '../src/simulate.js';
import { largeSite } from './largeSite.js';
import { peakRssMb, timed } from './measure.js';

/** simulate() on the bundled small site (runs per second) and on a large site over a month. */
export async function simulateThroughput(largeVms: number, largeDays: number): Promise<string[]> {
  const loaded = await loadScenarioFile('scenarios/small-site.yaml');
  if (!loaded.ok) throw new Error('scenarios/small-site.yaml does not load');
  const runs = 20;
  const small = await timed(() => {
    let events = 0;
    for (let seed = 1; seed <= runs; seed++) events += simulate(loaded.scenario, { seed }).eventCount;
    return events;
  });
  const large = await timed(() => simulate(largeSite(largeVms, largeDays), { seed: 1 }));
  return [
    `simulate small-site (6 VMs, 7 days): ${(runs / small.seconds).toFixed(1)} runs/s, ${(small.result / small.seconds / 1e6).toFixed(2)} M events/s`,
    `simulate ${largeVms} VMs × ${largeDays} days: ${large.seconds.toFixed(1)} s, ${large.result.eventCount.toLocaleString('en')} events, peak RSS ${peakRssMb().toFixed(0)} MB`,
  ];
}
