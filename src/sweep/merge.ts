// `rposim merge`: shard folders → one folder with exactly the files an unsharded sweep writes.
import { resolve } from 'node:path';
import { SweepStoreError } from '../io/runFile.js';
import { assembleSweep, completedRuns, copyRunRecord, manifestMismatch, openSweepDir, readManifest } from '../io/sweepStore.js';
import { formatIssues } from '../scenario/issues.js';
import { sweepLayout } from './design.js';
import type { FailureInfo } from './manifest.js';
import { parseSweepSpec } from './spec.js';

export interface MergeOutcome {
  out: string;
  runCount: number;
  failures: FailureInfo[];
}

/** Throws SweepStoreError with a message for the user when the shards do not make one whole sweep. */
export async function mergeShards(dirs: string[], out: string): Promise<MergeOutcome> {
  if (dirs.length === 0) throw new SweepStoreError('merge needs at least one shard folder');
  const manifests = [];
  for (const dir of dirs) {
    const manifest = await readManifest(dir);
    if (!manifest) throw new SweepStoreError(`${dir} is not a sweep folder (no runs/manifest.json)`);
    manifests.push(manifest);
  }
  const manifest = manifests[0]!;
  manifests.forEach((m, i) => {
    const problem = manifestMismatch(manifest, m, dirs[i]!);
    if (problem) throw new SweepStoreError(`${problem} (compared with ${dirs[0]})`);
  });

  const source = new Map<number, string>();
  for (const dir of dirs) for (const index of await completedRuns(dir)) if (!source.has(index)) source.set(index, dir);
  const missing = Array.from({ length: manifest.runCount }, (_, i) => i).filter((i) => !source.has(i));
  if (missing.length > 0) {
    const shown = missing.slice(0, 10).join(', ') + (missing.length > 10 ? ', …' : '');
    throw new SweepStoreError(
      `${missing.length} of ${manifest.runCount} runs are missing from the given folders (run ${shown}): a shard is missing or unfinished; finish it with --resume, then merge again`,
    );
  }

  const parsed = parseSweepSpec(manifest.spec, { source: `${dirs[0]}/runs/manifest.json` });
  if (!parsed.ok) throw new SweepStoreError(formatIssues(parsed.errors));
  const layout = sweepLayout(parsed.spec, manifest.spec.seed as number);
  if (layout.runCount !== manifest.runCount) throw new SweepStoreError(`the manifest's run count ${manifest.runCount} does not match its spec (${layout.runCount})`);

  await openSweepDir(out, manifest);
  const outAbs = resolve(out);
  for (const [index, dir] of source) if (resolve(dir) !== outAbs) await copyRunRecord(dir, out, index);
  const failures = await assembleSweep(out, layout, manifest);
  return { out, runCount: manifest.runCount, failures };
}
