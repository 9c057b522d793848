// Writes an import's scenario and traces. Nothing existing is replaced without force, and even with force a
// traces folder only if an import wrote it (its .rposim marker); the traces folder is filled all at once
// (writeFolderAtomically) and the scenario renamed into place last, so a failed import leaves earlier files as
// they were. Traces are written in chunks, never built as one string.
import { createWriteStream } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { TRACE_HEADER } from '../readChurnTrace.js';
import { writeFileAtomic } from '../writeFileAtomic.js';
import { writeFolderAtomically } from '../writeFolderAtomically.js';
import type { RegularSeries } from './churnFigures.js';
import type { ImportPlan } from './importPlan.js';

const ROWS_PER_CHUNK = 8192;

export class ImportTargetExists extends Error {
  override name = 'ImportTargetExists';
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** A trace CSV: one row per interval from time 0, bytes as exact as the numbers allow. */
async function writeTrace(path: string, { intervalSec, bytes }: RegularSeries): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const out = createWriteStream(path);
  out.write(`${TRACE_HEADER}\n`);
  for (let from = 0; from < bytes.length; from += ROWS_PER_CHUNK) {
    let chunk = '';
    for (let k = from; k < Math.min(bytes.length, from + ROWS_PER_CHUNK); k++) chunk += `${k * intervalSec},${bytes[k]}\n`;
    // once() rejects if the stream fails meanwhile.
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await finished(out);
}

export async function writeImport(plan: ImportPlan, yaml: string, scenario: string, force: boolean): Promise<void> {
  const traceFolder = plan.traces.length > 0 ? resolve(dirname(scenario), plan.options.traceFolder) : null;
  if (!force) {
    const taken = [scenario, ...(traceFolder ? [traceFolder] : [])];
    const existing = (await Promise.all(taken.map(async (p) => ((await exists(p)) ? [p] : [])))).flat();
    if (existing.length > 0) throw new ImportTargetExists(`${existing.join(' and ')} already exist${existing.length === 1 ? 's' : ''} (--force replaces)`);
  }
  if (traceFolder) {
    const prefix = `${plan.options.traceFolder}/`;
    await writeFolderAtomically(traceFolder, { kind: 'traces' }, async (folder) => {
      for (const trace of plan.traces) await writeTrace(join(folder, trace.path.slice(prefix.length)), trace.series);
    });
  }
  await mkdir(dirname(resolve(scenario)), { recursive: true });
  writeFileAtomic(scenario, yaml);
}
