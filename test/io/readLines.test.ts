import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { forEachLine, InputFileError } from '../../src/io/readLines.js';
import { tempFolder } from './tempFolder.js';

const roomy = { maxLineBytes: 1000, maxFileBytes: 1e6 };
async function lines(text: string | Buffer, bounds = roomy): Promise<Array<[number, string]>> {
  const path = join(await tempFolder(), 'lines.txt');
  await writeFile(path, text);
  const out: Array<[number, string]> = [];
  const count = await forEachLine(path, bounds, (lineNo, line) => out.push([lineNo, line]));
  expect(count).toBe(out.length);
  return out;
}

test('forEachLine numbers lines, drops \\r of CRLF, keeps empty lines and a last line without a break', async () => {
  expect(await lines('a\r\n\nb\nc')).toEqual([[1, 'a'], [2, ''], [3, 'b'], [4, 'c']]);
});

test('forEachLine decodes a character split across read chunks', async () => {
  const text = `${'x'.repeat(65_535)}é\n`;
  expect(await lines(text, { maxLineBytes: 100_000, maxFileBytes: 1e6 })).toEqual([[1, text.slice(0, -1)]]);
});

test('forEachLine stops at a line or a file beyond its bounds', async () => {
  await expect(lines(`ok\n${'y'.repeat(2000)}\n`)).rejects.toThrow(/:2: expected a line of at most 0.9765625 KiB, found a longer one starting "yyyy/);
  await expect(lines('z\n'.repeat(100_000), { maxLineBytes: 10, maxFileBytes: 1024 })).rejects.toThrow(/expected a file of at most 1 KiB, found more/);
});

test('forEachLine names a missing file in words', async () => {
  const path = join(await tempFolder(), 'missing.txt');
  await expect(lines.call(null, '').then(() => forEachLine(path, roomy, () => {}))).rejects.toThrow(new InputFileError(`file not found: ${path}`));
});
