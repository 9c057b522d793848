// A sweep's folder on disk. Each finished run is its own small JSON file, written to a temporary name and
// renamed into place: a rename is atomic, so after Ctrl-C, SIGTERM or kill -9 a run file is either whole or
// absent, and resuming is a directory listing. (A journal would need checksums and torn-line repair; files
// also let shards on a shared volume write into one folder, and merge is a copy.) The final files are
// assembled from the run files in run order, so any worker count or shard layout gives the same bytes.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile, open } from 'node:fs/promises';
import { join } from 'node:path';
import type { AxisValue, SweepLayout } from '../sweep/design.js';
import { failureOf, sweepJson, type FailureInfo, type SweepManifest } from '../sweep/manifest.js';
import type { RunRecord } from '../sweep/runRecord.js';
import { summarizePoint } from '../sweep/summary.js';
import { runsCsvHeader, runsCsvLines, summaryCsvHeader, summaryCsvLines } from '../sweep/tables.js';

export class SweepStoreError extends Error {
  override name = 'SweepStoreError';
}

const RUNS = 'runs';
const MANIFEST = 'manifest.json';
const runFile = (index: number) => `${String(index).padStart(8, '0')}.json`;
const RUN_FILE = /^(\d{8,})\.json$/;

export const runsDir = (out: string) => join(out, RUNS);

/** Write-then-rename, so readers (and a later resume) never see half a file. */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  await writeFile(tmp, content);
  await rename(tmp, path);
}

/** What every folder of runs (a sweep's, a comparison's) says about itself: runs are only mixed under the same three. */
export interface RunsManifest {
  format: string;
  version: string;
  specHash: string;
}

export async function readManifest<M extends RunsManifest = SweepManifest>(out: string): Promise<M | null> {
  try {
    return JSON.parse(await readFile(join(runsDir(out), MANIFEST), 'utf8')) as M;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new SweepStoreError(`${join(runsDir(out), MANIFEST)}: unreadable (${(error as Error).message})`);
  }
}

/** Why runs of `found` cannot be mixed with runs of `expected`, or null when they can. */
export function manifestMismatch(expected: RunsManifest, found: RunsManifest, where: string): string | null {
  if (found.format !== expected.format) return `${where} holds runs in format ${found.format}, not ${expected.format}`;
  if (found.version !== expected.version) return `${where} holds runs of rposim ${found.version}, not ${expected.version}; results of different versions cannot be mixed`;
  const kind = expected.format === found.format && found.format.startsWith('rposim-compare') ? 'comparison' : 'sweep';
  if (found.specHash !== expected.specHash) return `${where} holds runs of a different ${kind} (spec hash ${found.specHash.slice(0, 12)}…, expected ${expected.specHash.slice(0, 12)}…): the ${kind === 'sweep' ? 'sweep' : 'compare'} file, base scenario or traces changed`;
  return null;
}

/**
 * Prepares <out>/runs for this sweep. Run files under the same manifest are reused: a run is a pure function
 * of (spec hash, version, index), so an existing file is exactly what recomputing would write.
 */
export async function openSweepDir(out: string, manifest: RunsManifest): Promise<void> {
  await mkdir(runsDir(out), { recursive: true });
  const existing = await readManifest(out);
  if (existing) {
    const problem = manifestMismatch(manifest, existing, out);
    if (problem) throw new SweepStoreError(`${problem}. Choose another --out or delete the folder.`);
  } else {
    await writeFileAtomic(join(runsDir(out), MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  }
}

/**
 * Temporary files of processes killed mid-write. Only removed once every run is present: before that, a
 * shard sharing this folder may be writing one right now.
 */
export async function removeStaleTemporaries(out: string): Promise<void> {
  for (const name of await readdir(runsDir(out))) if (name.includes('.tmp-')) await rm(join(runsDir(out), name), { force: true });
}

export async function completedRuns(out: string): Promise<Set<number>> {
  const done = new Set<number>();
  for (const name of await readdir(runsDir(out)).catch(() => [] as string[])) {
    const m = RUN_FILE.exec(name);
    if (m) done.add(Number(m[1]));
  }
  return done;
}

export const writeRunRecord = (out: string, record: { index: number }) =>
  writeFileAtomic(join(runsDir(out), runFile(record.index)), `${JSON.stringify(record)}\n`);

export const runRecordPath = (out: string, index: number) => join(runsDir(out), runFile(index));

export async function readRunRecord<R = RunRecord>(out: string, index: number): Promise<R> {
  return JSON.parse(await readFile(runRecordPath(out, index), 'utf8')) as R;
}

export const SWEEP_FILES = ['runs.csv', 'summary.csv', 'sweep.json'] as const;

/**
 * Writes runs.csv, summary.csv and sweep.json from the run files in `sources` (the sweep's own folder, or
 * shard folders for merge; `locate` says where run i is). Streams one point at a time so memory stays flat
 * for large sweeps. Returns the failed runs.
 */
export async function assembleSweep(
  out: string,
  layout: SweepLayout,
  manifest: SweepManifest,
  locate: (index: number) => string = (index) => runRecordPath(out, index),
): Promise<FailureInfo[]> {
  // Random suffix: shards on several machines sharing the folder may assemble at once (with equal pids).
  const suffix = `tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const runsTmp = join(out, `runs.csv.${suffix}`);
  const summaryTmp = join(out, `summary.csv.${suffix}`);
  const runsCsv = await open(runsTmp, 'w');
  const summaryCsv = await open(summaryTmp, 'w');
  const failures: FailureInfo[] = [];
  try {
    await runsCsv.write(runsCsvHeader(layout.spec));
    await summaryCsv.write(summaryCsvHeader(layout.spec));
    const replications = layout.spec.replications;
    for (let point = 0; point < layout.points.length; point++) {
      const values: AxisValue[] = layout.points[point]!;
      const records: RunRecord[] = [];
      for (let k = 0; k < replications; k++) {
        const record = JSON.parse(await readFile(locate(point * replications + k), 'utf8')) as RunRecord;
        records.push(record);
        if (record.status === 'failed') failures.push(failureOf(record));
      }
      await runsCsv.write(records.map((r) => runsCsvLines(r, values)).join(''));
      await summaryCsv.write(summaryCsvLines(summarizePoint(point, records), values));
    }
  } finally {
    await runsCsv.close();
    await summaryCsv.close();
  }
  await rename(runsTmp, join(out, 'runs.csv'));
  await rename(summaryTmp, join(out, 'summary.csv'));
  await writeFileAtomic(join(out, 'sweep.json'), sweepJson(manifest, layout, failures));
  await removeStaleTemporaries(out);
  return failures;
}

export async function copyRunRecord(fromOut: string, toOut: string, index: number): Promise<void> {
  await writeFileAtomic(runRecordPath(toOut, index), await readFile(runRecordPath(fromOut, index), 'utf8'));
}
