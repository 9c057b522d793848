// The compatibility report through the CLI, and bad disk, background and throttling input as a user meets it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { COMPATIBILITY_COLUMNS } from '../../src/io/compatibilityCsv.js';
import { rposim, stackLines } from './runRposim.js';

const SHIPPED = 'scenarios/shared-link.yaml';

const OVER_LIMIT = `name: over-limit
horizon: 1d
warmup: 1h
uplinks: [{ name: wan, bandwidth: 200 Mbps }]
processServers: [{ name: ps1, uplink: wan }]
vms:
  - name: sql
    processServer: ps1
    churn: [{ constant: 3 MB/s }]
    disks:
      - { name: os, size: 64 GiB, target: standard-ssd, churnShare: 10% }
      - { name: data, size: 1 TiB, target: standard-ssd, churnShare: 90% }
`;

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rposim-compatibility-'));
  await writeFile(join(folder, 'over-limit.yaml'), OVER_LIMIT);
});

test('rposim validate prints each finding with its VM, disk and limit, says how many, and exits 0', () => {
  const { code, stdout, stderr } = rposim(['validate', join(folder, 'over-limit.yaml')]);
  expect(code).toBe(0);
  expect(stderr).toContain("compatibility error: vm sql, disk data: mean churn 2.7 MB/s, above ASR's 2 MB/s for standard storage");
  expect(stdout).toMatch(/: OK \(1 VM, .*\); ASR compatibility: 1 error, 0 warnings \(above\)\n$/);
});

test('rposim run writes compatibility.csv (a header alone when the design is within every limit)', async () => {
  const out = join(folder, 'over');
  expect(rposim(['run', join(folder, 'over-limit.yaml'), '--out', out, '--quiet']).code).toBe(0);
  const [header, row, end] = (await readFile(join(out, 'compatibility.csv'), 'utf8')).split('\n');
  expect(header).toBe(COMPATIBILITY_COLUMNS.join(','));
  expect(row).toMatch(/^error,disk-churn,ps1,sql,data,2700000,2000000,B\/s,"mean churn/);
  expect(end).toBe('');
  const clean = join(folder, 'clean');
  expect(rposim(['run', 'scenarios/small-site.yaml', '--out', clean, '--quiet', '--no-timeseries']).code).toBe(0);
  expect(await readFile(join(clean, 'compatibility.csv'), 'utf8')).toBe(`${COMPATIBILITY_COLUMNS.join(',')}\n`);
});

test('rposim run of the shipped shared-link scenario reports its background traffic and its slow disk', async () => {
  const out = join(folder, 'shared-link');
  const { code, stdout, stderr } = rposim(['run', SHIPPED, '--out', out, '--no-timeseries']);
  expect(code).toBe(0);
  expect(stderr).toContain('compatibility warning: vm files, disk shares: peak churn');
  expect(stdout).toMatch(/uplink +utilisation +background traffic +outages +down/);
  const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
  expect(summary.uplinks[0].backgroundBytes).toBeGreaterThan(0);
});

test('bad disks, background and throttling exit 2 naming the file, the field and what was expected', async () => {
  const file = join(folder, 'bad.yaml');
  await writeFile(
    file,
    `name: bad
uplinks: [{ name: wan, bandwidth: 100 Mbps, background: { share: 30%, priority: [{ constant: 1 Mbps }] } }]
processServers: [{ name: ps1, uplink: wan, bandwidthThrottling: { workHourBandwidth: 10 Mbps, nonWorkHourBandwidth: fast, workDays: [monday, someday] } }]
vms:
  - name: db
    processServer: ps1
    churn: [{ constant: 1 MB/s }]
    disks: [{ name: os, size: 10 GB, used: 20 GB }]
`,
  );
  const out = join(folder, 'never');
  const { code, stderr } = rposim(['run', file, '--out', out]);
  expect(code).toBe(2);
  expect(existsSync(out)).toBe(false);
  expect(stackLines(stderr)).toEqual([]);
  const lines = stderr.trim().split('\n');
  expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${file}:2:\\d+: uplinks\\[0\\]\\.background: expected background traffic with exactly one of the keys priority, share`)));
  expect(lines).toContainEqual(expect.stringMatching(/bad\.yaml:3:\d+: processServers\[0\]\.bandwidthThrottling\.nonWorkHourBandwidth: expected a data rate .*with a unit, .*found "fast"$/));
  expect(lines).toContainEqual(expect.stringMatching(/bad\.yaml:3:\d+: processServers\[0\]\.bandwidthThrottling\.workDays\[1\]: expected one of monday, tuesday/));
  expect(lines).toContainEqual(expect.stringMatching(/bad\.yaml:8:\d+: vms\[0\]\.disks\[0\]\.used: expected a size no larger than the disk's size/));
});

test('a site that breaks one rule many times prints ten findings of it and counts the rest; compatibility.csv has them all', () => {
  const many = OVER_LIMIT.replace('  - name: sql\n', '  - name: sql\n    count: 25\n');
  const file = join(folder, 'many-over-limit.yaml');
  writeFileSync(file, many);
  const { code, stderr } = rposim(['validate', file]);
  expect(code).toBe(0);
  const churnLines = stderr.split('\n').filter((line) => /^compatibility error: vm sql-\d+, disk data: mean churn 2\.7 MB\/s/.test(line));
  expect(churnLines).toHaveLength(10);
  expect(stderr).toContain("compatibility error: ... and 15 more of rule disk-churn (every finding is in the run's compatibility.csv)");
  const out = join(folder, 'many-out');
  expect(rposim(['run', file, '--out', out, '--quiet', '--no-timeseries']).code).toBe(0);
  const rows = readFileSync(join(out, 'compatibility.csv'), 'utf8').trim().split('\n').slice(1);
  expect(rows.filter((row: string) => row.startsWith('error,disk-churn,'))).toHaveLength(25);
});
