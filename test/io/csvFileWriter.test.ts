import { failoverRecords } from '../../src/metrics/failoverTable.js';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { csvRowsText } from '../../src/io/csvCells.js';
import { CsvFileWriter, writeCsvFile } from '../../src/io/csvFileWriter.js';
import { failoversCsv, failoversTable } from '../../src/io/failoversCsv.js';
import { resultFixture } from '../fixtures/simulationResult.js';
import { tempFolder } from './tempFolder.js';

test('CsvFileWriter appends rows as they come and gives the bytes of the whole table written at once', async () => {
  const path = join(await tempFolder(), 't.csv');
  // Enough rows to cross several write batches, with cells that need quoting and formulas to neutralise.
  const rows = Array.from({ length: 2500 }, (_, i) => [String(-i), i % 7 === 0 ? 'a, "b"' : 'plain', i % 11 === 0 ? 'line\nbreak' : `=${i}`]);
  const writer = CsvFileWriter.open(path, ['i', 'text', 'note']);
  for (const row of rows) writer.writeRow(row);
  writer.close();
  const text = await readFile(path, 'utf8');
  expect(text).toBe(csvRowsText([['i', 'text', 'note'], ...rows]));
  expect(text).toContain("\n-1,plain,'=1\n");
});

test('writeCsvFile(path, table, records) writes what the table formatter gives', async () => {
  const path = join(await tempFolder(), 'failovers.csv');
  const records = failoverRecords(resultFixture().failovers);
  writeCsvFile(path, failoversTable, records);
  expect(await readFile(path, 'utf8')).toBe(failoversCsv(records));
});

test('writeCsvFile(path, …) closes the file and rethrows when a row cannot be formatted', async () => {
  const path = join(await tempFolder(), 'bad.csv');
  const boom = () => {
    throw new TypeError('bad record');
  };
  expect(() => writeCsvFile(path, { columns: ['a'], row: boom }, [1])).toThrow('bad record');
  expect(await readFile(path, 'utf8')).toBe('a\n');
});

// /dev/full (Linux) accepts the open and fails every write with ENOSPC, like a full disk.
test.skipIf(!existsSync('/dev/full'))('CsvFileWriter names its file when a write fails', () => {
  const writer = CsvFileWriter.open('/dev/full', ['a']);
  expect(() => writer.close()).toThrow(/ENOSPC.*'\/dev\/full'/);
});
