import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { parseRunFile, readRunRecord, runRecordPath, runsDir, SweepStoreError, writeRunRecord } from '../../src/io/runFile.js';
import type { RunRecord } from '../../src/sweep/runRecord.js';
import { tempFolder } from './tempFolder.js';

const record: RunRecord = {
  index: 3, point: 1, replication: 1, seed: 2, status: 'ok', error: '',
  rows: [{ vm: 'web-1', choice: 'latest', dataLossSecMean: 40.5, dataLossSecP95: 300, dataLossSecMax: 338, dataLossBytesMean: 1.5e7, downtimeSecMean: 1962, downtimeSecP95: 2970, rpoP95Sec: 743, rpoWithinThreshold: 0.997, disasters: 4, withPoint: 4, noPointReason: '' }],
};

async function writtenRunFile(): Promise<{ out: string; path: string; text: string }> {
  const out = await tempFolder();
  await mkdir(runsDir(out));
  writeRunRecord(out, record);
  const path = runRecordPath(out, 3);
  return { out, path, text: await readFile(path, 'utf8') };
}

test('writeRunRecord then readRunRecord gives the record back', async () => {
  const { out, text } = await writtenRunFile();
  expect(await readRunRecord(out, 3)).toEqual(record);
  expect(text).toMatch(/\nsha256 [0-9a-f]{64}\n$/);
});

test('parseRunFile(path, text) of a file cut short names the file', async () => {
  const { path, text } = await writtenRunFile();
  for (const cut of [text.slice(0, 40), text.slice(0, text.indexOf('\n')), '']) {
    expect(() => parseRunFile(path, cut)).toThrow(SweepStoreError);
    expect(() => parseRunFile(path, cut)).toThrow(`${path}: not a whole run file`);
  }
});

test('parseRunFile(path, text) of an edited file names the file and says the checksum does not match', async () => {
  const { out, path, text } = await writtenRunFile();
  await writeFile(path, text.replace('"dataLossSecMean":40.5', '"dataLossSecMean":4.5'));
  await expect(readRunRecord(out, 3)).rejects.toThrow(`${path}: changed after rposim wrote it (its checksum does not match)`);
});
