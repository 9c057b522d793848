// The fluid model plan bisects with must give the compliance simulate() gives, with both measures, wherever
// fluidObstacle lets it answer: random short traces (one or two, looped or not), bandwidths from a tenth to ten times the
// churn, and every rate that can hold data back (intake, uplink, apply), processing delays, warm-ups and the
// continuous policies' tag series.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { FluidCompliance, fluidObstacle } from '../../src/plan/fluidCompliance.js';
import { traceWriteCurve } from '../../src/plan/traceWriteCurve.js';
import type { RecoveryPointPolicy, Scenario } from '../../src/scenario/types.js';
import { simulate } from '../../src/simulate.js';
import { processServerFixture, scenarioFixture, vmFixture } from '../helpers/scenarioFixture.js';

const MB = 1e6;
/** The largest difference allowed between the two, as a fraction of the observed time. */
const AGREEMENT = 1e-6;

const policy: fc.Arbitrary<RecoveryPointPolicy> = fc.oneof(
  fc
    .record({ crash: fc.integer({ min: 10, max: 900 }), app: fc.constantFrom(0, 1800, 3600) })
    .map(({ crash, app }): RecoveryPointPolicy => ({ kind: 'periodic', crashConsistentIntervalSec: crash, appConsistentIntervalSec: app, retentionSec: 3600, rpoThresholdSec: 0 })),
  fc.constant<RecoveryPointPolicy>({ kind: 'asr', crashConsistentIntervalSec: 300, appConsistentIntervalSec: 3600, retentionSec: 86_400, rpoThresholdSec: 0 }),
  fc.constant<RecoveryPointPolicy>({ kind: 'aws-drs', dailyRetentionSec: 86_400, rpoThresholdSec: 0 }),
  fc.constant<RecoveryPointPolicy>({ kind: 'zerto', checkpointIntervalSec: 5, journalHistorySec: 3600, journalLimitBytes: null, appConsistentIntervalSec: 0, rpoThresholdSec: 0 }),
);

/** A trace of 2–40 rows of 1 s to 15 min, quiet, busy or spiking; its mean rate. */
const trace = fc
  .array(
    fc.record({
      lengthSec: fc.integer({ min: 1, max: 900 }),
      rate: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 5 * MB, noNaN: true }), fc.double({ min: 5 * MB, max: 100 * MB, noNaN: true })),
    }),
    { minLength: 2, maxLength: 40 },
  )
  .map((rows) => {
    const startsSec: number[] = [];
    const bytes: number[] = [];
    let t = 0;
    for (const { lengthSec, rate } of rows) {
      startsSec.push(t);
      bytes.push(rate * lengthSec);
      t += lengthSec;
    }
    // The last interval lasts as long as the one before it.
    const lengthSec = t - rows[rows.length - 1]!.lengthSec + (rows.length > 1 ? rows[rows.length - 2]!.lengthSec : 1);
    return { startsSec, bytes, lengthSec, meanRate: Math.max(1, bytes.reduce((a, b) => a + b, 0) / lengthSec) };
  });

const fluidScenario: fc.Arbitrary<Scenario> = fc
  .record({
    traces: fc.array(fc.record({ trace, loop: fc.boolean() }), { minLength: 1, maxLength: 2 }),
    policy,
    horizonFactor: fc.double({ min: 0.5, max: 3, noNaN: true }),
    warmupFactor: fc.constantFrom(0, 0, 0.2),
    rpoSec: fc.integer({ min: 1, max: 1800 }),
    processingDelaySec: fc.constantFrom(0, 60, 300),
    bandwidthFactor: fc.double({ min: 0.1, max: 10, noNaN: true }),
    compressionRatio: fc.constantFrom(1, 1.5, 3),
    throughputFactor: fc.option(fc.double({ min: 0.2, max: 5, noNaN: true }), { nil: null }),
    maxReplicationFactor: fc.option(fc.double({ min: 0.3, max: 5, noNaN: true }), { nil: null }),
    applyFactor: fc.option(fc.double({ min: 0.3, max: 5, noNaN: true }), { nil: null }),
    cacheBytes: fc.constantFrom(600e9, 5e9, 0.2e9),
  })
  .map((p) => {
    const horizonSec = Math.max(60, Math.round(p.traces[0]!.trace.lengthSec * p.horizonFactor));
    const rate = p.traces.reduce((sum, { trace }) => sum + trace.meanRate, 0);
    const defaults = scenarioFixture();
    const server = processServerFixture({ compressionRatio: p.compressionRatio, cacheBytes: p.cacheBytes, throughputBytesPerSec: p.throughputFactor === null ? 1e12 : p.throughputFactor * rate });
    const vm = vmFixture(
      {
        usedDiskBytes: 0,
        ...(p.maxReplicationFactor === null ? {} : { maxReplicationBytesPerSec: p.maxReplicationFactor * rate }),
        ...(p.applyFactor === null ? {} : { applyRateBytesPerSec: p.applyFactor * rate }),
      },
      p.traces.map(({ trace, loop }) => ({ kind: 'trace' as const, source: 'random.csv', startsSec: trace.startsSec, bytes: trace.bytes, loop })),
    );
    return scenarioFixture({
      horizonSec,
      warmupSec: Math.round(horizonSec * p.warmupFactor),
      policy: { ...p.policy, rpoThresholdSec: p.rpoSec },
      cloud: { processingDelaySec: p.processingDelaySec },
      uplinks: [{ ...defaults.uplinks[0]!, bandwidthBytesPerSec: (p.bandwidthFactor * rate) / p.compressionRatio }],
      processServers: [server],
      vms: [vm],
      disasters: { timesSec: [], randomCount: 0 },
    });
  });

test('FluidCompliance.of(scenario) equals simulate()’s compliance with both measures, within 1e-6 of the time', () => {
  let answered = 0;
  fc.assert(
    fc.property(fluidScenario, (scenario) => {
      expect(fluidObstacle(scenario)).toBeNull();
      const fluid = new FluidCompliance(traceWriteCurve(scenario.vms[0]!.churn, scenario.horizonSec)!).of(scenario);
      const result = simulate(scenario, { measureLag: true });
      const vm = result.vms[0]!;
      if (fluid === null) {
        // Only where the cache reaches (within 0.1% of) the throttle level, which the simulation caps it at.
        const server = scenario.processServers[0]!;
        expect(result.processServers[0]!.peakCacheBytes).toBeGreaterThanOrEqual(0.998 * (1 - server.throttleFreeFraction) * server.cacheBytes);
        return;
      }
      answered++;
      expect(vm.throttledSec).toBe(0);
      expect(Math.abs(fluid.lag - (vm.lag!.fractionWithinThreshold ?? 0))).toBeLessThanOrEqual(AGREEMENT);
      expect(Math.abs(fluid.recoveryPoint - (vm.rpo.fractionWithinThreshold ?? 0))).toBeLessThanOrEqual(AGREEMENT);
    }),
    { seed: 20_240_611, numRuns: 300 },
  );
  // Most cases are answered by the fluid model (the small caches make the rest).
  expect(answered).toBeGreaterThan(150);
});

test('fluidObstacle(scenario) names what the fluid model cannot answer', () => {
  const base = scenarioFixture({
    vms: [vmFixture({ usedDiskBytes: 0 }, [{ kind: 'trace', source: 't.csv', startsSec: [0, 60], bytes: [60, 60], loop: true }])],
    disasters: { timesSec: [], randomCount: 0 },
  });
  expect(fluidObstacle(base)).toBeNull();
  expect(fluidObstacle({ ...base, vms: [base.vms[0]!, { ...base.vms[0]!, name: 'vm2' }] })).toBe('not one VM');
  expect(fluidObstacle({ ...base, vms: [{ ...base.vms[0]!, churn: [{ kind: 'constant', rateBytesPerSec: 1 }] }] })).toBe('churn not made only of traces');
  expect(fluidObstacle({ ...base, vms: [{ ...base.vms[0]!, usedDiskBytes: 1e9 }] })).toBe('initial replication');
  expect(fluidObstacle({ ...base, uplinks: [{ ...base.uplinks[0]!, outages: { windows: [{ startSec: 0, durationSec: 60 }], random: null } }] })).toBe('outages');
  expect(fluidObstacle({ ...base, uplinks: [{ ...base.uplinks[0]!, background: { kind: 'share', shareFraction: 0.5 } }] })).toBe('background traffic');
  expect(fluidObstacle({ ...base, policy: { kind: 'veeam-replication', intervalSec: 300, restorePoints: 5, uniqueFraction: 1, applicationAware: false, rpoThresholdSec: 300 } })).toBe(
    'snapshot (delta sync) replication',
  );
});
