import { expect, test } from 'vitest';
import { formatPlan } from '../../src/io/planFiles.js';
import type { PlanReport } from '../../src/plan/plan.js';

const report: PlanReport = {
  scenario: 'site',
  rpo_s: 900,
  exact_lag_bandwidth_bits_per_s: null,
  churn_not_from_traces: ['dailyProfile', 'onOff'],
  unlimited_bandwidth_bits_per_s: 432e9,
  processing_delay_s: 300,
  point_interval_s: 300,
  targets: [
    {
      rpo_s: 900, compliance: 0.99, measure: 'recovery-point', bandwidth_bits_per_s: 80e6, lag_bandwidth_bits_per_s: 60e6,
      recovery_point_bandwidth_bits_per_s: 80e6, process_server_bytes_per_s: 10e6, initial_replication_s: null,
      initial_replication_within_goal: null, unachievable: null,
    },
  ],
  rules_of_thumb: [{ rule: 'average churn', bandwidth_bits_per_s: 40e6, compliance: 0.2 }],
  achievable: null,
  initial_replication_goal_s: 72 * 3600,
  simulations: 10,
  fluid_evaluations: 0,
  fluid_model: 'not used: not one VM',
};

test('formatPlan(report) says why c* is n/a and why the planner rule is left out', () => {
  const text = formatPlan(report);
  expect(text).toContain('exact c* for lag ≤ R (sup bytes in [s,u] / ((u−s)+R)): n/a (needs churn made only of traces; this scenario also has dailyProfile, onOff)');
  expect(text).toContain("the planner's rule, p95 churn + 30%, is left out");
  expect(text).toContain('under-sizes by 50.0%');
});

test('formatPlan(report) on trace churn has neither note', () => {
  const text = formatPlan({ ...report, exact_lag_bandwidth_bits_per_s: 50e6, churn_not_from_traces: [] });
  expect(text).toContain('((u−s)+R)): 50.00 Mbps\n');
  expect(text).not.toContain('left out');
});
