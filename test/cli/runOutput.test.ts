// rposim run and its output folder, with real processes: what it refuses to replace, what a signal or a kill
// leaves behind, and what reaches the terminal.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { deadProcessTemporary } from '../helpers/deadPid.js';
import { snapshot } from '../io/tempFolder.js';
import { ROOT, rposim, stackLines, startRposim } from './runRposim.js';

const SMALL_SITE = join(ROOT, 'scenarios/small-site.yaml');
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rposim-run-output-'));
});

/** small-site under another name, with other lines replaced, written to `file`. */
async function scenarioCopy(file: string, name: string, replace: Array<[RegExp, string]> = []): Promise<string> {
  let text = (await readFile(SMALL_SITE, 'utf8')).replace(/^name: small-site$/m, `name: ${JSON.stringify(name)}`);
  for (const [pattern, value] of replace) text = text.replace(pattern, value);
  await writeFile(file, text);
  return file;
}

const temporariesIn = async (dir: string) => (await readdir(dir)).filter((n) => n.includes('.tmp-'));

test('rposim run --out FOLDER refuses a folder it did not write (exit 2, named), and leaves it alone', async () => {
  const important = join(folder, 'important');
  await mkdir(join(important, 'sub'), { recursive: true });
  await writeFile(join(important, 'sub', 'thesis.tex'), 'years of work');
  const { code, stderr } = rposim(['run', SMALL_SITE, '--out', important, '--quiet', '--no-timeseries']);
  expect(code).toBe(2);
  expect(stderr).toContain(`rposim: ${important} exists and was not written by rposim`);
  expect(stackLines(stderr)).toEqual([]);
  expect(await readFile(join(important, 'sub', 'thesis.tex'), 'utf8')).toBe('years of work');
  expect(await temporariesIn(folder)).toEqual([]);
});

test('rposim run --out . refuses the current folder', () => {
  const { code, stderr } = rposim(['run', SMALL_SITE, '--out', '.', '--quiet', '--no-timeseries']);
  expect(code).toBe(2);
  expect(stderr).toContain('rposim: . is the current folder');
});

test('rposim run replaces its own earlier results in --out', async () => {
  const out = join(folder, 'again');
  expect(rposim(['run', SMALL_SITE, '--out', out, '--quiet', '--no-timeseries', '--seed', '1']).code).toBe(0);
  expect(rposim(['run', SMALL_SITE, '--out', out, '--quiet', '--no-timeseries', '--seed', '2']).code).toBe(0);
  expect(JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')).seed).toBe(2);
});

test('rposim run refuses to put scenario "a/b" into results/a-b, where scenario "a-b" has its results', async () => {
  const cwd = await mkdtemp(join(folder, 'names-'));
  const first = await scenarioCopy(join(cwd, 'first.yaml'), 'a-b');
  const second = await scenarioCopy(join(cwd, 'second.yaml'), 'a/b');
  expect(rposim(['run', first, '--quiet', '--no-timeseries'], {}, cwd).code).toBe(0);
  const before = await snapshot(join(cwd, 'results', 'a-b'));
  const { code, stderr } = rposim(['run', second, '--quiet', '--no-timeseries'], {}, cwd);
  expect(code).toBe(2);
  expect(stderr).toContain('results/a-b holds the results of scenario "a-b", and scenario "a/b" maps to the same folder name');
  expect(await snapshot(join(cwd, 'results', 'a-b'))).toEqual(before);
  // With its own --out, it runs.
  expect(rposim(['run', second, '--quiet', '--no-timeseries', '--out', 'results/a-slash-b'], {}, cwd).code).toBe(0);
});

test('rposim run removes the temporary folder a killed run left beside --out', async () => {
  const out = join(folder, 'after-kill');
  const leftover = deadProcessTemporary(out);
  await mkdir(leftover);
  await writeFile(join(leftover, 'summary.json'), '{"half": "written"}');
  expect(rposim(['run', SMALL_SITE, '--out', out, '--quiet', '--no-timeseries']).code).toBe(0);
  expect(existsSync(leftover)).toBe(false);
  expect(await temporariesIn(folder)).toEqual([]);
});

test.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)(
  'rposim run stopped by %s while writing ends by it, with no temporary folder and either the previous or the new results',
  async (signal) => {
    const parent = await mkdtemp(join(folder, 'signal-'));
    const out = join(parent, 'out');
    // A timeseries every 10 s: about 15 MB to write, so the signal can land while the folder is being written.
    const scenario = await scenarioCopy(join(parent, 'big.yaml'), 'big-timeseries', [[/^ {2}sampleInterval: 5m$/m, '  sampleInterval: 10s']]);
    expect(rposim(['run', scenario, '--out', out, '--quiet', '--no-timeseries']).code).toBe(0);
    const before = await snapshot(out);
    const complete = join(parent, 'complete');
    expect(rposim(['run', scenario, '--out', complete, '--quiet']).code).toBe(0);
    const after = await snapshot(complete);

    const { child, done } = startRposim(['run', scenario, '--out', out, '--quiet']);
    let ended = false;
    void done.then(() => (ended = true));
    while (!ended && (await temporariesIn(parent)).length === 0) await new Promise((r) => setTimeout(r, 2));
    expect(ended, 'the run ended before it started writing').toBe(false);
    child.kill(signal);
    const result = await done;
    expect(result.signal).toBe(signal);
    expect(await temporariesIn(parent)).toEqual([]);
    // The tables are written synchronously, so the signal may only be handled once they are in place.
    expect([before, after]).toContainEqual(await snapshot(out));
  },
);

// A scenario or VM name with control characters is refused (names are one line of printable text), but paths
// are the user's to choose: an output folder named with an OSC sequence is printed escaped.
test('rposim run shows control characters in paths escaped, never raw', async () => {
  const scenario = await scenarioCopy(join(folder, 'plain.yaml'), 'plain');
  const out = join(folder, 'evil\x1b]0;pwned\x07\x1b[2J');
  const { code, stdout, stderr } = rposim(['run', scenario, '--out', out, '--no-timeseries']);
  expect(code, stderr).toBe(0);
  expect(stdout).toContain('evil\\x1b]0;pwned\\x07\\x1b[2J');
  expect(stdout + stderr).not.toMatch(/[\x1b\x07]/);
});

test('rposim run refuses a scenario name with control characters, and quotes it escaped', async () => {
  const scenario = await scenarioCopy(join(folder, 'evil.yaml'), 'evil\x1b]0;pwned\x07\x1b[2J');
  const { code, stderr } = rposim(['run', scenario, '--out', join(folder, 'evil-out'), '--no-timeseries']);
  expect(code).toBe(2);
  expect(stderr).toMatch(/evil.yaml:\d+:\d+: name: expected a name without line breaks, tabs or other control characters/);
  expect(stderr).not.toMatch(/[\x1b\x07]/);
});
