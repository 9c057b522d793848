// The report of every shipped example, opened in a real browser: Debian's chromium, driven by playwright-core
// (no browser is downloaded; scripts/ensure-chromium.sh installs the package). Run by `npm run test:browser`.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDuration } from '../../src/io/humanUnits.js';
import type { ChoiceSummary, Stats } from '../../src/metrics/types.js';
import type { RunSummary } from '../../src/report/context.js';
import { rposim } from '../cli/runRposim.js';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const scenarios = (await readdir('scenarios')).filter((f) => f.endsWith('.yaml')).map((f) => join('scenarios', f));
const sweeps = (await readdir('scenarios/sweeps')).filter((f) => f.endsWith('.yaml')).map((f) => join('scenarios/sweeps', f));
const PLAN_INPUT = 'scenarios/synthetic-trace.yaml';

let out: string;
let profile: string;
let browser: BrowserContext;

function must(outcome: ReturnType<typeof rposim>, what: string): void {
  if (outcome.code !== 0) throw new Error(`${what} failed (${outcome.code}): ${outcome.stderr}`);
}

beforeAll(async () => {
  // A test that needs the browser fails when it is missing: CI installs it (.ci/run), a developer runs the script.
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/ensure-chromium.sh`);
  out = await mkdtemp(join(tmpdir(), 'rposim-report-'));
  profile = await mkdtemp(join(tmpdir(), 'rposim-chromium-'));
  for (const file of scenarios) must(rposim(['run', file, '--out', join(out, basename(file, '.yaml')), '--quiet', '--report']), file);
  must(rposim(['plan', PLAN_INPUT, '--out', join(out, 'plan'), '--bandwidth', '50Mbps', '--report']), 'plan');
  for (const file of sweeps) must(rposim(['sweep', file, '--out', join(out, `sweep-${basename(file, '.yaml')}`), '--report']), file);
  browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_FLAGS, offline: true, viewport: { width: 900, height: 1200 } });
}, 1_200_000);

afterAll(async () => {
  await browser?.close();
  await rm(profile, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
});

/** Opens a report and returns what the page did: console errors, requests beyond the file, charts and figures. */
async function open(folder: string) {
  const page = await browser.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  const failed: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  page.on('requestfailed', (request) => failed.push(request.url()));
  const url = `file://${join(out, folder, 'report.html')}`;
  await page.goto(url, { waitUntil: 'load' });
  const charts = await page.$$eval('figure[data-chart]', (figures) =>
    figures.map((figure) => ({
      id: figure.getAttribute('data-chart')!,
      svgs: figure.querySelectorAll('svg').length,
      // Drawn marks: a path with geometry, or a text, inside a mark group.
      marks: [...figure.querySelectorAll('g.role-mark path, g.role-mark text, g.role-mark line')].filter((el) => el.tagName !== 'path' || (el.getAttribute('d') ?? '').length > 2).length,
    })),
  );
  const figures = await page.$$eval('[data-figure]', (cards) =>
    Object.fromEntries(cards.map((c) => [c.getAttribute('data-figure')!, { value: c.getAttribute('data-value')!, text: c.querySelector('.value')!.textContent! }])),
  );
  const scripts = await page.$$eval('script', (s) => s.length);
  await page.close();
  return { errors, requests: requests.filter((r) => r !== url), failed, charts, figures: figures as Record<string, { value: string; text: string }>, scripts };
}

const countWeightedMean = (stats: Stats[]) => {
  const n = stats.reduce((s, x) => s + x.count, 0);
  return stats.reduce((s, x) => s + (x.mean ?? 0) * x.count, 0) / n;
};

describe.each(scenarios.map((f) => basename(f, '.yaml')))('the report of scenarios/%s.yaml', (name) => {
  it('loads with no console error, no request and no script, and draws every chart with marks', async () => {
    const page = await open(name);
    expect(page.errors).toEqual([]);
    expect(page.requests).toEqual([]);
    expect(page.failed).toEqual([]);
    expect(page.scripts).toBe(0);
    const files = await readdir(join(out, name));
    const expected = ['data-loss-cdf', 'downtime-components', 'retained-points', 'uplink-utilisation'];
    if (files.includes('timeseries.csv')) expected.push('rpo-over-time', 'backlog-over-time', 'cache-over-time');
    if (files.includes('plans.csv')) expected.push('plan-gantt');
    if (files.includes('lifecycle.csv')) expected.push('cycle-gantt');
    expect(page.charts.map((c) => c.id)).toEqual(expect.arrayContaining(expected));
    for (const c of page.charts) expect([c.id, c.svgs, c.marks > 0]).toEqual([c.id, 1, true]);
  });

  it("shows the headline figures of its summary.json", async () => {
    const page = await open(name);
    const summary = JSON.parse(await readFile(join(out, name, 'summary.json'), 'utf8')) as RunSummary;
    const worst = Math.min(...summary.vms.map((vm) => vm.rpo.fractionWithinThreshold ?? 1));
    expect(Number(page.figures['worst-rpo-compliance']!.value)).toBe(worst);
    expect(page.figures['worst-rpo-compliance']!.text).toBe(`${(worst * 100).toFixed(1)}%`);
    expect(Number(page.figures['disasters']!.value)).toBe(summary.disasterTimesSec.length);
    const choices = [...new Set(summary.vms.flatMap((vm) => vm.failover.map((c) => c.choice)))];
    for (const choice of choices) {
      const of = (pick: (c: ChoiceSummary) => Stats) => summary.vms.map((vm) => pick(vm.failover.find((c) => c.choice === choice)!));
      // Over disasters × VMs: the per-VM means weighted by their counts (computed here from summary.json alone).
      // The page's figure comes from failovers.csv, whose seconds have 3 decimals: equal to within half of that.
      for (const [figure, stats] of [[`data-loss-mean:${choice}`, of((c) => c.dataLossSec)], [`downtime-mean:${choice}`, of((c) => c.downtimeSec)]] as const) {
        if (stats.every((s) => s.count === 0)) continue;
        const expected = countWeightedMean(stats);
        expect(Number(page.figures[figure]!.value), figure).toBeCloseTo(expected, 3);
        expect(page.figures[figure]!.text.split(' ±')[0], figure).toBe(formatDuration(expected));
      }
    }
  });
});

describe('the report of rposim plan', () => {
  it('loads cleanly, draws the compliance curve and shows the bandwidth of each target of plan.json', async () => {
    const page = await open('plan');
    expect([page.errors, page.requests, page.failed]).toEqual([[], [], []]);
    expect(page.charts.map((c) => [c.id, c.marks > 0])).toEqual([['plan-compliance', true]]);
    const plan = JSON.parse(await readFile(join(out, 'plan', 'plan.json'), 'utf8')) as { targets: Array<{ compliance: number; bandwidth_bits_per_s: number }> };
    for (const t of plan.targets) {
      expect(Number(page.figures[`plan-bandwidth:${t.compliance}`]!.value)).toBe(t.bandwidth_bits_per_s);
      expect(page.figures[`plan-bandwidth:${t.compliance}`]!.text).toBe(`${(t.bandwidth_bits_per_s / 1e6).toFixed(2)} Mbps`);
    }
  });
});

describe.each(sweeps.map((f) => `sweep-${basename(f, '.yaml')}`))('the report of %s', (name) => {
  it('loads cleanly, draws a chart per metric and axis, and shows the counts of sweep.json', async () => {
    const page = await open(name);
    expect([page.errors, page.requests, page.failed]).toEqual([[], [], []]);
    const sweep = JSON.parse(await readFile(join(out, name, 'sweep.json'), 'utf8')) as { points: number; runs: number; failed: number; spec: { axes: unknown[] } };
    expect(page.charts.filter((c) => c.id.startsWith('sweep:')).length).toBe(2 * sweep.spec.axes.length);
    for (const c of page.charts) expect([c.id, c.marks > 0]).toEqual([c.id, true]);
    expect([page.figures['sweep-points']!.value, page.figures['sweep-runs']!.value, page.figures['sweep-failed']!.value].map(Number)).toEqual([sweep.points, sweep.runs, sweep.failed]);
  });
});
