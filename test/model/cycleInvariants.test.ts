import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulate.js';
import type { Scenario } from '../../src/scenario/types.js';
import { arbitraryScenario } from '../helpers/arbitraryScenario.js';

// The failover–failback cycle and replication groups (domain.md §2–4) over random scenarios.
const RUNS = { numRuns: 30 };

/** A random scenario with all its VMs in one group, one plan, and a cycle at a random instant. */
const withCycle: fc.Arbitrary<Scenario> = fc
  .record({
    base: arbitraryScenario,
    at: fc.double({ min: 0.2, max: 0.9, noNaN: true }),
    cancel: fc.boolean(),
    failbackChoice: fc.constantFrom('latest' as const, 'latest-app-consistent' as const),
    choice: fc.constantFrom('latest' as const, 'latest-processed' as const, 'latest-multi-vm-processed' as const),
  })
  .map(({ base, at, cancel, failbackChoice, choice }) => {
    const names = base.vms.map((vm) => vm.name);
    const failoverAtSec = Math.round(base.warmupSec + at * (base.horizonSec - base.warmupSec));
    const fixed = (value: number) => ({ kind: 'fixed' as const, value });
    return {
      ...base,
      // A disaster time at or after the cycle's failover is refused like in a scenario file (random ones still fall there).
      disasters: { ...base.disasters, timesSec: base.disasters.timesSec.filter((t) => t < failoverAtSec) },
      failover: { ...base.failover, choices: [...base.failover.choices, 'latest-multi-vm-processed', 'latest-multi-vm-app-consistent'] },
      replicationGroups: [{ name: 'g', vms: names, cpuOverheadFraction: 0.1 }],
      recoveryPlans: [{ name: 'p', choice: 'latest-multi-vm-processed', groups: [{ vms: names, maxParallel: 2, actionsBefore: [], actionsAfter: [{ name: 'dns', durationSec: fixed(300) }] }] }],
      masterTargets: [{ name: 'mt', maxDisks: 60, storageVMotion: false }],
      cycle: {
        failoverAtSec,
        choice,
        shutdownFirst: true,
        outcome: cancel ? 'cancel' : 'commit',
        commitAfterSec: 1800,
        reprotect: cancel ? null : { afterSec: 3600, link: { kind: 'vpn', bandwidthBytesPerSec: 25e6 }, processServer: 'azure', masterTarget: 'mt', location: 'original', fixedSec: { kind: 'uniform', min: 600, max: 1200 } },
        failbackAtSec: cancel ? null : failoverAtSec + 6 * 3600,
        failbackChoice,
        failbackSyncLagSec: { kind: 'uniform', min: 0, max: 300 },
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
        for (const record of result.failovers) {
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
        const at = (t: number, choice: string) => result.failovers.filter((r) => r.disasterTimeSec === t && r.choice === choice);
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
});
