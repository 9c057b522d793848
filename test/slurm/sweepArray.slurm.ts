// Opt-in (npm run test:slurm, which first starts a one-node cluster with scripts/slurm-local.sh): the Slurm
// recipe of docs/sweeps.md, taken from the page itself, run on a real Slurm as a job array with a dependent
// merge, and compared byte for byte with the unsharded sweep.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const FINAL_FILES = ['runs.csv', 'summary.csv', 'sweep.json'];
const SWEEP = 'scenarios/sweeps/uplink-for-15m-rpo.yaml';
const SHARDS = 8;
let work: string;

/** The shell block of docs/sweeps.md whose second line is `# <name>…`. */
function recipe(name: string): string {
  const docs = readFileSync(join(repo, 'docs/sweeps.md'), 'utf8');
  const block = [...docs.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!).find((b) => b.split('\n')[1]?.startsWith(`# ${name}`));
  if (block === undefined) throw new Error(`docs/sweeps.md has no sh block starting with "# ${name}"`);
  return block;
}

/** Runs a command in the work folder, with the rposim wrapper first on the PATH (sbatch passes it to the jobs). */
function sh(command: string): string {
  const run = spawnSync('bash', ['-c', command], { cwd: work, encoding: 'utf8', env: { ...process.env, PATH: `${join(work, 'bin')}:${process.env['PATH']}` } });
  if (run.status !== 0) throw new Error(`${command} exited with ${run.status}: ${run.stderr}`);
  return run.stdout;
}

function jobState(id: string): { state: string; reason: string } {
  const line = spawnSync('scontrol', ['show', 'job', '-o', id], { encoding: 'utf8' }).stdout;
  return { state: /JobState=(\w+)/.exec(line)?.[1] ?? 'GONE', reason: /Reason=(\S+)/.exec(line)?.[1] ?? '' };
}

/** Waits for a job to end (every task of an array); fails with the jobs' output if it did not complete. */
async function waitFor(id: string): Promise<void> {
  for (;;) {
    const { state, reason } = jobState(id);
    if (state === 'COMPLETED') return;
    if (state !== 'PENDING' && state !== 'RUNNING' && state !== 'CONFIGURING' && state !== 'COMPLETING') {
      const outputs = readdirSync(work).filter((f) => f.startsWith('slurm-')).map((f) => `${f}:\n${readFileSync(join(work, f), 'utf8')}`);
      throw new Error(`job ${id} ended ${state} (${reason})\n${outputs.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

const submitted = (output: string): string => /Submitted batch job (\d+)/.exec(output)?.[1] ?? /^(\d+)/.exec(output.trim())?.[1] ?? '';
const finalFiles = (dir: string) => Object.fromEntries(FINAL_FILES.map((f) => [f, readFileSync(join(work, dir, f), 'utf8')]));
const runFiles = (dir: string) => readdirSync(join(work, dir, 'runs')).filter((f) => /^\d+\.json$/.test(f)).sort();

beforeAll(() => {
  const ping = spawnSync('scontrol', ['ping'], { encoding: 'utf8' });
  if (ping.status !== 0 || !ping.stdout.includes('UP')) throw new Error('no Slurm controller answers: run scripts/slurm-local.sh first (npm run test:slurm does)');
  work = mkdtempSync(join(tmpdir(), 'rposim-slurm-'));
  // The job's working directory looks like a checkout: scenarios/ beside it, `rposim` on the PATH.
  symlinkSync(join(repo, 'scenarios'), join(work, 'scenarios'));
  mkdirSync(join(work, 'bin'));
  writeFileSync(join(work, 'bin/rposim'), `#!/bin/sh\nexec '${process.execPath}' '${join(repo, 'dist/bin/rposim.js')}' "$@"\n`);
  chmodSync(join(work, 'bin/rposim'), 0o755);
  // As documented, except the CPUs per task: the test node has 2.
  writeFileSync(join(work, 'sweep.sbatch'), recipe('sweep.sbatch').replace('--cpus-per-task=16', '--cpus-per-task=1'));
  writeFileSync(join(work, 'submit.sh'), recipe('submit.sh'));
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the Slurm recipe of docs/sweeps.md on a real Slurm', () => {
  it('runs the sweep as an 8-task array, merges it in a dependent job, byte for byte the unsharded sweep', async () => {
    expect(readFileSync(join(work, 'sweep.sbatch'), 'utf8')).toContain(`--array=0-${SHARDS - 1}`);
    const merge = submitted(sh('bash submit.sh'));
    expect(merge).not.toBe('');
    await waitFor(merge);

    // Every task ran its own share: run i lives in shard i mod 8 only.
    for (let shard = 0; shard < SHARDS; shard++) {
      const indices = runFiles(`results/uplink/shard-${shard}`).map((f) => Number.parseInt(f, 10));
      expect(indices.length).toBeGreaterThan(0);
      for (const index of indices) expect(index % SHARDS).toBe(shard);
    }
    sh(`rposim sweep ${SWEEP} --out reference --workers 2`);
    expect(finalFiles('results/uplink/merged')).toEqual(finalFiles('reference'));
  });

  it('re-runs one task submitted alone on its own shard, recomputing only what it lost', async () => {
    const shard = 'results/uplink/shard-3';
    const before = runFiles(shard);
    const lost = before[1]!;
    const bytes = readFileSync(join(work, shard, 'runs', lost));
    const written = (file: string) => statSync(join(work, shard, 'runs', file)).mtimeMs;
    const kept = before.filter((f) => f !== lost).map((f) => [f, written(f)]);
    rmSync(join(work, shard, 'runs', lost));
    rmSync(join(work, 'results/uplink/merged'), { recursive: true });

    const task = submitted(sh('sbatch --parsable --array=3 sweep.sbatch'));
    await waitFor(task);
    // Shard 3's runs again, not the whole sweep; the lost one recomputed identically, the others untouched.
    expect(runFiles(shard)).toEqual(before);
    expect(readFileSync(join(work, shard, 'runs', lost))).toEqual(bytes);
    expect(kept.map(([f]) => [f, written(f as string)])).toEqual(kept);

    const merge = submitted(sh(`sbatch --dependency=afterok:${task} --wrap "rposim merge results/uplink/shard-* --out results/uplink/merged"`));
    await waitFor(merge);
    expect(finalFiles('results/uplink/merged')).toEqual(finalFiles('reference'));
  });
});
