// A sweep's folder on disk. Each finished run is its own small file, written to a temporary name and renamed
// into place: a rename is atomic, so after Ctrl-C, SIGTERM or kill -9 a run file is either whole or absent, and
// resuming is a directory listing. (A journal would need torn-line repair; files also let shards on a shared
// volume write into one folder, and merge is a copy.) Run files carry a checksum (runFile.ts). The final files
// are assembled from the run files in run order, so any worker count or shard layout gives the same bytes.
// Temporaries are created, renamed and removed with synchronous calls: a signal handler removing them then never
// races a call still under way.
import { closeSync, linkSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AxisValue, SweepLayout } from '../sweep/design.js';
import { failureOf, sweepJson, type FailureInfo, type SweepManifest } from '../sweep/manifest.js';
import type { RunRecord } from '../sweep/runRecord.js';
import { summarizePoint } from '../sweep/summary.js';
import { runsCsvHeader, runsCsvLines, summaryCsvHeader, summaryCsvLines } from '../sweep/tables.js';
import { makeFolder } from './makeFolder.js';
import { withPath } from './pathInError.js';
import { checkOutputFolder, MARKER_FILE, markerText } from './outputFolder.js';
import { parseRunFile, readRunFile, readRunRecord, runRecordPath, runsDir, SweepStoreError } from './runFile.js';
import { holdTemporary, removeStaleTemporaries, temporaryPath } from './temporaries.js';
import { writeFileAtomic } from './writeFileAtomic.js';

const MANIFEST = 'manifest.json';
const RUN_FILE = /^(\d{8,})\.json$/;

/** What every folder of runs (a sweep's, a comparison's) says about itself: runs are only mixed under the same three. */
export interface RunsManifest {
  format: string;
  version: string;
  specHash: string;
}

export async function readManifest<M extends RunsManifest = SweepManifest>(out: string): Promise<M | null> {
  const path = join(runsDir(out), MANIFEST);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return JSON.parse(text) as M;
  } catch (error) {
    throw new SweepStoreError(`${path}: not a manifest of runs (${(error as Error).message})`);
  }
}

/** Why runs of `found` cannot be mixed with runs of `expected`, or null when they can. */
export function manifestMismatch(expected: RunsManifest, found: RunsManifest, where: string): string | null {
  if (found.format !== expected.format) return `${where} holds runs in format ${found.format}, not ${expected.format}`;
  if (found.version !== expected.version) return `${where} holds runs of rposim ${found.version}, not ${expected.version}; results of different versions cannot be mixed`;
  const [kind, file] = found.format.startsWith('rposim-compare') ? ['comparison', 'compare'] : ['sweep', 'sweep'];
  if (found.specHash !== expected.specHash) return `${where} holds runs of a different ${kind} (spec hash ${found.specHash.slice(0, 12)}…, expected ${expected.specHash.slice(0, 12)}…): the ${file} file, base scenario or traces changed`;
  return null;
}

/**
 * Prepares <out>/runs for this sweep (or comparison: `kind`). `out` must be new, empty or a folder of that kind
 * rposim wrote (outputFolder.ts).
 * Run files under the same manifest are reused: a run is a pure function of (spec hash, version, index), so an
 * existing file is exactly what recomputing would write. Temporaries of processes that are gone are removed.
 */
export async function openSweepDir(out: string, manifest: RunsManifest, kind: 'sweep' | 'compare' = 'sweep'): Promise<void> {
  await checkOutputFolder(out, { kind });
  // The marker first: another sweep starting into this folder then finds it empty, being marked, or marked.
  await makeFolder(out);
  writeFileAtomic(join(out, MARKER_FILE), markerText({ kind }));
  await makeFolder(runsDir(out));
  await removeStaleTemporaries(out);
  await removeStaleTemporaries(runsDir(out));
  // Created with link(), which fails if the name exists: of two sweeps starting into one folder, one writes the
  // manifest and the other reads it, so different sweeps can never both believe the folder is theirs.
  const path = join(runsDir(out), MANIFEST);
  const tmp = temporaryPath(path);
  const release = holdTemporary(tmp);
  try {
    writeFileSync(tmp, `${JSON.stringify(manifest, null, 2)}\n`);
    linkSync(tmp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const problem = manifestMismatch(manifest, (await readManifest(out))!, out);
    if (problem) throw new SweepStoreError(`${problem}. Choose another --out or delete the folder.`);
  } finally {
    rmSync(tmp, { force: true });
    release();
  }
}

export async function completedRuns(out: string): Promise<Set<number>> {
  const done = new Set<number>();
  for (const name of await readdir(runsDir(out)).catch(() => [] as string[])) {
    const m = RUN_FILE.exec(name);
    if (m) done.add(Number(m[1]));
  }
  return done;
}

/** Indices of the runs in `out` recorded as failed (read from their files). */
export async function failedRuns(out: string): Promise<Set<number>> {
  const failed = new Set<number>();
  for (const index of await completedRuns(out)) if ((await readRunRecord(out, index)).status === 'failed') failed.add(index);
  return failed;
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
  const runsTmp = temporaryPath(join(out, 'runs.csv'));
  const summaryTmp = temporaryPath(join(out, 'summary.csv'));
  const releases = [holdTemporary(runsTmp), holdTemporary(summaryTmp)];
  const failures: FailureInfo[] = [];
  try {
    const runsCsv = openSync(runsTmp, 'w');
    const summaryCsv = openSync(summaryTmp, 'w');
    try {
      writeFileSync(runsCsv, runsCsvHeader(layout.spec));
      writeFileSync(summaryCsv, summaryCsvHeader(layout.spec));
      const replications = layout.spec.replications;
      for (let point = 0; point < layout.points.length; point++) {
        const values: AxisValue[] = layout.points[point]!;
        const records: RunRecord[] = [];
        for (let k = 0; k < replications; k++) {
          const record = await readRunFile(locate(point * replications + k));
          records.push(record);
          if (record.status === 'failed') failures.push(failureOf(record));
        }
        writeFileSync(runsCsv, records.map((r) => runsCsvLines(r, values)).join(''));
        writeFileSync(summaryCsv, summaryCsvLines(summarizePoint(point, records), values));
      }
    } finally {
      closeSync(runsCsv);
      closeSync(summaryCsv);
    }
    renameSync(runsTmp, join(out, 'runs.csv'));
    renameSync(summaryTmp, join(out, 'summary.csv'));
  } catch (error) {
    throw withPath(error, out);
  } finally {
    rmSync(runsTmp, { force: true });
    rmSync(summaryTmp, { force: true });
    for (const release of releases) release();
  }
  writeFileAtomic(join(out, 'sweep.json'), sweepJson(manifest, layout, failures));
  return failures;
}

/** Copies a run file from another sweep folder (a shard), checking it first so a damaged file is named where it is. */
export async function copyRunRecord(fromOut: string, toOut: string, index: number): Promise<void> {
  const from = runRecordPath(fromOut, index);
  const text = await readFile(from, 'utf8');
  parseRunFile(from, text);
  writeFileAtomic(runRecordPath(toOut, index), text);
}
