import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eachFailover, failoverAt, failoverRecords, FailoverTableBuilder, failoversOfChoice, vmFailovers } from '../../src/metrics/failoverTable.js';
import type { ChoiceVariant } from '../../src/metrics/choiceLabel.js';
import type { FailoverRecord } from '../../src/metrics/types.js';

const variants: ChoiceVariant[] = [
  { choice: 'latest', dwellSec: null },
  { choice: 'latest-app-consistent', dwellSec: null },
  { choice: 'clean', dwellSec: 3600 },
  { choice: 'clean', dwellSec: 86_400 },
];
const kinds = ['crash-consistent', 'app-consistent', 'latest-uploaded'] as const;
const number = fc.oneof(fc.double({ noNaN: true }), fc.constant(-0), fc.constant(Infinity), fc.integer());

/** The numbers, kind and note of one failover; null point fields where it had no recovery point. */
const outcome = fc.record({
  point: fc.option(fc.record({ time: number, kind: fc.constantFrom(...kinds), lossSec: number, lossBytes: number, downtime: number }), { nil: null }),
  backlogProcessingSec: number,
  note: fc.constantFrom('', 'no app-consistent point processed yet', 'group g-1', 'initial replication not finished: no replica at the target'),
});

/** The parts of a downtime every choice shares at one disaster (the same draws): shutdown, detection, job, extra, boot. */
const shared = fc.array(number, { minLength: 5, maxLength: 5 });

/** A whole grid of records, disaster by disaster, VM by VM, variant by variant (the order a run adds them). */
const grid = fc
  .record({ disasters: fc.uniqueArray(fc.double({ min: 0, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 4 }), vmCount: fc.integer({ min: 1, max: 4 }) })
  .chain(({ disasters, vmCount }) =>
    fc
      .record({
        outcomes: fc.array(outcome, { minLength: disasters.length * vmCount * variants.length, maxLength: disasters.length * vmCount * variants.length }),
        parts: fc.array(shared, { minLength: disasters.length * vmCount, maxLength: disasters.length * vmCount }),
      })
      .map(({ outcomes, parts }) => ({ disasters, vms: Array.from({ length: vmCount }, (_, i) => `vm-${i}`), outcomes, parts })),
  );

type Outcome = typeof outcome extends fc.Arbitrary<infer T> ? T : never;

function recordsOf({ disasters, vms, outcomes, parts }: { disasters: number[]; vms: string[]; outcomes: Outcome[]; parts: number[][] }): FailoverRecord[] {
  let k = 0;
  let at = 0;
  return disasters.flatMap((disasterTimeSec) =>
    vms.flatMap((vm) => {
      const [shutdownSec, detectionSec, jobSec, extraProcessingSec, bootSec] = parts[at++] as [number, number, number, number, number];
      return variants.map(({ choice, dwellSec }): FailoverRecord => {
        const { point, backlogProcessingSec, note } = outcomes[k++]!;
        return {
          disasterTimeSec,
          vm,
          choice,
          recoveryPointTimeSec: point?.time ?? null,
          recoveryPointKind: point?.kind ?? null,
          dataLossSec: point?.lossSec ?? null,
          dataLossBytes: point?.lossBytes ?? null,
          downtimeSec: point?.downtime ?? null,
          shutdownSec,
          detectionSec,
          backlogProcessingSec,
          jobSec,
          extraProcessingSec,
          bootSec,
          note,
          dwellSec,
        };
      });
    }),
  );
}

function tableOf(disasters: number[], vms: string[], records: FailoverRecord[]) {
  const builder = new FailoverTableBuilder(disasters, vms, variants);
  for (const record of records) builder.add(record);
  return builder.table;
}

describe('FailoverTable', () => {
  it('gives back every record it was given, field for field (nulls, -0 and infinities included), in order', () => {
    fc.assert(
      fc.property(grid, (g) => {
        const records = recordsOf(g);
        const table = tableOf(g.disasters, g.vms, records);
        expect(table.length).toBe(records.length);
        expect(failoverRecords(table)).toEqual(records);
        // toEqual takes -0 for 0: the bits themselves, field by field.
        records.forEach((record, k) => {
          const back = failoverAt(table, k);
          for (const field of Object.keys(record) as (keyof FailoverRecord)[]) expect(Object.is(back[field], record[field])).toBe(true);
        });
      }),
    );
  });

  it("reads one VM's failovers, or one VM's of one variant, as filtering every record would", () => {
    fc.assert(
      fc.property(grid, (g) => {
        const records = recordsOf(g);
        const table = tableOf(g.disasters, g.vms, records);
        g.vms.forEach((vm, i) => {
          expect(vmFailovers(table, i)).toEqual(records.filter((r) => r.vm === vm));
          variants.forEach((variant, v) => {
            expect(vmFailovers(table, i, v)).toEqual(records.filter((r) => r.vm === vm && r.choice === variant.choice && r.dwellSec === variant.dwellSec));
          });
        });
        expect([...failoversOfChoice(table, 'clean')]).toEqual(records.filter((r) => r.choice === 'clean'));
      }),
    );
  });

  it('holds only the disasters probed when a run stops early', () => {
    const g = { disasters: [100, 200, 300], vms: ['a', 'b'], outcomes: fc.sample(outcome, 3 * 2 * variants.length), parts: fc.sample(shared, 3 * 2) };
    const records = recordsOf(g);
    const firstTwo = records.filter((r) => r.disasterTimeSec < 300);
    const table = tableOf(g.disasters, g.vms, firstTwo);
    expect([...eachFailover(table)]).toEqual(firstTwo);
    expect(vmFailovers(table, 1).map((r) => r.disasterTimeSec)).toEqual([100, 100, 100, 100, 200, 200, 200, 200]);
  });

  it('refuses a record out of the grid order, or past its end, or whose shared parts differ from its other choices', () => {
    const g = { disasters: [100], vms: ['a', 'b'], outcomes: fc.sample(outcome, 2 * variants.length), parts: [[1, 2, 3, 4, 5], [6, 7, 8, 9, 10]] };
    const records = recordsOf(g);
    const builder = new FailoverTableBuilder(g.disasters, g.vms, variants);
    expect(() => builder.add(records[1]!)).toThrow(/not the table's next/);
    builder.add(records[0]!);
    expect(() => builder.add({ ...records[1]!, bootSec: 6 })).toThrow(/differs from its other choices/);
    for (const record of records.slice(1)) builder.add(record);
    expect(() => builder.add(records[0]!)).toThrow(/not the table's next/);
  });
});
