import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { scenarioJsonSchema, UNIT_PATTERNS } from '../../src/scenario/toJsonSchema.js';
import { parseDuration, parseFraction, parseRate, parseSize } from '../../src/scenario/units.js';
import { sweepJsonSchema } from '../../src/sweep/sweepJsonSchema.js';
import { compareJsonSchema } from '../../src/compare/compareJsonSchema.js';
import { minimalInput } from './fixtures.js';

const ajv = new Ajv({ allErrors: true, strict: false });
const validateScenario = ajv.compile(scenarioJsonSchema());
const validateSweep = ajv.compile(sweepJsonSchema());
const validateCompare = ajv.compile(compareJsonSchema());

const yamlIn = async (folder: string) => (await readdir(folder)).filter((f) => f.endsWith('.yaml')).map((f) => join(folder, f));
const scenarios = await yamlIn('scenarios');
const sweeps = await yamlIn('scenarios/sweeps');
const compareFolder = await yamlIn('scenarios/compare');

describe('scenarioJsonSchema()', () => {
  it.each(scenarios)('accepts %s, which names the shipped schema on its first line', async (file) => {
    const text = await readFile(file, 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/scenario.schema.json');
    expect(validateScenario(parse(text)), JSON.stringify(validateScenario.errors)).toBe(true);
  });

  it.each(sweeps)('the sweep schema accepts %s', async (file) => {
    const text = await readFile(file, 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schema/sweep.schema.json');
    expect(validateSweep(parse(text)), JSON.stringify(validateSweep.errors)).toBe(true);
  });

  it.each(compareFolder)('the compare example %s names its schema, which accepts it', async (file) => {
    const text = await readFile(file, 'utf8');
    const header = text.split('\n')[0]!;
    expect(['# yaml-language-server: $schema=../../schema/scenario.schema.json', '# yaml-language-server: $schema=../../schema/compare.schema.json']).toContain(header);
    const validate = header.endsWith('compare.schema.json') ? validateCompare : validateScenario;
    expect(validate(parse(text)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects an unknown key, a rate without "/s", a fraction above 1 and a distribution with two kinds', () => {
    const base = parse(`
name: x
uplinks: [{ name: wan, bandwidth: 100 Mbps }]
processServers: [{ name: ps1, uplink: wan }]
vms: [{ name: vm1, processServer: ps1, churn: [{ constant: 1 MB/s }] }]`);
    expect(validateScenario(base)).toBe(true);
    const broken = structuredClone(base);
    broken.uplinks[0].bandwith = '100 Mbps';
    broken.vms[0].churn[0].constant = '1 MB';
    broken.processServers[0].throttleFreeFraction = 1.5;
    broken.failover = { boot: { fixed: '2m', exponential: '3m' } };
    expect(validateScenario(broken)).toBe(false);
    const paths = new Set(validateScenario.errors!.map((e: { instancePath: string }) => e.instancePath));
    expect([...paths]).toEqual(expect.arrayContaining(['/uplinks/0', '/vms/0/churn/0/constant', '/processServers/0/throttleFreeFraction', '/failover/boot']));
  });

  it('judges a window\'s start (time of day or duration) and period (day, week or duration) as the parser does', () => {
    const withWindow = (start: unknown, every: unknown) => ({
      ...minimalInput(),
      vms: [{ name: 'etl', processServer: 'ps1', churn: [{ window: { start, duration: '1h', volume: '1 GB', every } }] }],
    });
    const cases = [['01:00', 'day'], ['7:05:30', 'week'], [' 11:59 ', '12h'], ['5d 1h', 'week'], [0, ' day '], ['24:00', 'day'], ['1:60', 'day'], ['01:00', 'month'], ['1 am', 'day']];
    for (const [start, every] of cases) {
      const input = withWindow(start, every);
      expect([start, every, validateScenario(input)]).toEqual([start, every, parseScenario(input, { source: 'mem' }).ok]);
    }
  });

  it('is the file shipped in schema/ (written by the build)', async () => {
    expect(JSON.parse(await readFile('schema/scenario.schema.json', 'utf8'))).toEqual(scenarioJsonSchema());
    expect(JSON.parse(await readFile('schema/sweep.schema.json', 'utf8'))).toEqual(sweepJsonSchema());
    expect(JSON.parse(await readFile('schema/compare.schema.json', 'utf8'))).toEqual(compareJsonSchema());
  });
});

describe('UNIT_PATTERNS', () => {
  const cases = [
    ['duration', parseDuration, ['15m', '24h', '1h30m', ' 5d 12h ', '0', '0.0', '.5h', '2w', '1.5 h'], ['15', '1e3s', '15 min', 'h', '-', '1h-30m']],
    ['size', parseSize, ['600 GB', '512 MiB', '8 Gb', '1e3 kB', '0', '4 KiB', '10 bits', '1.5TB'], ['600', '600 gb', '20 MB/s', 'GB', '5 KB/s']],
    ['rate', parseRate, ['20 MB/s', '100 Mbps', '2 TB/day', '10 GB/h', '1.5 Gbit/s', '12 MBps', '0', '5 kB / min'], ['20 MB', '100 mbps', '20 MB/week', 'fast']],
    ['fraction', parseFraction, ['20%', '0.2', ' 30 % ', '1e-1', '1', '1.00', '.5', '150%'], ['20 percent', '%', '', '6', '1.5', '2e-0', '1e999%']],
  ] as const;

  it.each(cases)('%s: every example the parser reads matches, and every string it refuses does not', (kind, parser, good, bad) => {
    const pattern = new RegExp(UNIT_PATTERNS[kind]);
    for (const text of good) expect([text, parser(text).ok, pattern.test(text)]).toEqual([text, true, true]);
    for (const text of bad) expect([text, parser(text).ok, pattern.test(text)]).toEqual([text, false, false]);
  });

  it.each(cases)('%s: a string the pattern matches is one the parser reads (random strings of unit characters)', (kind, parser) => {
    const pattern = new RegExp(UNIT_PATTERNS[kind]);
    const chars = fc.constantFrom(...'0123456789. eE+-%/smhdwkKMGTPiBbitpsayrn'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 12 }).map((a) => a.join('')), (text) => {
        if (pattern.test(text)) expect(parser(text).ok, text).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
