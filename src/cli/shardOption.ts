// Which share of a sweep this process runs: --shard i/n, or the index a batch system gives each task.
// Shards are 0-based everywhere (like JOB_COMPLETION_INDEX); Slurm task ids are taken relative to
// SLURM_ARRAY_TASK_MIN, so both --array=0-3 and --array=1-4 work.
import type { Shard } from '../sweep/design.js';

export function resolveShard(
  flags: { shard?: string; shardCount?: number },
  env: Record<string, string | undefined>,
): { ok: true; shard: Shard | null; from: string } | { ok: false; error: string } {
  const make = (index: number, count: number, from: string) =>
    Number.isInteger(index) && Number.isInteger(count) && count >= 1 && index >= 0 && index < count
      ? { ok: true as const, shard: count === 1 ? null : { index, count }, from }
      : { ok: false as const, error: `${from}: expected a shard index from 0 to count - 1 and a count ≥ 1, found ${index}/${count}` };
  if (flags.shard !== undefined) {
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(flags.shard);
    if (!m) return { ok: false, error: `--shard: expected i/n with 0 ≤ i < n (e.g. 0/4), found "${flags.shard}"` };
    return make(Number(m[1]), Number(m[2]), '--shard');
  }
  if (env.JOB_COMPLETION_INDEX !== undefined) {
    if (flags.shardCount === undefined) {
      return { ok: false, error: 'JOB_COMPLETION_INDEX is set (Kubernetes Indexed Job): give the number of shards with --shard-count (the Job\'s completions)' };
    }
    return make(Number(env.JOB_COMPLETION_INDEX), flags.shardCount, 'JOB_COMPLETION_INDEX');
  }
  if (env.SLURM_ARRAY_TASK_ID !== undefined) {
    const count = flags.shardCount ?? Number(env.SLURM_ARRAY_TASK_COUNT);
    const index = Number(env.SLURM_ARRAY_TASK_ID) - Number(env.SLURM_ARRAY_TASK_MIN ?? 0);
    return make(index, count, 'SLURM_ARRAY_TASK_ID');
  }
  if (flags.shardCount !== undefined && flags.shardCount !== 1) {
    return { ok: false, error: '--shard-count needs a shard index: --shard i/n, JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID' };
  }
  return { ok: true, shard: null, from: '' };
}
