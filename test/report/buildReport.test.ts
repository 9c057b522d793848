import { failoverRecords } from '../../src/metrics/failoverTable.js';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { failoversCsv } from '../../src/io/failoversCsv.js';
import { summaryJson } from '../../src/io/summaryJson.js';
import { timeseriesCsv } from '../../src/io/timeseriesCsv.js';
import { buildReport } from '../../src/report/buildReport.js';
import type { ResultsFolder } from '../../src/report/resultsFolder.js';
import { resolvedScenario } from '../../src/scenario/resolvedScenario.js';
import { simulate } from '../../src/simulate.js';
import { scenarioFixture } from '../helpers/scenarioFixture.js';
import { parse } from 'csv-parse/sync';

/** A results folder held in memory: file name → text. */
function memoryFolder(files: Record<string, string>): ResultsFolder {
  return {
    name: 'memory',
    files: new Set(Object.keys(files)),
    json: async (name) => (name in files ? JSON.parse(files[name]!) : null),
    async *rows(name) {
      if (name in files) yield* parse(files[name]!, { columns: true }) as Record<string, string>[];
    },
  };
}

const chartIds = (html: string) => [...html.matchAll(/data-chart="([^"]+)"/g)].map((m) => m[1]);
const sectionIds = (html: string) => [...html.matchAll(/<section id="([^"]+)"/g)].map((m) => m[1]);

describe('buildReport(folder)', () => {
  const scenario = scenarioFixture({ horizonSec: 2 * 86_400, output: { sampleIntervalSec: 600 } });
  const result = simulate(scenario);
  const files = {
    'summary.json': summaryJson(result),
    'failovers.csv': failoversCsv(failoverRecords(result.failovers)),
    'timeseries.csv': timeseriesCsv(result.timeseries),
    'scenario.resolved.json': JSON.stringify(resolvedScenario(scenario)),
  };

  it('renders the sections whose files are present, with no script and nothing to fetch', async () => {
    const html = await buildReport(memoryFolder(files));
    expect(sectionIds(html)).toEqual(['headline', 'over-time', 'uplinks', 'failover', 'retention', 'alerts', 'inputs']);
    // Only references inside the page (clip paths: url(#clip1)); no script, stylesheet, font or image to load.
    expect(/<script|<link|@import|url\((?!#)|src=|href="(?!#)/i.test(html)).toBe(false);
    expect(html).toContain('<svg');
  });

  it('leaves out what a folder lacks: no timeseries, no inputs, no charts over time', async () => {
    const { 'timeseries.csv': _t, 'scenario.resolved.json': _r, ...rest } = files;
    const html = await buildReport(memoryFolder(rest));
    expect(sectionIds(html)).not.toContain('over-time');
    expect(sectionIds(html)).not.toContain('inputs');
    expect(chartIds(html)).toContain('data-loss-cdf');
  });

  it('tolerates columns and fields it does not know (a direction column, a new summary field)', async () => {
    const rows = parse(files['timeseries.csv'], { columns: true }) as Record<string, string>[];
    const withDirection = stringify(rows.flatMap((r) => [{ ...r, direction: 'forward' }, { ...r, direction: 'failback' }]), { header: true });
    const summary = { ...JSON.parse(files['summary.json']), policies: [{ kind: 'asr', something: 1 }] };
    const html = await buildReport(memoryFolder({ ...files, 'timeseries.csv': withDirection, 'summary.json': JSON.stringify(summary) }));
    expect(html).toContain('vm1 (failback)');
    expect(chartIds(html)).toContain('rpo-over-time');
  });

  it('gives the same bytes for the same folder', async () => {
    const [first, second] = [await buildReport(memoryFolder(files)), await buildReport(memoryFolder(files))];
    expect(first === second).toBe(true);
  });
});

describe('the report of a 1,000-VM run', () => {
  it('draws the worst 8 VMs and aggregates, lists the VMs as one kind, and stays under 3 MB', async () => {
    const base = scenarioFixture({ horizonSec: 6 * 3600, warmupSec: 3600, output: { sampleIntervalSec: 300 } });
    const vms = Array.from({ length: 1000 }, (_, i) => ({ ...base.vms[0]!, name: `vm-${String(i + 1).padStart(4, '0')}`, churn: [{ kind: 'constant' as const, rateBytesPerSec: 1000 }] }));
    const scenario = { ...base, vms, uplinks: [{ ...base.uplinks[0]!, bandwidthBytesPerSec: 100e6 }], disasters: { timesSec: [], randomCount: 3 } };
    const result = simulate(scenario);
    const html = await buildReport(
      memoryFolder({
        'summary.json': summaryJson(result),
        'failovers.csv': failoversCsv(failoverRecords(result.failovers)),
        'timeseries.csv': timeseriesCsv(result.timeseries),
        'scenario.resolved.json': JSON.stringify(resolvedScenario(scenario)),
      }),
    );
    expect(Buffer.byteLength(html)).toBeLessThan(3e6);
    expect(html).toContain('all VMs: worst');
    expect(html).toContain('vm-0001 … vm-1000 (1000 VMs)');
    const legend = html.slice(html.indexOf('data-chart="rpo-over-time"'), html.indexOf('data-chart="backlog-over-time"'));
    expect(new Set(legend.match(/vm-\d{4}/g)).size).toBe(8);
  });
});
