import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, parseScenario, ScenarioError, simulate } from '../../src/index.js';
import { scenarioFixture } from '../helpers/scenarioFixture.js';
import { rposim } from '../cli/runRposim.js';
import { tempFolder } from '../io/tempFolder.js';

/** The issues a call throws, as "path: expected …, found …" lines (the source and position left out). */
function thrownIssues(call: () => unknown): string[] {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as ScenarioError).issues.map((i) => `${i.path}: expected ${i.expected}`);
  }
  throw new Error('no error thrown');
}

describe('simulate(scenario) with an invalid scenario object', () => {
  const bad = () => {
    const s = scenarioFixture();
    return {
      ...s,
      uplinks: [{ ...s.uplinks[0]!, bandwidthBytesPerSec: -12_500_000 }],
      processServers: [{ ...s.processServers[0]!, throttleFreeFraction: 1.5 }],
    };
  };

  it('throws a ScenarioError listing every problem instead of returning nulls', () => {
    expect(thrownIssues(() => simulate(bad()))).toEqual([
      'uplinks[0].bandwidth: expected a data rate > 0, like "20 MB/s" or "100 Mbps"',
      'processServers[0].throttleFreeFraction: expected a fraction from 0 to 1, like "20%" or 0.2',
    ]);
  });

  it('lists the same fields and expectations as the CLI does for the same scenario in a file', async () => {
    const dir = await tempFolder();
    const file = join(dir, 'bad.yaml');
    await writeFile(
      file,
      [
        'name: fixture',
        'uplinks: [{ name: wan, bandwidth: -100 Mbps }]',
        'processServers: [{ name: ps1, uplink: wan, throttleFreeFraction: 150% }]',
        'vms: [{ name: vm1, processServer: ps1, churn: [{ constant: 1 MB/s }] }]',
      ].join('\n'),
    );
    const cli = rposim(['validate', file]);
    expect(cli.code).toBe(2);
    const cliLines = cli.stderr.trim().split('\n').map((line) => line.replace(/^\S+:\d+:\d+: /, '').replace(/, found .*$/, ''));
    expect(cliLines).toEqual(thrownIssues(() => simulate(bad())));
  });

  it('accepts a valid object built in code with a step profile (the churn window and stagger produce)', () => {
    const s = scenarioFixture();
    const nightly = { kind: 'periodicSteps' as const, periodSec: 86_400, offsetSec: 3600, stepStartsSec: [0, 7200], ratesBytesPerSec: [5e6, 0] };
    const result = simulate({ ...s, vms: [{ ...s.vms[0]!, churn: [nightly] }] });
    // 36 GB a night (5 MB/s for 2 h) over the 2-day horizon.
    expect(result.vms[0]!.bytesWritten).toBeCloseTo(2 * 36e9, -3);
  });

  it('accepts a valid object built in code, and the same object again', () => {
    const s = structuredClone(scenarioFixture());
    expect(simulate(s).vms).toHaveLength(1);
    expect(simulate(s).vms[0]!.rpo.mean).not.toBeNull();
  });
});

describe('parseScenario(text | object) and loadScenario(path) from the package root', () => {
  const text = 'name: x\nuplinks: [{ name: wan, bandwidth: 100 Mbps }]\nprocessServers: [{ name: ps1, uplink: wan }]\nvms: [{ name: vm1, processServer: ps1, churn: [{ constant: 1 MB/s }] }]\n';

  it('parses YAML text into base units', () => {
    const scenario = parseScenario(text);
    expect(scenario.uplinks[0]!.bandwidthBytesPerSec).toBe(12_500_000);
    expect(scenario.vms[0]!.churn).toEqual([{ kind: 'constant', rateBytesPerSec: 1e6 }]);
  });

  it('parses an object in the file format to the same scenario as its text', () => {
    const object = { name: 'x', uplinks: [{ name: 'wan', bandwidth: '100 Mbps' }], processServers: [{ name: 'ps1', uplink: 'wan' }], vms: [{ name: 'vm1', processServer: 'ps1', churn: [{ constant: '1 MB/s' }] }] };
    expect(parseScenario(object)).toEqual(parseScenario(text));
  });

  it('throws every issue of bad text, with its line and column', () => {
    try {
      parseScenario(text.replace('100 Mbps', '100 mbps').replace('1 MB/s', 'fast'), { source: 'inline.yaml' });
      throw new Error('no error thrown');
    } catch (error) {
      const issues = (error as ScenarioError).issues;
      expect(issues.map((i) => [i.path, i.line])).toEqual([['uplinks[0].bandwidth', 2], ['vms[0].churn[0].constant', 4]]);
      expect((error as Error).message).toMatch(/^inline\.yaml:2:\d+: uplinks\[0\]\.bandwidth: expected a data rate/);
    }
  });

  it('loadScenario reads a file and its traces, and rejects a missing file with a ScenarioError', async () => {
    const scenario = await loadScenario('scenarios/synthetic-trace.yaml');
    expect(scenario.vms[0]!.churn[0]!.kind).toBe('trace');
    await expect(loadScenario('scenarios/nope.yaml')).rejects.toBeInstanceOf(ScenarioError);
  });
});
