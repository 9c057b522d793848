import fc from 'fast-check';
import type { ChurnComponent, Distribution, OutageSpec, Scenario } from '../../src/scenario/types.js';
import { processServerFixture, scenarioFixture, vmFixture } from './scenarioFixture.js';

const MB = 1e6;
const HOUR = 3600;

const size: fc.Arbitrary<Distribution> = fc.oneof(
  fc.double({ min: 1 * MB, max: 5000 * MB, noNaN: true }).map((value) => ({ kind: 'fixed' as const, value })),
  fc.double({ min: 1 * MB, max: 2000 * MB, noNaN: true }).map((mean) => ({ kind: 'exponential' as const, mean })),
);

const churn: fc.Arbitrary<ChurnComponent> = fc.oneof(
  fc.double({ min: 0, max: 20 * MB, noNaN: true }).map((rateBytesPerSec) => ({ kind: 'constant' as const, rateBytesPerSec })),
  fc
    .record({ peak: fc.double({ min: 1 * MB, max: 60 * MB, noNaN: true }), on: fc.integer({ min: 10, max: 1800 }), off: fc.integer({ min: 10, max: 7200 }) })
    .map(({ peak, on, off }) => ({ kind: 'onOff' as const, peakBytesPerSec: peak, meanOnSec: on, meanOffSec: off })),
  fc
    .record({ interval: fc.integer({ min: 60, max: 6 * HOUR }), sizeBytes: size })
    .map(({ interval, sizeBytes }) => ({ kind: 'poissonBursts' as const, meanIntervalSec: interval, sizeBytes })),
  fc
    .array(fc.double({ min: 0, max: 10 * MB, noNaN: true }), { minLength: 24, maxLength: 24 })
    .map((hourlyRatesBytesPerSec) => ({ kind: 'dailyProfile' as const, hourlyRatesBytesPerSec })),
);

const outages = (horizonSec: number): fc.Arbitrary<OutageSpec> =>
  fc.record({
    windows: fc.array(
      fc.record({ startSec: fc.integer({ min: 0, max: horizonSec }), durationSec: fc.integer({ min: 60, max: 8 * HOUR }) }),
      { maxLength: 2 },
    ),
    random: fc.option(
      fc.record({ mtbfSec: fc.integer({ min: 6 * HOUR, max: 5 * 86_400 }), mttrSec: fc.integer({ min: 300, max: 4 * HOUR }) }),
      { nil: null },
    ),
  });

/**
 * Random but valid scenarios over the whole model: 1–2 uplinks, 1–3 process servers (some with small caches that
 * throttle), 1–5 VMs with 1–3 churn components, initial replication, outages, every retention regime.
 */
export const arbitraryScenario: fc.Arbitrary<Scenario> = fc
  .record({
    horizonSec: fc.integer({ min: 6 * HOUR, max: 3 * 86_400 }),
    uplinkCount: fc.integer({ min: 1, max: 2 }),
    serverCount: fc.integer({ min: 1, max: 3 }),
    vmCount: fc.integer({ min: 1, max: 5 }),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    appConsistentIntervalSec: fc.constantFrom(0, 3600, 4 * 3600),
    retentionSec: fc.constantFrom(0, 3600, 86_400, 3 * 86_400, 10 * 86_400),
    processingDelaySec: fc.integer({ min: 0, max: 900 }),
    shutdownBeforeFailover: fc.boolean(),
  })
  .chain((shape) =>
    fc.record({
      shape: fc.constant(shape),
      bandwidths: fc.array(fc.double({ min: 1e6 / 8, max: 1e9 / 8, noNaN: true }), { minLength: shape.uplinkCount, maxLength: shape.uplinkCount }),
      uplinkOutages: fc.array(outages(shape.horizonSec), { minLength: shape.uplinkCount, maxLength: shape.uplinkCount }),
      servers: fc.array(
        fc.record({
          uplink: fc.integer({ min: 0, max: shape.uplinkCount - 1 }),
          throughput: fc.double({ min: 5 * MB, max: 200 * MB, noNaN: true }),
          cache: fc.double({ min: 1e9, max: 600e9, noNaN: true }),
          compression: fc.double({ min: 1, max: 3, noNaN: true }),
          outages: outages(shape.horizonSec),
        }),
        { minLength: shape.serverCount, maxLength: shape.serverCount },
      ),
      vms: fc.array(
        fc.record({
          server: fc.integer({ min: 0, max: shape.serverCount - 1 }),
          churn: fc.array(churn, { minLength: 1, maxLength: 3 }),
          usedDiskBytes: fc.oneof(fc.constant(0), fc.double({ min: 1e9, max: 200e9, noNaN: true })),
          disks: fc.integer({ min: 1, max: 4 }),
          applyRate: fc.double({ min: 2 * MB, max: 50 * MB, noNaN: true }),
          machineKind: fc.constantFrom('windows' as const, 'linux' as const, 'physical' as const),
        }),
        { minLength: shape.vmCount, maxLength: shape.vmCount },
      ),
      disasterTimes: fc.array(fc.integer({ min: 0, max: shape.horizonSec - 1 }), { maxLength: 3 }),
    }),
  )
  .map(({ shape, bandwidths, uplinkOutages, servers, vms, disasterTimes }) => {
    const base = scenarioFixture();
    // Some scenarios start their VMs unprotected: disasters during initial replication must say so.
    return scenarioFixture({
      name: 'arbitrary',
      horizonSec: shape.horizonSec,
      warmupSec: Math.floor(shape.horizonSec / 6),
      seed: shape.seed,
      policy: { kind: 'asr', crashConsistentIntervalSec: 300, rpoThresholdSec: 900, appConsistentIntervalSec: shape.appConsistentIntervalSec, retentionSec: shape.retentionSec },
      cloud: { processingDelaySec: shape.processingDelaySec },
      uplinks: bandwidths.map((bandwidthBytesPerSec, i) => ({ name: `u${i}`, bandwidthBytesPerSec, outages: uplinkOutages[i]! })),
      processServers: servers.map((server, i) =>
        processServerFixture({
          name: `ps${i}`,
          uplink: `u${server.uplink}`,
          throughputBytesPerSec: server.throughput,
          cacheBytes: server.cache,
          compressionRatio: server.compression,
          outages: server.outages,
        }),
      ),
      vms: vms.map((vm, i) =>
        vmFixture(
          {
            name: `vm${i}`,
            processServer: `ps${vm.server}`,
            usedDiskBytes: vm.usedDiskBytes,
            disks: vm.disks,
            applyRateBytesPerSec: vm.applyRate,
            machineKind: vm.machineKind,
          },
          vm.churn,
        ),
      ),
      disasters: { timesSec: disasterTimes, randomCount: 8 },
      failover: { ...base.failover, shutdownBeforeFailover: shape.shutdownBeforeFailover },
      output: { sampleIntervalSec: Math.max(300, Math.floor(shape.horizonSec / 200)) },
    });
  });
