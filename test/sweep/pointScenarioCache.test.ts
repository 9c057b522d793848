// A sweep worker keeps the last point's parsed scenario (sweepExecutor): a run's record must be the one it gets
// from a scenario parsed afresh, whatever order the runs come in (a worker is handed indices out of order when
// another worker died, on a resume or in a shard), for points that run and for a point that fails validation.
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { expect, test } from 'vitest';
import { loadSweepFile } from '../../src/io/loadSweep.js';
import { executeRun, prepareSweep, sweepExecutor } from '../../src/sweep/executeRun.js';

test('the executor that keeps a point scenario gives the records of fresh parses, in any order', async () => {
  const loaded = await loadSweepFile(fileURLToPath(new URL('./fixtures/failing.yaml', import.meta.url)));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  const fresh = prepareSweep(loaded.sweep.input);
  const execute = sweepExecutor(loaded.sweep.input);
  // Points 0, 0, 1, 1 in order, then back and forth between them.
  const order = [0, 1, 2, 3, 0, 2, 1, 3, 3, 0];
  for (const index of order) {
    const expected = executeRun(fresh, index);
    const got = execute(index);
    expect(isDeepStrictEqual(got, expected), `run ${index}`).toBe(true);
  }
  // Both kinds were met: the valid point ran, and the invalid one failed with its validation message.
  expect(execute(0).status).toBe('ok');
  expect(execute(2)).toMatchObject({ status: 'failed', error: expect.stringContaining('uplinks[0].bandwidth') });
});
