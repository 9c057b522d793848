import { describe, expect, test } from 'vitest';
import { formatSummary, MAX_VM_LINES } from '../../src/io/formatSummary.js';
import { resultFixture, vm } from '../fixtures/simulationResult.js';

function lineWith(text: string, start: string): string {
  const line = text.split('\n').find((l) => l.trimStart().startsWith(start));
  if (line === undefined) throw new Error(`no line starting with "${start}" in:\n${text}`);
  return line;
}

describe('formatSummary(result) for a few VMs', () => {
  const text = formatSummary(resultFixture());

  test('names the scenario, seed and horizon', () => {
    expect(text.split('\n')[0]).toBe(
      'Scenario fixture-site · seed 42 · horizon 7d (warm-up 1d) · 1 disaster · rposim 0.1.0',
    );
  });

  test('has one line per VM with RPO in minutes, time within threshold, alerts and peak backlog', () => {
    const web = lineWith(text, 'web-1');
    expect(web).toContain('5.2 / 9.8 / 31.0'); // 312 s, 588 s, 1860 s
    expect(web).toContain('97.3%');
    expect(web).toContain('2 (41m)');
    expect(web).toContain('1.2 GB');
    expect(lineWith(text, 'db-1')).toContain('7.5 / 15.0 / 60.0');
  });

  test('has data loss and downtime per failover choice over all VMs', () => {
    const latest = lineWith(text, 'latest ');
    expect(latest).toContain('2/2');
    expect(latest).toContain('4m 30s / 7m 12s / 7m 30s'); // 270 s mean, 432 s p95, 450 s max
    expect(latest).toContain('1 GB / 1.9 GB / 2 GB');
    expect(latest).toContain('23m 45s / 24m 53s / 25m');
    expect(lineWith(text, 'latest-app-consistent')).toContain('0/2');
  });

  test('has process server and uplink lines', () => {
    const ps = lineWith(text, 'ps-1 ');
    expect(ps).toContain('630 GB (63.0%)');
    expect(ps).toContain('2 (14m)');
    expect(lineWith(text, 'wan')).toContain('42.0%');
  });

  test('ends with a newline and is the same text every time', () => {
    expect(text.endsWith('\n')).toBe(true);
    expect(formatSummary(resultFixture())).toBe(text);
  });
});

describe(`formatSummary(result) for more than ${MAX_VM_LINES} VMs`, () => {
  const result = resultFixture();
  result.vms = Array.from({ length: 25 }, (_, i) =>
    vm(`vm-${String(i).padStart(2, '0')}`, i === 3 ? null : { mean: 60 * (i + 1), p95: 120 * (i + 1), max: 180 * (i + 1) }),
  );
  const text = formatSummary(result);

  test('shows the mean over VMs and the worst VM instead of every line', () => {
    const mean = lineWith(text, 'mean of 25 VMs');
    // p95 and max: means of the 24 VMs with points (vm-03 has none): 120 s and 180 s × the mean of 1..25 without 4.
    const m = (13 * 25 - 4) / 24;
    expect(mean).toContain(` / ${((120 * m) / 60).toFixed(1)} / ${((180 * m) / 60).toFixed(1)}`);
    expect(mean).toContain('97.3%');
    const worst = lineWith(text, 'worst VM');
    expect(worst).toContain('25.0 / 50.0 / 75.0'); // vm-24: 1500 s, 3000 s, 4500 s
    expect(worst).toContain('0.0%'); // vm-03 never had a point
    expect(text).not.toMatch(/^\s+vm-00\s/m);
  });

  test('gives alert time per VM, never summed over VMs (which would read as elapsed time)', () => {
    expect(lineWith(text, 'mean of 25 VMs')).toContain('2.0 (41m)');
    expect(lineWith(text, 'worst VM')).toContain('2 (41m)');
    expect(text).not.toContain('17h 5m'); // 25 × 41 min
  });

  test('lists the 5 worst VMs by p95 RPO, a VM without any recovery point first', () => {
    const worst = text.slice(text.indexOf('Worst 5 VMs')).split('\n').slice(2, 7).map((l) => l.trim().split(/\s+/)[0]);
    expect(worst).toEqual(['vm-03', 'vm-24', 'vm-23', 'vm-22', 'vm-21']);
  });
});

describe('formatSummary(result) with --precision', () => {
  const precision = {
    metric: 'data-loss-sec' as const, choice: 'latest-processed' as const, seed: 1, firstReplicationSeed: 2_847_106_511,
    replications: 64, maxReplications: 64, mean: 450, ci95: [342, 558] as [number, number], relativeHalfWidth: 0.24, target: 0.05, met: false,
  };

  test('says plainly that the target was not met at the cap, and gives the seed given and replication 1\'s', () => {
    const text = formatSummary({ ...resultFixture(), seed: 1, precision });
    expect(text.split('\n')[0]).toContain('· seed 1 ·');
    expect(text).toContain('Precision: mean latest-processed data loss 7m 30s (95% CI 5m 42s – 9m 18s, ±24.0%) over 64 replications: target ±5.0% NOT MET — stopped at the cap of 64 replications');
    expect(text).toContain("Seed 1 for the whole run; the other figures are replication 1's (seed 2847106511).");
  });

  test('says when the target was met', () => {
    expect(formatSummary({ ...resultFixture(), precision: { ...precision, met: true, relativeHalfWidth: 0.04, replications: 16 } })).toContain('over 16 replications: target ±5.0% met.');
  });
});
