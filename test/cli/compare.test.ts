// End to end: real `rposim compare` processes from dist/ (npm test builds first).
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempFolder } from '../io/tempFolder.js';
import { ROOT, rposim, stackLines } from './runRposim.js';

const PRODUCTS = 'test/compare/fixtures/products.yaml';
const FILES = ['compare.csv', 'pairs.csv', 'runs.csv', 'compare.json'];

async function files(dir: string): Promise<Record<string, string>> {
  return Object.fromEntries(await Promise.all(FILES.map(async (f) => [f, await readFile(join(dir, f), 'utf8')])));
}

/** NODE_OPTIONS that make the worker process handed run `index` abort, as a V8 fatal error would. */
const abortOnRun = (index: number) => ({ NODE_OPTIONS: `--import ${join(ROOT, 'test/sweep/fixtures/abortOnRun.mjs')}`, RPOSIM_TEST_ABORT_RUN: String(index) });

const runFiles = async (dir: string) => (await readdir(join(dir, 'runs')).catch(() => [] as string[])).filter((n) => /^\d+\.json$/.test(n)).length;

describe('rposim compare', () => {
  let tmp: string;
  let reference: Record<string, string>;
  let referenceRun: ReturnType<typeof rposim>;

  beforeAll(async () => {
    tmp = await tempFolder();
    referenceRun = rposim(['compare', PRODUCTS, '--out', join(tmp, 'ref'), '--replications', '3', '--workers', '2']);
    expect(referenceRun.code, referenceRun.stderr).toBe(0);
    reference = await files(join(tmp, 'ref'));
  });

  it('prints the strategies ranked by the objective, with the paired difference from the baseline', () => {
    expect(referenceRun.stdout).toMatch(/^Compare test\/compare\/fixtures\/products\.yaml · 3 strategies · 3 replications on common random numbers · baseline asr/);
    expect(referenceRun.stdout).toMatch(/Ranked by cost_per_year \(lower is better\)/);
    expect(referenceRun.stdout).toMatch(/\(baseline\)/);
    expect(referenceRun.stdout).toMatch(/Ransomware dwell: probability that a clean point exists/);
    const compareCsv = reference['compare.csv']!.split('\n');
    expect(compareCsv[0]).toBe('strategy,metric,choice,unit,better,replications,mean,ci95_low,ci95_high,p95,max,p95_max_over');
    expect(reference['pairs.csv']!.split('\n')[0]).toBe(
      'strategy,baseline,metric,choice,unit,pairs,strategy_mean,baseline_mean,difference,ci95_low,ci95_high,unpaired_ci95_low,unpaired_ci95_high,significant,better,precision_met',
    );
    // Two strategies against the baseline, none against itself.
    expect(new Set(reference['pairs.csv']!.trim().split('\n').slice(1).map((l) => l.split(',')[0]))).toEqual(new Set(['zerto', 'aws-drs']));
  });

  it('marks its folder as a comparison', async () => {
    expect(JSON.parse(await readFile(join(tmp, 'ref', '.rposim'), 'utf8'))).toEqual({ writtenBy: 'rposim', kind: 'compare' });
  });

  it('writes the same bytes with one worker, and when more replications resume from fewer', async () => {
    expect(rposim(['compare', PRODUCTS, '--out', join(tmp, 'inline'), '--replications', '3', '--workers', '1']).code).toBe(0);
    expect(await files(join(tmp, 'inline'))).toEqual(reference);
    expect(rposim(['compare', PRODUCTS, '--out', join(tmp, 'grown'), '--replications', '2', '--workers', '1']).code).toBe(0);
    const grown = rposim(['compare', PRODUCTS, '--out', join(tmp, 'grown'), '--replications', '3', '--workers', '1', '--resume']);
    expect(grown.code, grown.stderr).toBe(0);
    expect(grown.stderr).toMatch(/Compare: 3 replications × 3 strategies in [\d.]+ s \(6 runs already there\)/);
    expect(await files(join(tmp, 'grown'))).toEqual(reference);
  });

  it('stops on Ctrl-C after the runs in flight, says how to resume, and resumes to the same files', async () => {
    const out = join(tmp, 'interrupted');
    const child = spawn(process.execPath, [join(ROOT, 'dist/bin/rposim.js'), 'compare', PRODUCTS, '--out', out, '--replications', '3', '--workers', '1'], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.resume();
    const closed = new Promise<number | null>((done) => child.on('close', done));
    while ((await runFiles(out)) < 2) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGINT');
    expect(await closed).toBe(130);
    expect(stderr).toMatch(/Resume with: rposim compare test\/compare\/fixtures\/products\.yaml --out .* --replications 3 --resume/);
    const kept = await runFiles(out);
    expect(kept).toBeLessThan(9);
    const resumed = rposim(['compare', PRODUCTS, '--out', out, '--replications', '3', '--workers', '1', '--resume']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`(${kept} runs already there)`);
    expect(await files(out)).toEqual(reference);
  });

  it('rejects a bad compare file with exit 2, file, line and field, and no stack trace', () => {
    const r = rposim(['compare', 'test/compare/fixtures/bad-baseline.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('test/compare/fixtures/bad-baseline.yaml:3:11: baseline: expected the name of a strategy (asr, zerto), found "azure"\n');
    expect(stackLines(r.stderr)).toEqual([]);
  });

  it('rejects bad options with exit 2', () => {
    expect(rposim(['compare', PRODUCTS, '--precision', '150%'])).toMatchObject({ code: 2, stderr: 'rposim compare: --precision: expected a fraction above 0 and below 1, such as 5% or 0.05, found 150%\n' });
    expect(rposim(['compare', PRODUCTS, '--replications', '1'])).toMatchObject({ code: 2, stderr: 'rposim compare: --replications: expected a whole number ≥ 2, found 1\n' });
    expect(rposim(['compare', PRODUCTS, '--replications', '3', '--precision', '5%']).code).toBe(2);
  });

  it('records a run that aborts its worker process as failed, goes on, and recomputes it with --retry-failed', async () => {
    const out = join(tmp, 'aborting');
    const r = rposim(['compare', PRODUCTS, '--out', out, '--replications', '3', '--workers', '2'], abortOnRun(4));
    expect(r.code).toBe(1);
    // Run 4 is strategy 1 (zerto) at replication 1.
    expect(r.stderr).toMatch(/1 run\(s\) failed:\n  run 4 \(strategy zerto, replication 1, seed \d+\): the run ended its worker process \(killed by SIGABRT\)/);
    const { failures } = JSON.parse(await readFile(join(out, 'compare.json'), 'utf8'));
    expect(failures).toEqual([{ run: 4, strategy: 'zerto', replication: 1, seed: expect.any(Number), error: 'the run ended its worker process (killed by SIGABRT)' }]);
    expect((await readFile(join(out, 'runs.csv'), 'utf8')).split('\n').filter((l) => l.includes(',failed,'))).toEqual([
      expect.stringMatching(/^zerto,1,\d+,,,,,,failed,the run ended its worker process \(killed by SIGABRT\)$/),
    ]);
    const retried = rposim(['compare', PRODUCTS, '--out', out, '--replications', '3', '--workers', '2', '--retry-failed']);
    expect(retried.code, retried.stderr).toBe(0);
    expect(retried.stderr).toContain('(8 runs already there)');
    expect(await files(out)).toEqual(reference);
  });

  it('refuses a scenario or a sweep spec given as the compare file, naming the command that reads it', () => {
    const r = rposim(['compare', 'scenarios/small-site.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('scenarios/small-site.yaml: (top level): expected a compare spec, found a scenario (this is a scenario; use rposim run scenarios/small-site.yaml or rposim validate scenarios/small-site.yaml)\n');
    const sweep = rposim(['compare', 'scenarios/sweeps/app-consistent-frequency.yaml']);
    expect(sweep.code).toBe(2);
    expect(sweep.stderr).toContain('expected a compare spec, found a sweep spec (this is a sweep spec; use rposim sweep scenarios/sweeps/app-consistent-frequency.yaml)');
    // And the other way round: a compare spec given to run or sweep.
    expect(rposim(['sweep', 'scenarios/compare/compare.yaml']).stderr).toContain('found a compare spec (this is a compare spec; use rposim compare scenarios/compare/compare.yaml)');
  });

  it('refuses a folder rposim did not write, and leaves it alone', async () => {
    const out = join(tmp, 'thesis');
    await mkdir(out);
    await writeFile(join(out, 'chapter1.tex'), 'text');
    const r = rposim(['compare', PRODUCTS, '--out', out, '--replications', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`rposim compare: ${out} exists and was not written by rposim`);
    expect(await readdir(out)).toEqual(['chapter1.tex']);
  });

  it('refuses a folder holding runs of another comparison, and leaves it alone', async () => {
    const r = rposim(['compare', 'test/compare/fixtures/identical.yaml', '--out', join(tmp, 'ref'), '--workers', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/holds runs of a different comparison .*: the compare file, base scenario or traces changed/);
    expect(await files(join(tmp, 'ref'))).toEqual(reference);
  });
});
