// One run's file in a sweep (or comparison) folder, `runs/NNNNNNNN.json`: the record's JSON on one line, then
// `sha256 <hex of that line>`. A file cut short or edited after rposim wrote it is refused by name instead of
// being read. Sweep workers load this module alone, not the assembly code beside it.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunRecord } from '../sweep/runRecord.js';
import { InputError } from './inputError.js';
import { writeFileAtomic } from './writeFileAtomic.js';

/** What the user gave is not a usable sweep folder (foreign runs, missing runs, damaged run files). */
export class SweepStoreError extends InputError {
  override name = 'SweepStoreError';
}

export const runsDir = (out: string) => join(out, 'runs');

export const runRecordPath = (out: string, index: number) => join(runsDir(out), `${String(index).padStart(8, '0')}.json`);

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** What every run file holds, whatever the batch (a sweep's RunRecord, a comparison's CompareRunRecord). */
export interface StoredRun {
  index: number;
  status: 'ok' | 'failed';
  /** Empty when ok. */
  error: string;
}

const runFileText = (record: StoredRun) => {
  const json = JSON.stringify(record);
  return `${json}\nsha256 ${sha256(json)}\n`;
};

const RUN_FILE_TEXT = /^(.*)\nsha256 ([0-9a-f]{64})\n$/s;

/** The record in a run file's text; SweepStoreError naming `path` when the file is damaged or was edited. */
export function parseRunFile<R extends StoredRun = RunRecord>(path: string, text: string): R {
  const remedy = 'delete it and run the same command again with --resume to recompute it';
  const m = RUN_FILE_TEXT.exec(text);
  if (!m) throw new SweepStoreError(`${path}: not a whole run file (cut short, or not written by this rposim version): ${remedy}`);
  if (sha256(m[1]!) !== m[2]) throw new SweepStoreError(`${path}: changed after rposim wrote it (its checksum does not match): ${remedy}`);
  try {
    return JSON.parse(m[1]!) as R;
  } catch (error) {
    throw new SweepStoreError(`${path}: unreadable run record (${(error as Error).message}): ${remedy}`);
  }
}

export function writeRunRecord(out: string, record: StoredRun): void {
  writeFileAtomic(runRecordPath(out, record.index), runFileText(record));
}

export async function readRunFile<R extends StoredRun = RunRecord>(path: string): Promise<R> {
  return parseRunFile<R>(path, await readFile(path, 'utf8'));
}

export const readRunRecord = <R extends StoredRun = RunRecord>(out: string, index: number) => readRunFile<R>(runRecordPath(out, index));
