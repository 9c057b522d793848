// End to end: real `rposim sweep` / `rposim merge` processes from dist/ (npm test builds first).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (name: string) => join(repo, 'test/sweep/fixtures', name);
const FINAL_FILES = ['runs.csv', 'summary.csv', 'sweep.json'];
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'rposim-sweep-cli-'));
});

function start(args: string[], env: Record<string, string> = {}): { child: ChildProcess; done: Promise<{ code: number | null; signal: string | null; stderr: string }> } {
  const child = spawn(process.execPath, [join(repo, 'dist/cli/main.js'), ...args], { cwd: repo, env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  child.stdout!.resume();
  const done = new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, done };
}

const rposim = (args: string[], env?: Record<string, string>) => start(args, env).done;

async function finalFiles(dir: string): Promise<Record<string, string>> {
  return Object.fromEntries(await Promise.all(FINAL_FILES.map(async (f) => [f, await readFile(join(dir, f), 'utf8')])));
}

async function runFileCount(dir: string): Promise<number> {
  const names = await readdir(join(dir, 'runs')).catch(() => [] as string[]);
  return names.filter((n) => /^\d+\.json$/.test(n)).length;
}

/** Waits until at least `n` run files exist, then returns how many there were. */
async function waitForRuns(dir: string, n: number): Promise<number> {
  for (;;) {
    const count = await runFileCount(dir);
    if (count >= n) return count;
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('rposim sweep', () => {
  let reference: Record<string, string>;

  beforeAll(async () => {
    const r = await rposim(['sweep', fixture('grid.yaml'), '--out', join(tmp, 'grid-ref'), '--workers', '2']);
    expect(r.code, r.stderr).toBe(0);
    reference = await finalFiles(join(tmp, 'grid-ref'));
  });

  it('writes one runs.csv row per point × replication × VM × choice, and the summary', () => {
    const lines = reference['runs.csv']!.trim().split('\n');
    expect(lines[0]).toMatch(/^uplinks\[0\]\.bandwidth,policy\.appConsistentInterval,point,replication,seed,vm,choice,/);
    const rows = lines.slice(1).map((l) => l.split(','));
    const runs = new Set(rows.map((r) => `${r[2]}/${r[3]}`));
    expect(runs.size).toBe(24);
    // Common random numbers: the seed depends on the replication only.
    for (const r of rows) expect(Number(r[4]) - Number(r[3])).toBe(Number(rows[0]![4]));
    const json = JSON.parse(reference['sweep.json']!);
    expect(json).toMatchObject({ runs: 24, points: 6, failed: 0 });
  });

  it('gives identical files with 1 worker and with 2', async () => {
    const out = join(tmp, 'grid-w1');
    const r = await rposim(['sweep', fixture('grid.yaml'), '--out', out, '--workers', '1']);
    expect(r.code, r.stderr).toBe(0);
    expect(await finalFiles(out)).toEqual(reference);
  });

  it('shards run as separate processes merge into the unsharded files, byte for byte', async () => {
    const dirs = [0, 1, 2].map((i) => join(tmp, `shard-${i}`));
    const results = await Promise.all([
      rposim(['sweep', fixture('grid.yaml'), '--out', dirs[0]!, '--shard', '0/3', '--workers', '1']),
      rposim(['sweep', fixture('grid.yaml'), '--out', dirs[1]!, '--shard-count', '3', '--workers', '1'], { JOB_COMPLETION_INDEX: '1' }),
      rposim(['sweep', fixture('grid.yaml'), '--out', dirs[2]!, '--workers', '1'], { SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '3' }),
    ]);
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    expect(await Promise.all(dirs.map(runFileCount))).toEqual([8, 8, 8]);

    const incomplete = await rposim(['merge', dirs[0]!, dirs[1]!, '--out', join(tmp, 'merged-bad')]);
    expect(incomplete.code).toBe(2);
    expect(incomplete.stderr).toMatch(/8 of 24 runs are missing/);

    const merged = join(tmp, 'merged');
    const r = await rposim(['merge', ...dirs, '--out', merged]);
    expect(r.code, r.stderr).toBe(0);
    expect(await finalFiles(merged)).toEqual(reference);
  });

  it('merge refuses shards of a different sweep', async () => {
    const other = join(tmp, 'other-spec.yaml');
    await writeFile(other, (await readFile(fixture('grid.yaml'), 'utf8')).replace('replications: 4', 'replications: 3').replace(/\.\.\/\.\.\/\.\.\//, `${repo}/`));
    const otherDir = join(tmp, 'other-shard');
    expect((await rposim(['sweep', other, '--out', otherDir, '--shard', '1/3', '--workers', '1'])).code).toBe(0);
    const r = await rposim(['merge', join(tmp, 'shard-0'), otherDir, '--out', join(tmp, 'merged-other')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/runs of a different sweep/);
  });

  it('records a failing run, goes on, and exits non-zero listing it', async () => {
    const out = join(tmp, 'failing');
    const r = await rposim(['sweep', fixture('failing.yaml'), '--out', out, '--workers', '2']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/2 run\(s\) failed/);
    expect(r.stderr).toMatch(/uplinks\[0\]\.bandwidth/);
    const rows = (await readFile(join(out, 'runs.csv'), 'utf8')).trim().split('\n').slice(1);
    expect(rows.filter((l) => l.startsWith('lots,')).every((l) => /,failed,/.test(l))).toBe(true);
    expect(rows.filter((l) => l.startsWith('100 Mbps,')).every((l) => /,ok,$/.test(l))).toBe(true);
    expect(JSON.parse(await readFile(join(out, 'sweep.json'), 'utf8'))).toMatchObject({ failed: 2 });
  });

  it('rejects an invalid sweep file with the spec errors and exit code 2', async () => {
    const bad = join(tmp, 'bad.yaml');
    await writeFile(bad, `base: ${join(repo, 'scenarios/small-site.yaml')}\nreplications: none\naxes: []\n`);
    const r = await rposim(['sweep', bad, '--out', join(tmp, 'bad-out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/replications: expected a whole number ≥ 1, found "none"/);
    expect(r.stderr).toMatch(/axes: expected at least one axis/);
  });
});

describe('rposim sweep --resume', () => {
  let reference: Record<string, string>;

  beforeAll(async () => {
    const r = await rposim(['sweep', fixture('long.yaml'), '--out', join(tmp, 'long-ref'), '--workers', '2']);
    expect(r.code, r.stderr).toBe(0);
    reference = await finalFiles(join(tmp, 'long-ref'));
  });

  it('after kill -9 computes only what is missing and writes the same files', async () => {
    const out = join(tmp, 'long-killed');
    const { child, done } = start(['sweep', fixture('long.yaml'), '--out', out, '--workers', '2']);
    await waitForRuns(out, 30);
    child.kill('SIGKILL');
    const killed = await done;
    expect(killed.signal).toBe('SIGKILL');
    const before = await runFileCount(out);
    expect(before).toBeLessThan(320);

    const r = await rposim(['sweep', fixture('long.yaml'), '--out', out, '--workers', '2', '--resume']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`(${before} already there)`);
    expect(await finalFiles(out)).toEqual(reference);
  });

  it('on SIGTERM stops, says how to resume, and exits non-zero', async () => {
    const out = join(tmp, 'long-term');
    const { child, done } = start(['sweep', fixture('long.yaml'), '--out', out, '--workers', '1']);
    await waitForRuns(out, 20);
    child.kill('SIGTERM');
    const stopped = await done;
    expect(stopped.code).toBe(143);
    expect(stopped.stderr).toMatch(/Resume with: rposim sweep .* --resume/);
    expect(await runFileCount(out)).toBeLessThan(320);

    const r = await rposim(['sweep', fixture('long.yaml'), '--out', out, '--workers', '2', '--resume']);
    expect(r.code, r.stderr).toBe(0);
    expect(await finalFiles(out)).toEqual(reference);
  });
});
