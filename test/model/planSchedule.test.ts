import { expect, it } from 'vitest';
import { schedulePlan } from '../../src/model/planSchedule.js';
import type { RecoveryPlanSpec } from '../../src/scenario/types.js';

const fixed = (value: number) => ({ kind: 'fixed' as const, value });

it('schedulePlan(plan) runs groups in order and VMs maxParallel at a time, worked by hand', () => {
  const plan: RecoveryPlanSpec = {
    name: 'app',
    choice: 'latest-processed',
    groups: [
      { vms: ['db'], maxParallel: 0, actionsBefore: [], actionsAfter: [{ name: 'check', durationSec: fixed(5) }] },
      { vms: ['b', 'c', 'd'], maxParallel: 2, actionsBefore: [], actionsAfter: [] },
    ],
  };
  const seconds: Record<string, number> = { db: 10, b: 10, c: 20, d: 5 };
  const run = schedulePlan(plan, (vm) => seconds[vm]!, { before: [[], []], after: [[5], []] });
  // Group 1: db 0–10, then the check 10–15. Group 2 from 15 with two slots: b 15–25 and c 15–35 start at
  // once; d waits for the first free slot (b's, at 25) and runs 25–30. The group ends with c at 35.
  expect(run.vmEndSec.get('db')).toBe(10);
  expect(run.vmEndSec.get('d')).toBe(30);
  expect(run.makespanSec).toBe(35);
  expect(run.critical).toEqual(['action check', 'vm c']);
});

it('schedulePlan(plan) with maxParallel 0 runs a whole group at once', () => {
  const plan: RecoveryPlanSpec = {
    name: 'app',
    choice: 'latest',
    groups: [{ vms: ['a', 'b'], maxParallel: 0, actionsBefore: [{ name: 'pre', durationSec: fixed(3) }], actionsAfter: [] }],
  };
  const run = schedulePlan(plan, (vm) => (vm === 'a' ? 7 : 4), { before: [[3]], after: [[]] });
  expect(run.makespanSec).toBe(10);
  expect(run.critical).toEqual(['vm a']);
});
