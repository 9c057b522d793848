// Regression: a tag placed while a VM's stream was idle (all uploaded) waited for the VM's next write before
// it became usable, because the processed sum fell a rounding short of the tag. Found by the validation suite.
import { expect, test } from 'vitest';
import { simulate } from '../../src/simulate.js';
import { scenarioFixture, vmFixture } from '../helpers/scenarioFixture.js';

test('with sparse bursts into a fast link and no processing delay, the RPO never exceeds the tag interval much', () => {
  const scenario = scenarioFixture({
    horizonSec: 20_000,
    warmupSec: 1_000,
    policy: { kind: 'periodic', crashConsistentIntervalSec: 10, appConsistentIntervalSec: 0, retentionSec: 0, rpoThresholdSec: 900 },
    cloud: { processingDelaySec: 0 },
    vms: [vmFixture({}, [{ kind: 'poissonBursts', meanIntervalSec: 300, sizeBytes: { kind: 'exponential', mean: 1e6 } }])],
    disasters: { timesSec: [], randomCount: 0 },
  });
  const rpo = simulate(scenario, { seed: 3 }).vms[0]!.rpo;
  // A 1 MB burst takes well under a second at 12.5 MB/s: the RPO stays below 10 s + 1 s.
  expect(rpo.max!).toBeLessThan(11);
});
