import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { readResultsFolder } from '../../src/io/readResultsFolder.js';

test('a CSV file is streamed row by row, and onRead hears its share read grow to the whole file', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'rposim-results-folder-'));
  // Large enough to come in several chunks of the read stream (64 KB each).
  const rows = Array.from({ length: 20_000 }, (_, i) => `${i},vm-${i % 7},${(i * 0.37).toFixed(2)}`);
  await writeFile(join(folder, 'failovers.csv'), `k,vm,data_loss_s\n${rows.join('\n')}\n`);
  await writeFile(join(folder, 'plans.csv'), 'plan\n');
  const heard: { name: string; fraction: number }[] = [];
  const results = await readResultsFolder(folder, (name, fraction) => heard.push({ name, fraction }));

  let count = 0;
  let last: Record<string, string> | undefined;
  for await (const row of results.rows('failovers.csv')) {
    count++;
    last = row;
  }
  expect(count).toBe(20_000);
  expect(last).toEqual({ k: '19999', vm: 'vm-0', data_loss_s: '7399.63' });
  expect(heard.length).toBeGreaterThan(1);
  expect(heard.every((h) => h.name === 'failovers.csv')).toBe(true);
  const fractions = heard.map((h) => h.fraction);
  expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  expect(fractions[0]).toBeGreaterThan(0);
  expect(fractions.at(-1)).toBe(1);
  // A file the report does not read is not heard of; an absent one yields no rows.
  for await (const _ of results.rows('absent.csv')) throw new Error('an absent file has no rows');
  expect(heard.some((h) => h.name !== 'failovers.csv')).toBe(false);
});
