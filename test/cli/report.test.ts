import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeResults } from '../../src/io/writeResults.js';
import { scenarioJsonSchema } from '../../src/scenario/toJsonSchema.js';
import { simulate } from '../../src/simulate.js';
import { sweepJsonSchema } from '../../src/sweep/sweepJsonSchema.js';
import { scenarioFixture } from '../helpers/scenarioFixture.js';
import { tempFolder } from '../io/tempFolder.js';
import { rposim, stackLines } from './runRposim.js';

describe('rposim report <folder>', () => {
  it('writes <folder>/report.html, or the file --out names, and says where', async () => {
    const folder = join(await tempFolder(), 'run');
    const scenario = scenarioFixture();
    await writeResults(simulate(scenario), folder, { scenario });
    const outcome = rposim(['report', folder]);
    expect([outcome.code, outcome.stdout.trim()]).toEqual([0, `Report written to ${join(folder, 'report.html')}`]);
    expect(await readFile(join(folder, 'report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*data-figure="worst-rpo-compliance"/);
    const elsewhere = join(await tempFolder(), 'site.html');
    expect(rposim(['report', folder, '--out', elsewhere]).code).toBe(0);
    expect(existsSync(elsewhere)).toBe(true);
  });

  it('refuses a folder without results: exit 2, the folder named, no stack', async () => {
    const empty = await tempFolder();
    const outcome = rposim(['report', empty]);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain(empty);
    expect(outcome.stderr).toContain('summary.json');
    expect(stackLines(outcome.stderr)).toEqual([]);
  });

  it('plan --report without --out is a usage error', () => {
    const outcome = rposim(['plan', 'scenarios/synthetic-trace.yaml', '--report']);
    expect([outcome.code, outcome.stderr.trim()]).toEqual([2, 'rposim plan: --report: needs --out (the folder the report describes)']);
  });
});

describe('rposim schema [scenario|sweep]', () => {
  it('prints the JSON Schema generated from the zod schemas', () => {
    expect(JSON.parse(rposim(['schema']).stdout)).toEqual(scenarioJsonSchema());
    expect(JSON.parse(rposim(['schema', 'sweep']).stdout)).toEqual(sweepJsonSchema());
  });
});
