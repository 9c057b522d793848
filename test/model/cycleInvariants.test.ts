import { failoverRecords } from '../../src/metrics/failoverTable.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulate.js';
import type { AsrPolicySpec, Scenario } from '../../src/scenario/types.js';
import { arbitraryScenario } from '../helpers/arbitraryScenario.js';

// The failover–failback cycle and replication groups (domain.md §2–4) over random scenarios.
const RUNS = { numRuns: 30 };

/** A random scenario with all its VMs in one group, one plan, and a cycle at a random instant. */
const withCycle: fc.Arbitrary<Scenario> = fc
  .record({
    base: arbitraryScenario,
    at: fc.double({ min: 0.2, max: 0.9, noNaN: true }),
    cancel: fc.boolean(),
    failbackChoice: fc.constantFrom('latest' as const, 'latest-processed' as const, 'latest-app-consistent' as const),
    architecture: fc.constantFrom('classic' as const, 'modernized' as const),
    linkMbps: fc.constantFrom(2, 20, 200),
    choice: fc.constantFrom('latest' as const, 'latest-processed' as const, 'latest-multi-vm-processed' as const),
  })
  .map(({ base, at, cancel, failbackChoice, choice, architecture, linkMbps }) => {
    const names = base.vms.map((vm) => vm.name);
    const failoverAtSec = Math.round(base.warmupSec + at * (base.horizonSec - base.warmupSec));
    const fixed = (value: number) => ({ kind: 'fixed' as const, value });
    return {
      ...base,
      // The cycle's architecture is the policy's: ASR classic or modernized.
      policy: { ...(base.policy as AsrPolicySpec), kind: architecture === 'classic' ? 'asr' : 'asr-modernized' },
      // A disaster time at or after the cycle's failover is refused like in a scenario file (random ones still fall there).
      disasters: { ...base.disasters, timesSec: base.disasters.timesSec.filter((t) => t < failoverAtSec) },
      failover: { ...base.failover, choices: [...base.failover.choices, 'latest-multi-vm-processed', 'latest-multi-vm-app-consistent'] },
      replicationGroups: [{ name: 'g', vms: names, cpuOverheadFraction: 0.1 }],
      recoveryPlans: [{ name: 'p', choice: 'latest-multi-vm-processed', groups: [{ vms: names, maxParallel: 2, actionsBefore: [], actionsAfter: [{ name: 'dns', durationSec: fixed(300) }] }] }],
      masterTargets: architecture === 'classic' ? [{ name: 'mt', maxDisks: 60, storageVMotion: false, throughputBytesPerSec: 100e6 }] : [],
      cycle: {
        architecture,
        failoverAtSec,
        choice,
        shutdownFirst: true,
        outcome: cancel ? 'cancel' : 'commit',
        commitAfterSec: 1800,
        reprotect: cancel
          ? null
          : {
              afterSec: 3600,
              link: { kind: 'vpn', bandwidthBytesPerSec: (linkMbps * 1e6) / 8, outages: { windows: [], random: null } },
              processServer: architecture === 'classic' ? 'azure' : null,
              azureProcessServer: { throughputBytesPerSec: 100e6, cacheBytes: 600e9 },
              masterTarget: architecture === 'classic' ? 'mt' : '',
              appliance: { throughputBytesPerSec: 100e6, maxDisks: 60 },
              location: 'original',
              uniqueFraction: 0.5,
              fixedSec: { kind: 'uniform', min: 600, max: 1200 },
            },
        failbackAtSec: cancel ? null : failoverAtSec + 6 * 3600,
        failbackChoice,
        failbackProcessingDelaySec: 300,
        reprotectOnPremises: cancel ? null : { afterSec: 3600, fixedSec: fixed(600) },
      },
    } satisfies Scenario;
  });

describe('the failover–failback cycle', () => {
  it("never overlaps a VM's phases; downtime and unprotected time are non-negative and add up to the phases", () => {
    fc.assert(
      fc.property(withCycle, (scenario) => {
        const cycle = simulate(scenario).cycle!;
        for (const vm of cycle.vms) {
          const rows = cycle.phases.filter((p) => p.vm === vm.name);
          expect(rows[0]!.startSec).toBe(scenario.cycle!.failoverAtSec);
          rows.forEach((row, i) => {
            expect(row.durationSec).toBeGreaterThanOrEqual(0);
            expect(row.endSec - row.startSec).toBeCloseTo(row.durationSec, 6);
            if (i > 0) expect(row.startSec).toBe(rows[i - 1]!.endSec);
          });
          const total = rows.at(-1)!.endSec - rows[0]!.startSec;
          const sum = (pick: (r: (typeof rows)[number]) => boolean) => rows.reduce((s, r) => s + (pick(r) ? r.durationSec : 0), 0);
          expect(vm.downtimeSec).toBeGreaterThanOrEqual(0);
          expect(vm.unprotectedSec).toBeGreaterThanOrEqual(0);
          expect(vm.downtimeSec).toBeCloseTo(sum((r) => r.down), 6);
          expect(vm.unprotectedSec + sum((r) => r.protected)).toBeCloseTo(total, 3);
          expect(vm.dataLossSec).toBeGreaterThanOrEqual(0);
        }
      }),
      RUNS,
    );
  });

  it('commit leaves exactly one point; after the failover (or its cancellation) no recovery point is created', () => {
    fc.assert(
      fc.property(withCycle, (scenario) => {
        const result = simulate(scenario);
        for (const vm of result.cycle!.vms) {
          expect(vm.recoveryPointsCreatedAfterFailover).toBe(0);
          if (scenario.cycle!.outcome === 'cancel') expect(vm.recoveryPointsAfterCommit).toBeNull();
          else if (vm.recoveryPointsAfterCommit !== null) expect(vm.recoveryPointsAfterCommit).toBe(1);
        }
        for (const record of failoverRecords(result.failovers)) {
          if (record.disasterTimeSec >= scenario.cycle!.failoverAtSec) expect(record.recoveryPointTimeSec).toBeNull();
        }
      }),
      RUNS,
    );
  });

  it("recovers a group's members to the same instant, never newer than any member's own newest point", () => {
    fc.assert(
      fc.property(withCycle, (scenario) => {
        const result = simulate(scenario);
        const at = (t: number, choice: string) => failoverRecords(result.failovers).filter((r) => r.disasterTimeSec === t && r.choice === choice);
        for (const t of result.disasterTimesSec) {
          const common = at(t, 'latest-multi-vm-processed');
          const own = at(t, 'latest-processed');
          const times = new Set(common.map((r) => r.recoveryPointTimeSec));
          expect(times.size).toBe(1);
          common.forEach((r, i) => {
            if (r.recoveryPointTimeSec !== null) expect(r.recoveryPointTimeSec).toBeLessThanOrEqual(own[i]!.recoveryPointTimeSec!);
          });
          expect(new Set(at(t, 'latest-multi-vm-app-consistent').map((r) => r.recoveryPointTimeSec)).size).toBe(1);
        }
      }),
      RUNS,
    );
  });

  it("no leg has a recovery point before its resync completes, and every leg conserves bytes", () => {
    fc.assert(
      fc.property(withCycle, (scenario) => {
        const result = simulate({ ...scenario, output: { sampleIntervalSec: 1800 } });
        const cycle = result.cycle!;
        for (const vm of cycle.vms) {
          const rows = cycle.phases.filter((p) => p.vm === vm.name);
          for (const leg of vm.legs) {
            const resync = rows.find((r) => r.phase === (leg.direction === 'to-on-premises' ? 'reprotect-to-on-premises' : 'reprotect-to-azure'))!;
            if (leg.firstRecoveryPointSec === null) continue;
            // The first point of a leg is usable exactly when its resync phase ends (the VM is protected from then).
            expect(leg.firstRecoveryPointSec).toBeGreaterThan(resync.startSec);
            expect(leg.firstRecoveryPointSec).toBeCloseTo(resync.endSec, 6);
          }
        }
        for (const sample of result.timeseries) {
          expect(sample.sourceBacklogBytes).toBeGreaterThanOrEqual(0);
          expect(sample.psCacheBytes).toBeGreaterThanOrEqual(0);
          expect(sample.unprocessedBytes).toBeGreaterThanOrEqual(-1e-3);
          expect(Math.abs(sample.unuploadedBytes - sample.sourceBacklogBytes - sample.psCacheBytes)).toBeLessThanOrEqual(1e-6 * Math.max(1, sample.unuploadedBytes));
          if (sample.direction === '') expect(sample.rpoSec).toBeNull();
        }
      }),
      RUNS,
    );
  });

  it('on the reverse leg too, data loss is ≥ 0 and latest ≤ latest processed ≤ latest app-consistent; a VM without a point stays in Azure', () => {
    fc.assert(
      fc.property(withCycle, (scenario) => {
        if (scenario.cycle!.outcome === 'cancel') return;
        const horizon = scenario.horizonSec;
        const lossOf = (failbackChoice: 'latest' | 'latest-processed' | 'latest-app-consistent') => {
          const result = simulate({ ...scenario, cycle: { ...scenario.cycle!, failbackChoice } });
          const losses = new Map<string, number>();
          for (const vm of scenario.vms) {
            const rows = result.cycle!.phases.filter((p) => p.vm === vm.name);
            const failback = rows.find((p) => p.phase === 'failover-to-on-premises');
            if (failback !== undefined) losses.set(vm.name, failback.dataLossSec);
            // Not failed back with a point to fail back to: still protected in Azure at the horizon, and so
            // replicating, with the reason in the note.
            const last = rows.at(-1)!;
            if (failback === undefined && last.phase === 'protected-in-azure') {
              expect(last.endSec).toBe(horizon);
              if (last.note.includes('not failed back')) expect(last.note).toContain(failbackChoice);
            }
          }
          return losses;
        };
        // The same run until the failback (common random numbers), then three choices of point.
        const [latest, processed, app] = [lossOf('latest'), lossOf('latest-processed'), lossOf('latest-app-consistent')];
        // The failback waits for every VM's first point, so the latest processed one always exists, and the
        // final sync always gives the latest; an app-consistent one may not exist yet.
        expect([...processed.keys()]).toEqual([...latest.keys()]);
        for (const [vm, loss] of latest) {
          expect(loss).toBeGreaterThanOrEqual(0);
          expect(loss).toBeLessThanOrEqual(processed.get(vm)! + 1e-6);
          if (app.has(vm)) expect(processed.get(vm)!).toBeLessThanOrEqual(app.get(vm)! + 1e-6);
        }
        for (const vm of app.keys()) expect(latest.has(vm)).toBe(true);
      }),
      { numRuns: 15 },
    );
  });
});
