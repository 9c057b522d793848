// Churn at given times: a window's bytes per period equal its volume, and staggered instances are shifted copies.
import { describe, expect, it } from 'vitest';
import { Environment } from '../../../src/engine/environment.js';
import { createStream } from '../../../src/engine/random.js';
import { startChurn } from '../../../src/model/churn/startChurn.js';
import { meanChurnBytesPerSec } from '../../../src/scenario/meanChurn.js';
import { parseScenario } from '../../../src/scenario/parse.js';
import { simulate } from '../../../src/simulate.js';
import type { ChurnComponent, Scenario } from '../../../src/scenario/types.js';
import { minimalInput } from '../../scenario/fixtures.js';

const HOUR = 3600;
const DAY = 86_400;

/** The rate changes a component makes over [0, horizon), as (time, rate) steps. */
function rateSteps(component: ChurnComponent, horizonSec: number): { t: number; rate: number }[] {
  const env = new Environment();
  const steps: { t: number; rate: number }[] = [];
  startChurn(env, component, { setRate: (rate) => steps.push({ t: env.now, rate }), burst: () => {} }, createStream(1, 'x'), horizonSec);
  env.run({ until: horizonSec });
  return steps;
}

/** Bytes written in [from, to) by a step function that holds each rate until the next step. */
function bytesBetween(steps: { t: number; rate: number }[], from: number, to: number): number {
  let bytes = 0;
  steps.forEach((s, i) => {
    const end = steps[i + 1]?.t ?? Infinity;
    bytes += s.rate * Math.max(0, Math.min(end, to) - Math.max(s.t, from));
  });
  return bytes;
}

function rateAt(steps: { t: number; rate: number }[], t: number): number {
  return steps.filter((s) => s.t <= t).at(-1)?.rate ?? 0;
}

function scenarioWith(vm: Record<string, unknown>, extra: Record<string, unknown> = {}): Scenario {
  const input = { ...minimalInput(), vms: [{ name: 'etl', processServer: 'ps1', ...vm }], ...extra };
  const result = parseScenario(input, { source: 'mem', traces: new Map([['t.csv', { startsSec: [0, 600, 1200], bytes: [6e8, 0, 1.2e9] }]]) });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}

const churnOf = (vm: Record<string, unknown>): ChurnComponent => scenarioWith(vm).vms[0]!.churn[0]!;

describe('window churn', () => {
  it('a nightly window { start: 01:00, duration: 2h, volume: 50 GB } writes 50 GB each day, only 01:00-03:00', () => {
    const steps = rateSteps(churnOf({ churn: [{ window: { start: '01:00', duration: '2h', volume: '50 GB', every: 'day' } }] }), 3 * DAY);
    for (let day = 0; day < 3; day++) {
      expect(bytesBetween(steps, day * DAY, (day + 1) * DAY)).toBeCloseTo(50e9, 0);
      expect(bytesBetween(steps, day * DAY + HOUR, day * DAY + 3 * HOUR)).toBeCloseTo(50e9, 0);
    }
    expect(rateAt(steps, 0.5 * HOUR)).toBe(0);
    expect(rateAt(steps, 2 * HOUR)).toBeCloseTo(50e9 / (2 * HOUR));
    expect(rateAt(steps, DAY + 3 * HOUR)).toBe(0);
  });

  it('a window across midnight (23:00 for 2h) writes its volume every day, the first hour of day 0 included', () => {
    const steps = rateSteps(churnOf({ churn: [{ window: { start: '23:00', duration: '2h', volume: '10 GB' } }] }), 2 * DAY);
    expect(bytesBetween(steps, 0, HOUR)).toBeCloseTo(5e9, 0);
    expect(bytesBetween(steps, 0, DAY)).toBeCloseTo(10e9, 0);
    expect(bytesBetween(steps, DAY, 2 * DAY)).toBeCloseTo(10e9, 0);
    expect(rateAt(steps, 12 * HOUR)).toBe(0);
  });

  it('a weekly window (every: week, start: 5d 1h) writes its volume once a week, on day 5', () => {
    const steps = rateSteps(churnOf({ churn: [{ window: { start: '5d 1h', duration: '4h', volume: '200 GB', every: 'week' } }] }), 14 * DAY);
    expect(bytesBetween(steps, 0, 5 * DAY)).toBe(0);
    expect(bytesBetween(steps, 5 * DAY, 6 * DAY)).toBeCloseTo(200e9, 0);
    expect(bytesBetween(steps, 7 * DAY, 14 * DAY)).toBeCloseTo(200e9, 0);
  });

  it('simulate: a VM with only a nightly 50 GB window writes 50 GB a day', () => {
    const scenario = scenarioWith({ churn: [{ window: { start: '01:00', duration: '2h', volume: '50 GB' } }] }, { horizon: '3d' });
    const result = simulate(scenario, { seed: 1 });
    expect(result.vms[0]!.bytesWritten).toBeCloseTo(3 * 50e9, -3);
  });

  it('meanChurnBytesPerSec(window) is the volume over the period', () => {
    const c = churnOf({ churn: [{ window: { start: '01:00', duration: '2h', volume: '50 GB' } }] });
    expect(meanChurnBytesPerSec(c)).toBeCloseTo(50e9 / DAY);
  });

  it('rejects a start that is no time of day', () => {
    const result = parseScenario(
      { ...minimalInput(), vms: [{ name: 'a', processServer: 'ps1', churn: [{ window: { start: '25:00', duration: '2h', volume: '1 GB' } }] }] },
      { source: 'mem' },
    );
    if (result.ok) throw new Error('accepted');
    expect(result.errors.map((e) => e.path)).toEqual(['vms[0].churn[0].window.start']);
  });

  it('rejects a duration longer than the period', () => {
    const result = parseScenario(
      { ...minimalInput(), vms: [{ name: 'a', processServer: 'ps1', churn: [{ window: { start: '01:00', duration: '2d', volume: '1 GB' } }] }] },
      { source: 'mem' },
    );
    if (result.ok) throw new Error('accepted');
    expect(result.errors.map((e) => e.path)).toEqual(['vms[0].churn[0].window.duration']);
  });
});

describe('stagger', () => {
  it('five staggered ETLs: instance i starts its window i × 30m after 01:00', () => {
    const s = scenarioWith({ count: 5, stagger: '30m', churn: [{ window: { start: '01:00', duration: '2h', volume: '50 GB' } }] });
    expect(s.vms.map((vm) => vm.name)).toEqual(['etl-1', 'etl-2', 'etl-3', 'etl-4', 'etl-5']);
    const starts = s.vms.map((vm) => rateSteps(vm.churn[0]!, DAY).find((step) => step.rate > 0)!.t);
    expect(starts).toEqual([0, 1, 2, 3, 4].map((i) => HOUR + i * 1800));
    for (const vm of s.vms) expect(bytesBetween(rateSteps(vm.churn[0]!, 2 * DAY), DAY, 2 * DAY)).toBeCloseTo(50e9, 0);
  });

  it('a staggered daily profile and looped trace are the first instance shifted by i × stagger', () => {
    const s = scenarioWith({
      count: 3,
      stagger: '45m',
      churn: [{ dailyProfile: { volume: '100 GB', peakHour: 14, peakToMean: 3 } }, { trace: { file: 't.csv' } }, { constant: '1 MB/s' }],
    });
    for (const k of [0, 1]) {
      const first = rateSteps(s.vms[0]!.churn[k]!, 3 * DAY);
      for (const i of [1, 2]) {
        const shifted = rateSteps(s.vms[i]!.churn[k]!, 3 * DAY);
        expect(meanChurnBytesPerSec(s.vms[i]!.churn[k]!)).toBeCloseTo(meanChurnBytesPerSec(s.vms[0]!.churn[k]!));
        for (let t = i * 2700 + 1; t < 2 * DAY; t += 997) expect(rateAt(shifted, t)).toBeCloseTo(rateAt(first, t - i * 2700));
      }
    }
    expect(s.vms[2]!.churn[2]).toEqual(s.vms[0]!.churn[2]);
  });

  it('rejects stagger on a VM whose trace does not loop', () => {
    const result = parseScenario(
      { ...minimalInput(), vms: [{ name: 'a', count: 2, stagger: '1h', processServer: 'ps1', churn: [{ trace: { file: 't.csv', loop: false } }] }] },
      { source: 'mem', traces: new Map([['t.csv', { startsSec: [0, 60], bytes: [1, 2] }]]) },
    );
    if (result.ok) throw new Error('accepted');
    expect(result.errors.map((e) => e.path)).toEqual(['vms[0].stagger']);
  });
});
