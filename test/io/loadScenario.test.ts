import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/io/loadScenario.js';
import { InputFileError } from '../../src/io/readLines.js';
import { formatIssues } from '../../src/scenario/issues.js';
import { FULL_YAML } from '../scenario/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'rposim-scenario-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

const BAD_YAML = `name: bad
horizon: 1d
warmup: 2d
uplinks:
  - name: wan
    bandwith: 100 Mbps
    bandwidth: 100
processServers:
  - name: ps1
    uplink: wan
    cache: 600 Mbps
vms:
  - name: web
    processServer: ps2
    churn:
      - onOff: { peak: -10 MB/s, meanOn: 2s, meanOff: 6s }
policy:
  appConsistentInterval: 30m
`;

describe('loadScenarioFile', () => {
  it('loadScenarioFile reads a YAML scenario and its traces relative to the file', async () => {
    const path = file('site/full.yaml', FULL_YAML);
    file('site/traces/db.csv', 'time_s,bytes_written\n0,10\n60,20\n120,30\n');
    const result = await loadScenarioFile(path);
    if (!result.ok) throw new Error(formatIssues(result.errors));
    expect(result.scenario.vms).toHaveLength(15);
    expect(result.scenario.vms[3]!.churn[3]).toEqual({
      kind: 'trace',
      source: 'traces/db.csv',
      startsSec: [0, 60, 120],
      bytes: [20, 40, 60],
      loop: false,
    });
  });

  it('loadScenarioFile reads JSON', async () => {
    const path = file(
      'tiny.json',
      JSON.stringify({
        name: 'tiny',
        uplinks: [{ name: 'wan', bandwidth: '100 Mbps' }],
        processServers: [{ name: 'ps1', uplink: 'wan' }],
        vms: [{ name: 'web', processServer: 'ps1', churn: [{ constant: '2 MB/s' }] }],
      }),
    );
    const result = await loadScenarioFile(path);
    expect(result.ok && result.scenario.uplinks[0]!.bandwidthBytesPerSec).toBe(12.5e6);
  });

  it('loadScenarioFile reports every problem with its line and column', async () => {
    const path = file('bad.yaml', BAD_YAML);
    const result = await loadScenarioFile(path);
    if (result.ok) throw new Error('expected errors');
    const lines = formatIssues(result.errors).split('\n');
    expect(lines).toEqual([
      `${path}:3:9: warmup: expected a duration shorter than the horizon ("1d"), found "2d"`,
      `${path}:6:15: uplinks[0].bandwith: expected one of the keys name, bandwidth, outages, background, found unknown key "bandwith"`,
      `${path}:7:16: uplinks[0].bandwidth: expected a data rate > 0 with a unit, like "20 MB/s" or "100 Mbps" (a bare number has no unit), found 100`,
      `${path}:11:12: processServers[0].cache: expected a size > 0 with a unit, like "600 GB" or "512 MiB" (this is a data rate, not a size), found "600 Mbps"`,
      `${path}:14:20: vms[0].processServer: expected the name of a process server (ps1), found "ps2"`,
      `${path}:16:24: vms[0].churn[0].onOff.peak: expected a data rate > 0, like "20 MB/s" or "100 Mbps", found "-10 MB/s"`,
      // The example is one the field accepts (issue 8: it used to suggest "15m", itself rejected).
      `${path}:18:26: policy.appConsistentInterval: expected a duration of 0 (off) or from 60m to 720m, like "1h" or "4h", found "30m"`,
    ]);
  });

  it('loadScenarioFile reports a trace that cannot be read at the trace.file line', async () => {
    const path = file(
      'notrace.yaml',
      `name: t
uplinks: [{ name: wan, bandwidth: 1 Gbps }]
processServers: [{ name: ps1, uplink: wan }]
vms:
  - name: db
    processServer: ps1
    churn:
      - trace: { file: nowhere.csv }
`,
    );
    const result = await loadScenarioFile(path);
    if (result.ok) throw new Error('expected errors');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ path: 'vms[0].churn[0].trace.file', line: 8, column: 24 });
    expect(result.errors[0]!.found).toMatch(/^"nowhere\.csv" \(file not found: .*nowhere\.csv\)$/);
  });

  it('loadScenarioFile reports YAML syntax errors with their position', async () => {
    const path = file('syntax.yaml', 'name: x\nuplinks: [\n  { name: wan\n');
    const result = await loadScenarioFile(path);
    if (result.ok) throw new Error('expected errors');
    expect(result.errors[0]).toMatchObject({ source: path, expected: 'valid YAML', line: expect.any(Number) });
  });

  it('loadScenarioFile names a missing file', async () => {
    const path = join(dir, 'nope.yaml');
    await expect(loadScenarioFile(path)).rejects.toThrow(new InputFileError(`file not found: ${path}`));
  });
});
