import { mkdir, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { MARKER_FILE, markerText, outputFolderProblem } from '../../src/io/outputFolder.js';
import { temporaryPath } from '../../src/io/temporaries.js';
import { tempFolder } from './tempFolder.js';

const run = { kind: 'run', name: 'small-site' } as const;

test('outputFolderProblem(out) accepts a folder that does not exist, and an empty one', async () => {
  const parent = await tempFolder();
  expect(await outputFolderProblem(join(parent, 'new'), run)).toBeNull();
  await mkdir(join(parent, 'empty'));
  expect(await outputFolderProblem(join(parent, 'empty'), run)).toBeNull();
});

test('outputFolderProblem(out) accepts a folder whose only entry is a marker being written (two sweeps started at once)', async () => {
  const out = join(await tempFolder(), 'starting');
  await mkdir(out);
  await writeFile(temporaryPath(join(out, MARKER_FILE)), markerText({ kind: 'sweep' }));
  expect(await outputFolderProblem(out, { kind: 'sweep' })).toBeNull();
  // Anything else beside it is not rposim's doing.
  await writeFile(temporaryPath(join(out, 'notes.txt')), 'x');
  expect(await outputFolderProblem(out, { kind: 'sweep' })).toMatch(/not written by rposim/);
});

test('outputFolderProblem(out) refuses a folder rposim did not write, naming it', async () => {
  const important = join(await tempFolder(), 'important');
  await mkdir(join(important, 'sub'), { recursive: true });
  await writeFile(join(important, 'sub', 'thesis.tex'), '\\documentclass{article}');
  expect(await outputFolderProblem(important, run)).toMatch(new RegExp(`^${important} exists and was not written by rposim`));
  expect(await outputFolderProblem(important, { kind: 'sweep' })).toMatch(/not written by rposim/);
});

test('outputFolderProblem(out) accepts its own kind of folder and refuses another kind', async () => {
  const out = join(await tempFolder(), 'out');
  await mkdir(out);
  await writeFile(join(out, MARKER_FILE), markerText({ kind: 'sweep' }));
  await writeFile(join(out, 'runs.csv'), 'x');
  expect(await outputFolderProblem(out, { kind: 'sweep' })).toBeNull();
  expect(await outputFolderProblem(out, run)).toMatch(/holds a sweep written by rposim, not a run/);
});

test('outputFolderProblem(out, marker, { sameNameOnly }) refuses another scenario\'s results', async () => {
  const out = join(await tempFolder(), 'a-b');
  await mkdir(out);
  await writeFile(join(out, MARKER_FILE), markerText({ kind: 'run', name: 'a-b' }));
  expect(await outputFolderProblem(out, { kind: 'run', name: 'a/b' })).toBeNull();
  expect(await outputFolderProblem(out, { kind: 'run', name: 'a-b' }, { sameNameOnly: true })).toBeNull();
  expect(await outputFolderProblem(out, { kind: 'run', name: 'a/b' }, { sameNameOnly: true })).toMatch(
    /holds the results of scenario "a-b", and scenario "a\/b" maps to the same folder name/,
  );
});

test('outputFolderProblem(out) accepts a run folder written before the marker existed, only with rposim\'s file names', async () => {
  const out = join(await tempFolder(), 'old-run');
  await mkdir(out);
  await writeFile(join(out, 'summary.json'), '{}');
  await writeFile(join(out, 'failovers.csv'), 'vm\n');
  expect(await outputFolderProblem(out, run)).toBeNull();
  await writeFile(join(out, 'notes.txt'), 'mine');
  expect(await outputFolderProblem(out, run)).toMatch(/not written by rposim/);
});

test('outputFolderProblem(out) refuses the current folder, any folder above it, the home folder and the root', async () => {
  expect(await outputFolderProblem('.', run)).toBe('. is the current folder');
  expect(await outputFolderProblem('..', run)).toBe('.. contains the current folder');
  expect(await outputFolderProblem(homedir(), run)).toBe(`${homedir()} is your home folder`);
  expect(await outputFolderProblem('/', run)).toBe('/ is the root folder');
});

test('outputFolderProblem(out) refuses a file', async () => {
  const file = join(await tempFolder(), 'file');
  await writeFile(file, 'x');
  expect(await outputFolderProblem(file, run)).toBe(`${file} exists and is not a folder`);
});
