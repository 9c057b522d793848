// Mistakes in a compare file are the user's to fix: each is named with file, line, field, what was expected and
// what was found, all at once, before any run.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCompareFile } from '../../src/io/loadCompare.js';
import { formatIssues } from '../../src/scenario/issues.js';
import { tempFolder } from '../io/tempFolder.js';

const site = fileURLToPath(new URL('./fixtures/tiny-site.yaml', import.meta.url));

async function problems(yaml: string): Promise<string> {
  const folder = await tempFolder();
  const file = join(folder, 'cmp.yaml');
  await writeFile(file, yaml.replace('BASE', site));
  const loaded = await loadCompareFile(file);
  if (loaded.ok) throw new Error('expected the compare file to be refused');
  return formatIssues(loaded.errors).replaceAll(folder, '<dir>');
}

const two = `
  - name: asr
    set: { policy: { kind: asr } }
  - name: zerto
    set: { policy: { kind: zerto } }`;

describe('loadCompareFile(path) refuses', () => {
  it('an empty list of strategies, and a single one', async () => {
    expect(await problems('base: BASE\nstrategies: []\n')).toBe('<dir>/cmp.yaml:2:13: strategies: expected at least two strategies to compare, found []');
    expect(await problems('base: BASE\nstrategies:\n  - name: only\n')).toMatch(/cmp\.yaml:3:3: strategies: expected at least two strategies to compare/);
  });

  it('an unknown field of a strategy, naming the fields it has', async () => {
    const text = await problems(`base: BASE\nstrategies:${two}\n  - name: drs\n    sett: { policy: { kind: aws-drs } }\n`);
    expect(text).toBe('<dir>/cmp.yaml:8:11: strategies[2].sett: expected one of the fields name, description, set, found "sett"');
  });

  it('an override path that names no scenario field, with the fields of the mapping', async () => {
    const text = await problems(`base: BASE\nstrategies:${two}\n  - name: long\n    set: { policy.retension: 3d }\n`);
    expect(text).toMatch(/^<dir>\/cmp\.yaml:8:30: strategies\[2\]\.set\.policy\.retension: expected a path to a field of the scenario format, found "policy\.retension": policy has no field "retension" \(its fields: kind, crashConsistentInterval, appConsistentInterval, retention, rpoThreshold/);
  });

  it('a baseline that is not one of the strategies', async () => {
    expect(await problems(`base: BASE\nbaseline: asr-classic\nstrategies:${two}\n`)).toBe(
      '<dir>/cmp.yaml:2:11: baseline: expected the name of a strategy (asr, zerto), found "asr-classic"',
    );
  });

  it('two strategies with one name', async () => {
    expect(await problems(`base: BASE\nstrategies:${two}\n  - name: asr\n`)).toMatch(/cmp\.yaml:7:11: strategies\[2\]\.name: expected a name not used by another strategy, found "asr"/);
  });

  it('an override that makes a scenario invalid, with the scenario field and the strategy', async () => {
    const text = await problems(`base: BASE\nstrategies:${two}\n  - name: short-journal\n    set: { policy: { kind: zerto, journalHistory: 10m } }\n`);
    expect(text).toMatch(/^<dir>\/cmp\.yaml:8:10: strategies\[2\]\.set: expected overrides that make short-journal a valid scenario \(policy\.journalHistory: expected a duration from 1h to 30d, like "1h" or "24h"\), found "10m"$/);
  });

  it('an unknown objective or metric, a choice the baseline lacks, and a precision out of range, all at once', async () => {
    expect(await problems(`base: BASE\nobjective: cost\nmetrics: [rpo_mean_s, speed]\nprecision: 120%\nstrategies:${two}\n`)).toMatch(
      /cmp\.yaml:4:12: precision: expected a fraction above 0 and below 1.*\n.*cmp\.yaml:3:23: metrics\[1\]: expected a metric name \(rpo_mean_s, .*\), found "speed"\n.*cmp\.yaml:2:12: objective: expected a metric \(rpo_mean_s, /,
    );
    expect(await problems(`base: BASE\nobjective: data_loss_s\nstrategies:${two}\n`)).toMatch(/objective: expected data_loss_s:<choice>, e\.g\. data_loss_s:latest, found "data_loss_s"/);
    expect(await problems(`base: BASE\nobjective: data_loss_s:clean@3d\nstrategies:${two}\n`)).toMatch(
      /cmp\.yaml:2:12: objective: expected a failover choice of the baseline asr \(latest, latest-processed, latest-app-consistent, custom, clean@1h, clean@12h\), found "clean@3d"/,
    );
  });

  it('a base scenario that cannot be read, by its path', async () => {
    expect(await problems(`base: nowhere.yaml\nstrategies:${two}\n`)).toBe(
      '<dir>/cmp.yaml:1:7: base: expected the path of a readable scenario, relative to the compare file, found "nowhere.yaml" (file not found: <dir>/nowhere.yaml)',
    );
  });
});
