// End to end: real `rposim sweep` / `rposim merge` processes from dist/ (npm test builds first).
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { temporaryPath } from '../../src/io/temporaries.js';
import { deadProcessTemporary } from '../helpers/deadPid.js';
import { stackLines, startRposim } from './runRposim.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (name: string) => join(repo, 'test/sweep/fixtures', name);
const FINAL_FILES = ['runs.csv', 'summary.csv', 'sweep.json'];
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'rposim-sweep-cli-'));
});

const start = startRposim;
const rposim = (args: string[], env?: Record<string, string>) => start(args, env).done;

async function finalFiles(dir: string): Promise<Record<string, string>> {
  return Object.fromEntries(await Promise.all(FINAL_FILES.map(async (f) => [f, await readFile(join(dir, f), 'utf8')])));
}

/** Temporary files in a sweep folder and its runs/ (there should be none once rposim has ended). */
async function temporaries(dir: string): Promise<string[]> {
  const names = [...(await readdir(dir)), ...(await readdir(join(dir, 'runs')).catch(() => [] as string[]))];
  return names.filter((n) => n.includes('.tmp-'));
}

/** NODE_OPTIONS that make the sweep worker handed run `index` abort, as a V8 fatal error would (fixtures/abortOnRun.mjs). */
const abortOnRun = (index: number) => ({ NODE_OPTIONS: `--import ${fixture('abortOnRun.mjs')}`, RPOSIM_TEST_ABORT_RUN: String(index) });

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

  it('merge names a run file that was cut short or edited after it was written (exit 2)', async () => {
    const dirs = [0, 1, 2].map((i) => join(tmp, `damaged-${i}`));
    for (const [i, dir] of dirs.entries()) await cp(join(tmp, `shard-${i}`), dir, { recursive: true });
    const file = join(dirs[1]!, 'runs', '00000004.json');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.slice(0, 100));
    const cut = await rposim(['merge', ...dirs, '--out', join(tmp, 'merged-cut')]);
    expect(cut.code).toBe(2);
    expect(cut.stderr).toContain(`rposim merge: ${file}: not a whole run file`);

    await writeFile(file, text.replace(/"seed":(\d+)/, (_, seed) => `"seed":${Number(seed) + 1}`));
    const edited = await rposim(['merge', ...dirs, '--out', join(tmp, 'merged-edited')]);
    expect(edited.code).toBe(2);
    expect(edited.stderr).toContain(`rposim merge: ${file}: changed after rposim wrote it (its checksum does not match)`);
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

  it('records a run that aborts its worker process as failed, goes on, keeps it on --resume and recomputes it with --retry-failed', async () => {
    const out = join(tmp, 'aborting');
    const r = await rposim(['sweep', fixture('grid.yaml'), '--out', out, '--workers', '2'], abortOnRun(5));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('1 run(s) failed:\n  run 5 (point 1, replication 1, seed 2): the run ended its worker process (killed by SIGABRT)');
    expect(r.stderr).not.toMatch(/Native stack trace|^ *\d+: 0x/m);
    const rows = (await readFile(join(out, 'runs.csv'), 'utf8')).trim().split('\n').slice(1);
    expect(rows.filter((l) => l.includes(',failed,'))).toEqual(['20 Mbps,4h,1,1,2,,,,,,,,,,,,,,failed,the run ended its worker process (killed by SIGABRT)']);
    expect(new Set(rows.filter((l) => l.endsWith(',ok,')).map((l) => l.split(',').slice(2, 4).join('/'))).size).toBe(23);

    const resumed = await rposim(['sweep', fixture('grid.yaml'), '--out', out, '--workers', '2', '--resume']);
    expect(resumed.code).toBe(1);
    expect(resumed.stderr).toContain('(24 already there)');
    expect(resumed.stderr).toContain(`--retry-failed`);

    const retried = await rposim(['sweep', fixture('grid.yaml'), '--out', out, '--workers', '2', '--retry-failed']);
    expect(retried.code, retried.stderr).toBe(0);
    expect(retried.stderr).toContain('(23 already there)');
    expect(await finalFiles(out)).toEqual(reference);
  });

  it('two sweeps into one folder at the same time both finish, with the files of one', async () => {
    const out = join(tmp, 'twice');
    const both = await Promise.all([1, 2].map(() => rposim(['sweep', fixture('grid.yaml'), '--out', out, '--workers', '1'])));
    for (const r of both) expect(r.code, r.stderr).toBe(0);
    expect(await finalFiles(out)).toEqual(reference);
    expect(await temporaries(out)).toEqual([]);
  });

  it('--resume removes the temporaries of killed processes and leaves those of live ones', async () => {
    const out = join(tmp, 'leftovers');
    await cp(join(tmp, 'grid-ref'), out, { recursive: true });
    const dead = [deadProcessTemporary(join(out, 'runs.csv')), deadProcessTemporary(join(out, 'summary.csv')), deadProcessTemporary(join(out, 'runs', '00000003.json'))];
    // This test's own process is alive: as if another sweep were writing this run right now.
    const live = temporaryPath(join(out, 'runs', '00000004.json'));
    for (const path of [...dead, live]) await writeFile(path, 'half written');
    const r = await rposim(['sweep', fixture('grid.yaml'), '--out', out, '--workers', '1', '--resume']);
    expect(r.code, r.stderr).toBe(0);
    expect(await temporaries(out)).toEqual([live.split('/').at(-1)]);
    expect(await finalFiles(out)).toEqual(reference);
  });

  it('refuses an --out folder it did not write (exit 2, named), and leaves it alone', async () => {
    const important = join(tmp, 'important');
    await mkdir(join(important, 'sub'), { recursive: true });
    await writeFile(join(important, 'sub', 'thesis.tex'), 'years of work');
    const r = await rposim(['sweep', fixture('grid.yaml'), '--out', important, '--workers', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`rposim sweep: ${important} exists and was not written by rposim`);
    expect(await readdir(important)).toEqual(['sub']);
  });

  it('exits 1 and names the path when the output folder cannot be written (an I/O failure, not bad input)', async () => {
    const blocker = join(tmp, 'a-file');
    await writeFile(blocker, 'not a folder');
    const r = await rposim(['sweep', fixture('grid.yaml'), '--out', join(blocker, 'out'), '--workers', '1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^rposim sweep: ENOTDIR: .*${blocker}/out`, 'm'));
    expect(stackLines(r.stderr)).toEqual([]);
    const merged = await rposim(['merge', join(tmp, 'grid-ref'), '--out', join(blocker, 'merged')]);
    expect(merged.code).toBe(1);
    expect(merged.stderr).toContain(`${blocker}/merged`);
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
    // Each of the 2 workers outlives the killed sweep by the run it had in hand, which it finishes and writes.
    const kept = Number(/\((\d+) already there\)/.exec(r.stderr)?.[1]);
    expect(kept).toBeGreaterThanOrEqual(before);
    expect(kept).toBeLessThanOrEqual(before + 2);
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
    expect(await temporaries(out)).toEqual([]);

    const r = await rposim(['sweep', fixture('long.yaml'), '--out', out, '--workers', '2', '--resume']);
    expect(r.code, r.stderr).toBe(0);
    expect(await finalFiles(out)).toEqual(reference);
  });
});
