import { failoverRecords } from '../../src/metrics/failoverTable.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FailoverRecord } from '../../src/metrics/types.js';
import type { AsrPolicySpec } from '../../src/scenario/types.js';
import { simulate } from '../../src/simulate.js';
import { arbitraryScenario } from '../helpers/arbitraryScenario.js';

// The domain's invariants (domain.md §1–3) over random scenarios: every stage, every failover choice.
const RUNS = { numRuns: 40 };
/** Relative slack for sums of many rate × time products. */
const slack = (bytes: number) => 1 + 1e-9 * Math.abs(bytes);

function byDisasterAndVm(records: FailoverRecord[]): Map<string, Map<string, FailoverRecord>> {
  const groups = new Map<string, Map<string, FailoverRecord>>();
  for (const record of records) {
    const key = `${record.disasterTimeSec}/${record.vm}`;
    if (!groups.has(key)) groups.set(key, new Map());
    groups.get(key)!.set(record.choice, record);
  }
  return groups;
}

describe('simulate(scenario) invariants', () => {
  it('conserves bytes across the stages: written ≥ uploaded ≥ processed, and unuploaded = source backlog + cache', () => {
    fc.assert(
      fc.property(arbitraryScenario, (scenario) => {
        const result = simulate(scenario);
        for (const vm of result.vms) {
          expect(vm.bytesUploaded).toBeLessThanOrEqual(vm.bytesWritten + slack(vm.bytesWritten));
          expect(vm.bytesProcessed).toBeLessThanOrEqual(vm.bytesUploaded + slack(vm.bytesUploaded));
          expect(vm.bytesProcessed).toBeGreaterThanOrEqual(0);
        }
        for (const sample of result.timeseries) {
          expect(sample.sourceBacklogBytes).toBeGreaterThanOrEqual(0);
          expect(sample.psCacheBytes).toBeGreaterThanOrEqual(0);
          expect(sample.unprocessedBytes).toBeGreaterThanOrEqual(-slack(sample.unuploadedBytes));
          const parts = sample.sourceBacklogBytes + sample.psCacheBytes;
          expect(Math.abs(sample.unuploadedBytes - parts)).toBeLessThanOrEqual(slack(parts));
        }
      }),
      RUNS,
    );
  });

  it('keeps the RPO at or above the processing delay, and every process-server cache within its size', () => {
    fc.assert(
      fc.property(arbitraryScenario, (scenario) => {
        const result = simulate(scenario);
        const delay = scenario.cloud.processingDelaySec;
        for (const sample of result.timeseries) if (sample.rpoSec !== null) expect(sample.rpoSec).toBeGreaterThanOrEqual(delay - 1e-6);
        for (const vm of result.vms) if (vm.rpo.p50 !== null) expect(vm.rpo.p50).toBeGreaterThanOrEqual(delay - 1e-6);
        for (const server of result.processServers) expect(server.peakCacheFraction).toBeLessThanOrEqual(1 + 1e-9);
      }),
      RUNS,
    );
  });

  it('orders the choices: data loss latest ≤ latest processed ≤ latest app-consistent; downtime latest processed ≤ latest', () => {
    fc.assert(
      fc.property(arbitraryScenario, (scenario) => {
        const result = simulate(scenario);
        for (const choices of byDisasterAndVm(failoverRecords(result.failovers)).values()) {
          const latest = choices.get('latest')!;
          const processed = choices.get('latest-processed')!;
          const app = choices.get('latest-app-consistent')!;
          if (processed.dataLossSec !== null) {
            expect(latest.dataLossSec).not.toBeNull();
            expect(latest.dataLossSec!).toBeLessThanOrEqual(processed.dataLossSec + 1e-6);
            expect(latest.dataLossBytes!).toBeLessThanOrEqual(processed.dataLossBytes! + slack(processed.dataLossBytes!));
            expect(processed.downtimeSec!).toBeLessThanOrEqual(latest.downtimeSec! + 1e-6);
          }
          if (app.dataLossSec !== null) {
            expect(processed.dataLossSec).not.toBeNull();
            expect(processed.dataLossSec!).toBeLessThanOrEqual(app.dataLossSec + 1e-6);
          }
          if ((scenario.policy as AsrPolicySpec).appConsistentIntervalSec === 0) expect(app.recoveryPointTimeSec).toBeNull();
        }
      }),
      RUNS,
    );
  });

  it('uses no point newer than the processed data, nor older than retention except the newest, and custom points at least their age', () => {
    fc.assert(
      fc.property(arbitraryScenario, (scenario) => {
        const result = simulate(scenario);
        const { processingDelaySec } = scenario.cloud;
        const { retentionSec } = scenario.policy as AsrPolicySpec;
        for (const choices of byDisasterAndVm(failoverRecords(result.failovers)).values()) {
          const processed = choices.get('latest-processed')!;
          const custom = choices.get('custom')!;
          for (const record of [processed, choices.get('latest-app-consistent')!, custom]) {
            if (record.recoveryPointTimeSec === null) continue;
            // Usable only once processed, which takes at least the processing delay after the point's source time.
            expect(record.recoveryPointTimeSec).toBeLessThanOrEqual(record.disasterTimeSec - processingDelaySec + 1e-6);
            expect(record.dataLossSec!).toBeGreaterThanOrEqual(0);
          }
          if (custom.recoveryPointTimeSec !== null) {
            expect(custom.dataLossSec!).toBeGreaterThanOrEqual(scenario.failover.customPointAgeSec - 1e-6);
            const isNewest = custom.recoveryPointTimeSec === processed.recoveryPointTimeSec;
            if (!isNewest && custom.recoveryPointKind === 'crash-consistent') expect(custom.dataLossSec!).toBeLessThanOrEqual(retentionSec + 1e-6);
          }
        }
      }),
      RUNS,
    );
  });

  it('is deterministic: the same scenario and seed give identical results', () => {
    fc.assert(
      fc.property(arbitraryScenario, (scenario) => {
        expect(JSON.stringify(simulate(scenario))).toBe(JSON.stringify(simulate(scenario)));
      }),
      { numRuns: 15 },
    );
  });
});
