// rposim import on the synthetic examples: the scenario validates and runs, and each VM's churn mean is the
// input's, worked out here from the export files themselves.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/io/loadScenario.js';
import { meanChurnBytesPerSec } from '../../src/scenario/meanChurn.js';
import type { Scenario } from '../../src/scenario/types.js';
import { simulate } from '../../src/simulate.js';
import { tempFolder } from '../io/tempFolder.js';
import { rposim, stackLines } from './runRposim.js';

const EXAMPLES = 'scenarios/import';
const INPUTS = [
  '--rvtools', join(EXAMPLES, 'rvtools-synthetic.xlsx'),
  '--physical', join(EXAMPLES, 'physical-servers.csv'),
  '--churn', join(EXAMPLES, 'getstat-synthetic.csv'),
  '--churn', join(EXAMPLES, 'churn-long.csv'),
];

/** Fields of a plain CSV line, quotes removed (the examples quote no comma). */
const fields = (line: string): string[] => line.split(',').map((f) => f.replace(/^"|"$/g, ''));

/** Mean write rate per VM of a Get-Stat export: the KBps of all its disks at a time, summed, averaged over times. */
async function getStatMeans(file: string): Promise<Map<string, number>> {
  const [header, ...rows] = (await readFile(file, 'utf8')).trim().split(/\r?\n/);
  const col = (name: string) => fields(header!).indexOf(name);
  const sums = new Map<string, { kbps: number; times: Set<string> }>();
  for (const row of rows.map(fields)) {
    if (row[col('MetricId')] !== 'virtualDisk.write.average') continue;
    const vm = row[col('Entity')]!;
    const entry = sums.get(vm) ?? { kbps: 0, times: new Set<string>() };
    entry.kbps += Number(row[col('Value')]);
    entry.times.add(row[col('Timestamp')]!);
    sums.set(vm, entry);
  }
  return new Map([...sums].map(([vm, s]) => [vm, (s.kbps * 1024) / s.times.size]));
}

/** Mean write rate per VM of the long-format CSV: bytes over (distinct times × 60 s). */
async function longMeans(file: string): Promise<Map<string, number>> {
  const rows = (await readFile(file, 'utf8')).trim().split(/\r?\n/).slice(1).map(fields);
  const sums = new Map<string, { bytes: number; times: Set<string> }>();
  for (const [time, vm, , bytes] of rows) {
    const entry = sums.get(vm!) ?? { bytes: 0, times: new Set<string>() };
    entry.bytes += Number(bytes);
    entry.times.add(time!);
    sums.set(vm!, entry);
  }
  return new Map([...sums].map(([vm, s]) => [vm, s.bytes / (s.times.size * 60)]));
}

/** Every file under a folder with its contents, to compare before and after. */
async function tree(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const entries = await Promise.all(names.map(async (e) => [join(e.parentPath, e.name), await readFile(join(e.parentPath, e.name), 'utf8')]));
  return Object.fromEntries(entries.sort());
}

let folder: string;
let scenarioFile: string;
let scenario: Scenario;
let stdout: string;

beforeAll(async () => {
  folder = await tempFolder();
  scenarioFile = join(folder, 'site.yaml');
  const outcome = rposim(['import', scenarioFile, ...INPUTS, '--growth', '30%']);
  expect(outcome.stderr).toBe('');
  expect(outcome.code).toBe(0);
  stdout = outcome.stdout;
  const loaded = await loadScenarioFile(scenarioFile);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  scenario = loaded.scenario;
});

describe('rposim import of the synthetic examples', () => {
  it('writes a scenario that validates and runs, one VM per powered-on machine', () => {
    expect(scenario.vms.map((vm) => vm.name)).toEqual(['web-01', 'web-02', 'sql-01', 'app-01', 'file-01', 'legacy-01', 'erp-db', 'print-01', 'badge-gw']);
    const result = simulate({ ...scenario, disasters: { timesSec: [], randomCount: 10 } }, { seed: 1 });
    expect(result.vms).toHaveLength(9);
    for (const vm of result.vms) expect(vm.bytesWritten).toBeGreaterThan(0);
  });

  it('each measured VM churns at the export mean × 1.3 (the growth), per the independent reading of the files', async () => {
    const expected = new Map([...(await getStatMeans(join(EXAMPLES, 'getstat-synthetic.csv'))), ...(await longMeans(join(EXAMPLES, 'churn-long.csv')))]);
    expect(expected.size).toBe(7);
    for (const [name, mean] of expected) {
      const vm = scenario.vms.find((v) => v.name === name)!;
      expect(vm.churn).toHaveLength(1);
      expect(meanChurnBytesPerSec(vm.churn[0]!) / 1.3, name).toBeCloseTo(mean, 6);
    }
  });

  it('takes machine kind, disks, used space and DHCP from the inventory; unmeasured VMs get the default churn', () => {
    const sql = scenario.vms.find((v) => v.name === 'sql-01')!;
    expect([sql.machineKind, sql.disks, sql.usedDiskBytes, sql.dhcp]).toEqual(['windows', 3, 485 * 2 ** 30, false]);
    expect(scenario.vms.find((v) => v.name === 'app-01')!.machineKind).toBe('linux');
    expect(scenario.vms.find((v) => v.name === 'erp-db')!.machineKind).toBe('physical');
    expect(scenario.vms.find((v) => v.name === 'legacy-01')!.churn).toEqual([{ kind: 'constant', rateBytesPerSec: 10e9 / 86_400 }]);
  });

  it('writes each trace at the export interval, per VM and per disk, the disks summing to the VM', async () => {
    const rows = async (path: string) => (await readFile(join(folder, path), 'utf8')).trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
    const vm = await rows('site-traces/sql-01.csv');
    expect(vm).toHaveLength(288);
    expect(vm.map(([t]) => t)).toEqual(Array.from({ length: 288 }, (_, k) => k * 300));
    const disks = await Promise.all(['scsi0-0', 'scsi0-1', 'scsi0-2'].map((d) => rows(`site-traces/sql-01/${d}.csv`)));
    vm.forEach(([, bytes], k) => expect(disks.reduce((s, d) => s + d[k]![1]!, 0)).toBe(bytes));
  });

  it('comments out powered-off VMs and prints the p95 table', async () => {
    const yaml = await readFile(scenarioFile, 'utf8');
    expect(yaml).toContain('  # - name: dev-01\n');
    expect(stdout).toMatch(/vm\s+disk\s+interval\s+mean\s+p95\s+peak\s+p95 × 1\.3/);
    expect(stdout).toMatch(/sql-01\s+all\s+5m/);
  });

  it('never overwrites an existing scenario or traces folder without --force', async () => {
    const before = await tree(folder);
    const again = rposim(['import', scenarioFile, ...INPUTS]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exist');
    expect(await tree(folder)).toEqual(before);
    const forced = rposim(['import', scenarioFile, ...INPUTS, '--powered-off', 'skip', '--force']);
    expect(forced.code).toBe(0);
    const yaml = await readFile(scenarioFile, 'utf8');
    expect(yaml).not.toMatch(/name: dev-01/);
    expect(yaml).toContain('Left out: tmpl-win2022 (template), dev-01 (poweredOff).');
  });

  it('with --force still refuses a traces folder that no import wrote, and leaves it alone', async () => {
    const dir = await tempFolder();
    const thesis = join(dir, 'site-traces', 'thesis.tex');
    await mkdir(join(dir, 'site-traces'));
    await writeFile(thesis, 'chapter 1');
    const { code, stderr } = rposim(['import', join(dir, 'site.yaml'), ...INPUTS, '--force']);
    expect(code).toBe(2);
    expect(stderr).toContain('site-traces exists and was not written by rposim');
    expect(await readFile(thesis, 'utf8')).toBe('chapter 1');
    expect(existsSync(join(dir, 'site.yaml'))).toBe(false);
  });
});

describe('rposim import of malformed input', () => {
  it('exits 2 naming the file, row and column, with no stack trace and nothing written', async () => {
    const dir = await tempFolder();
    const bad = join(dir, 'stats.csv');
    await writeFile(bad, 'MetricId,Timestamp,Value,Unit,Instance,Entity\nvirtualDisk.write.average,1/15/2024 12:05:00 AM,lots,KBps,scsi0:0,web\n');
    const out = join(dir, 'site.yaml');
    const { code, stderr } = rposim(['import', out, '--churn', bad]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${bad}, row 2, column "Value": expected a write rate in KBps >= 0, found "lots"`);
    expect(stackLines(stderr)).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 on a missing input file and on bad options', () => {
    const missing = rposim(['import', 'x.yaml', '--rvtools', 'no/such/export.xlsx']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no/such/export.xlsx');
    expect(rposim(['import', 'x.yaml']).code).toBe(2);
    expect(rposim(['import', 'x.yaml', '--churn', 'a.csv', '--growth', 'lots']).stderr).toContain('--growth');
  });
});
