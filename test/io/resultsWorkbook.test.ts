import { failoverRecords } from '../../src/metrics/failoverTable.js';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { MAX_WORKBOOK_ROWS, tooLongForWorkbook, writeWorkbook } from '../../src/io/resultsWorkbook.js';
import { writeResults } from '../../src/io/writeResults.js';
import { simulate } from '../../src/simulate.js';
import { scenarioFixture } from '../helpers/scenarioFixture.js';
import { tempFolder } from './tempFolder.js';

describe('writeResults(result, out, { xlsx: true })', () => {
  // A VM whose name is a formula: a spreadsheet must show it as text, never evaluate it.
  const base = scenarioFixture({ horizonSec: 86_400, warmupSec: 3600 });
  const scenario = { ...base, vms: [{ ...base.vms[0]!, name: '=HYPERLINK("http://x","y")' }], disasters: { timesSec: [], randomCount: 5 } };
  const result = simulate(scenario);

  it('writes results.xlsx with the per-VM summary and the failovers, numbers as numbers, text as text', async () => {
    const out = join(await tempFolder(), 'run');
    expect(await writeResults(result, out, { scenario, xlsx: true })).toContain('results.xlsx');
    const sheets = await readXlsxFile(await readFile(join(out, 'results.xlsx')));
    expect(sheets.map((s) => s.sheet)).toEqual(['VMs', 'VM × choice', 'failovers']);
    const [vmHeader, vmRow] = sheets[0]!.data;
    expect(vmRow![vmHeader!.indexOf('name')]).toBe(scenario.vms[0]!.name);
    expect(vmRow![vmHeader!.indexOf('rpo.mean')]).toBe(result.vms[0]!.rpo.mean);
    const failovers = sheets[2]!.data;
    const csv = (await readFile(join(out, 'failovers.csv'), 'utf8')).trim().split('\n');
    expect(failovers).toHaveLength(csv.length);
    expect(failovers[0]).toEqual(csv[0]!.split(','));
    expect(failovers[1]![failovers[0]!.indexOf('data_loss_s')]).toBe(Number(failoverRecords(result.failovers)[0]!.dataLossSec!.toFixed(3)));
    // No formula anywhere in the workbook's sheets: the name is a shared string.
    const xml = Object.entries(unzipSync(await readFile(join(out, 'results.xlsx'))))
      .filter(([name]) => name.startsWith('xl/worksheets/'))
      .map(([, bytes]) => Buffer.from(bytes).toString('utf8'))
      .join('');
    expect(xml).not.toContain('<f>');
  });

  it('gives byte-identical workbooks for equal results', async () => {
    const [a, b] = [join(await tempFolder(), 'a'), join(await tempFolder(), 'b')];
    await writeResults(result, a, { xlsx: true });
    await new Promise((resolve) => setTimeout(resolve, 1100)); // across a second boundary of the zip's timestamps
    await writeResults(result, b, { xlsx: true });
    expect(Buffer.compare(await readFile(join(a, 'results.xlsx')), await readFile(join(b, 'results.xlsx')))).toBe(0);
  });

  it('leaves out a table longer than it takes, saying so in its sheet, and keeps the other sheets', async () => {
    const out = join(await tempFolder(), 'long');
    await mkdir(out);
    await writeFile(join(out, 'summary.json'), JSON.stringify({ vms: [{ name: 'vm-1', rpo: { mean: 300 } }] }));
    const rows = MAX_WORKBOOK_ROWS + 1;
    await writeFile(join(out, 'failovers.csv'), `vm,data_loss_s\n${'vm-1,1\n'.repeat(rows)}`);
    await writeFile(join(out, 'plans.csv'), 'plan,downtime_s\np1,60\n');
    await writeWorkbook(out);
    const sheets = await readXlsxFile(await readFile(join(out, 'results.xlsx')));
    expect(sheets.map((s) => s.sheet)).toEqual(['VMs', 'failovers', 'plans']);
    expect(sheets[1]!.data).toEqual([['note'], [tooLongForWorkbook('failovers.csv', rows)]]);
    expect(tooLongForWorkbook('failovers.csv', rows)).toContain('500,001 rows');
    expect(sheets[2]!.data).toEqual([['plan', 'downtime_s'], ['p1', 60]]);
  });
});
