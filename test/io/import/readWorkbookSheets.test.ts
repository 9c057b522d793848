import { expect, test } from 'vitest';
import { readWholeWorkbook, readWorkbookSheets } from '../../../src/io/import/readWorkbookSheets.js';

const EXAMPLE = 'scenarios/import/rvtools-synthetic.xlsx';

// The example is written by exceljs, which stores the workbook part last: the layout on which exceljs' streaming
// reader sometimes throws (exceljs issue 3064). Read twenty times, it must give the same tables every time.
test('readWorkbookSheets(path, names) reads an exceljs-written workbook every time, with the same tables', async () => {
  const first = await readWorkbookSheets(EXAMPLE, ['vInfo', 'vDisk']);
  expect([...first.keys()].sort()).toEqual(['vDisk', 'vInfo']);
  expect(first.get('vInfo')!.header).toContain('VM');
  for (let i = 0; i < 20; i++) expect(await readWorkbookSheets(EXAMPLE, ['vInfo', 'vDisk'])).toEqual(first);
});

test('readWholeWorkbook(path, wanted), the fallback, gives the tables the streaming reader gives', async () => {
  const streamed = await readWorkbookSheets(EXAMPLE, ['vInfo', 'vDisk', 'vPartition']);
  expect(await readWholeWorkbook(EXAMPLE, new Set(['vinfo', 'vdisk', 'vpartition']))).toEqual(streamed);
});
