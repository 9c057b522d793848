import { describe, expect, it } from 'vitest';
import { resolveShard } from '../../src/cli/shardOption.js';

describe('resolveShard(flags, env)', () => {
  it('reads --shard i/n, 0-based', () => {
    expect(resolveShard({ shard: '2/4' }, {})).toMatchObject({ ok: true, shard: { index: 2, count: 4 } });
    expect(resolveShard({ shard: '4/4' }, {})).toMatchObject({ ok: false, error: expect.stringContaining('--shard') });
    expect(resolveShard({ shard: 'two' }, {})).toMatchObject({ ok: false });
  });

  it('reads a Kubernetes Indexed Job index with --shard-count', () => {
    expect(resolveShard({ shardCount: 5 }, { JOB_COMPLETION_INDEX: '3' })).toMatchObject({ ok: true, shard: { index: 3, count: 5 } });
    expect(resolveShard({}, { JOB_COMPLETION_INDEX: '3' })).toMatchObject({ ok: false, error: expect.stringContaining('--shard-count') });
  });

  it('reads a Slurm array task relative to its first id', () => {
    expect(resolveShard({}, { SLURM_ARRAY_TASK_ID: '4', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '4' })).toMatchObject({
      ok: true,
      shard: { index: 3, count: 4 },
    });
  });

  it('prefers --shard, and treats n = 1 as no sharding', () => {
    expect(resolveShard({ shard: '0/2' }, { JOB_COMPLETION_INDEX: '1' })).toMatchObject({ shard: { index: 0, count: 2 } });
    expect(resolveShard({ shard: '0/1' }, {})).toMatchObject({ ok: true, shard: null });
    expect(resolveShard({}, {})).toMatchObject({ ok: true, shard: null });
  });
});
