import { failoverRecords } from '../../src/metrics/failoverTable.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/io/loadScenario.js';
import { simulate } from '../../src/simulate.js';
import { arbitraryScenario } from '../helpers/arbitraryScenario.js';
import { processServerFixture, scenarioFixture, vmFixture } from '../helpers/scenarioFixture.js';

async function loadScenario(path: string) {
  const loaded = await loadScenarioFile(path);
  if (!loaded.ok) throw new Error(`${path} does not load`);
  return loaded.scenario;
}

// Regression tests for the model's wrong numbers of issue 8 (each failed before its fix).
const MB = 1e6;
const GB = 1e9;
const MIN = 60;
const HOUR = 3600;

describe('issue 8: the model reports what happened', () => {
  it('one continuous pending-upload episode is one alert (cache-fills-during-outage: 1 warning, 1 critical)', async () => {
    const loaded = await loadScenario('scenarios/cache-fills-during-outage.yaml');
    const [server] = simulate(loaded).processServers;
    expect(server!.pendingUploadWarning.episodes).toBe(1);
    expect(server!.pendingUploadCritical.episodes).toBe(1);
    // The critical alert is raised later than the warning and clears no later, so it lasts no longer.
    expect(server!.pendingUploadCritical.seconds).toBeLessThanOrEqual(server!.pendingUploadWarning.seconds);
  });

  it('observing never changes a result: with and without the timeseries and the disaster probes, everything else is identical', () => {
    fc.assert(
      fc.property(arbitraryScenario, (scenario) => {
        const bare = simulate({ ...scenario, output: { sampleIntervalSec: 0 }, disasters: { timesSec: [], randomCount: 0 } });
        const observed = simulate({ ...scenario, output: { sampleIntervalSec: 7 * MIN }, disasters: { timesSec: [], randomCount: 50 } });
        const withoutFailovers = (result: typeof bare) => result.vms.map(({ failover: _ignored, ...rest }) => rest);
        expect(withoutFailovers(observed)).toEqual(withoutFailovers(bare));
        expect(observed.processServers).toEqual(bare.processServers);
        expect(observed.uplinks).toEqual(bare.uplinks);
      }),
      { numRuns: 25 },
    );
  });

  it('the peaks of the source backlog and of the bytes not yet uploaded include the initial copy', () => {
    const scenario = scenarioFixture({
      horizonSec: 2 * HOUR,
      vms: [vmFixture({ usedDiskBytes: 200 * GB })],
      disasters: { timesSec: [], randomCount: 0 },
    });
    const [vm] = simulate(scenario).vms;
    // The whole copy is written into the stream at once, before the process server takes any of it.
    expect(vm!.peakSourceBacklogBytes).toBeGreaterThanOrEqual(200 * GB);
    expect(vm!.peakUnuploadedBytes).toBeGreaterThanOrEqual(200 * GB);
  });

  it('a stream that starts late has nothing applied before one processing delay after its start', () => {
    // One initial-replication slot: the second VM waits for the first one's 10 GB copy (100 s at 100 MB/s).
    const scenario = scenarioFixture({
      horizonSec: 2 * HOUR,
      processServers: [processServerFixture({ initialReplicationDisks: 1 })],
      uplinks: [{ name: 'wan', bandwidthBytesPerSec: 100 * MB, outages: { windows: [], random: null } }],
      vms: [vmFixture({ name: 'first', usedDiskBytes: 10 * GB }), vmFixture({ name: 'second', usedDiskBytes: 1 * GB })],
      disasters: { timesSec: [], randomCount: 0 },
      output: { sampleIntervalSec: 30 },
    });
    const result = simulate(scenario);
    const start = result.vms[0]!.initialReplicationDoneSec!;
    const delay = scenario.cloud.processingDelaySec;
    for (const sample of result.timeseries) {
      if (sample.vm !== 'second' || sample.timeSec <= start || sample.timeSec >= start + delay) continue;
      // Uploaded since its start, and nothing of it applied yet: all of it is unprocessed.
      const uploaded = 1 * GB + 1 * MB * (sample.timeSec - start) - sample.unuploadedBytes;
      expect(sample.unprocessedBytes).toBeCloseTo(uploaded, -3);
    }
  });

  it('latest recovers nothing between the upload of the initial copy and the first usable recovery point', () => {
    // 36 GB at 20 MB/s of apply rate takes 30 min to process, long after its upload ends (at 1 GB/s, 36 s).
    const scenario = scenarioFixture({
      horizonSec: 2 * HOUR,
      uplinks: [{ name: 'wan', bandwidthBytesPerSec: 1 * GB, outages: { windows: [], random: null } }],
      processServers: [processServerFixture({ throughputBytesPerSec: 1 * GB })],
      vms: [vmFixture({ usedDiskBytes: 36 * GB, maxReplicationBytesPerSec: 1 * GB })],
      disasters: { timesSec: [10 * MIN], randomCount: 0 },
      failover: { ...scenarioFixture().failover, choices: ['latest', 'latest-processed'] },
    });
    const result = simulate(scenario);
    expect(result.vms[0]!.initialReplicationDoneSec!).toBeLessThan(10 * MIN);
    expect(result.vms[0]!.firstRecoveryPointSec!).toBeGreaterThan(10 * MIN);
    for (const record of failoverRecords(result.failovers)) {
      expect(record.recoveryPointTimeSec).toBeNull();
      expect(record.note).toContain('no replica');
    }
  });

  it('a VM protected from the start has its first recovery point one processing delay after time 0 (tags at 0, 5 min, …)', () => {
    const scenario = scenarioFixture({ horizonSec: HOUR, warmupSec: 0, disasters: { timesSec: [], randomCount: 0 } });
    const [vm] = simulate(scenario).vms;
    expect(vm!.firstRecoveryPointSec).toBe(scenario.cloud.processingDelaySec);
    // 0, 5 min, …, 60 min: 13 tags, of which those placed up to 55 min are usable within the hour.
    expect(vm!.recoveryPointsCreated).toBe(12);
  });

  it("a VM's RPO statistics stop when its replication stops (the cycle's failover)", async () => {
    const loaded = await loadScenario('scenarios/failback-vpn.yaml');
    const result = simulate(loaded);
    const failoverAt = loaded.cycle!.failoverAtSec;
    for (const vm of result.vms) {
      const from = Math.max(loaded.warmupSec, vm.firstRecoveryPointSec!);
      expect(vm.rpo.observedSec).toBeCloseTo(Math.max(0, failoverAt - from), 6);
      expect(vm.rpo.max!).toBeLessThan(HOUR);
    }
  });
});
