// What identifies a sweep (so resume and merge refuse foreign runs) and what sweep.json says about it.
import { VERSION } from '../version.js';
import type { RunRecord } from './runRecord.js';
import type { SweepLayout } from './design.js';
import type { SweepSpec } from './spec.js';

// 2: run files end with a checksum line.
export const MANIFEST_FORMAT = 'rposim-sweep/2';

/** The spec as a sweep file would write it (normalised: defaults filled in, seed resolved). */
export function specAsWritten(spec: SweepSpec, baseSeed: number): Record<string, unknown> {
  return {
    base: spec.base,
    description: spec.description,
    seed: baseSeed,
    replications: spec.replications,
    set: Object.fromEntries(spec.set.map((s) => [s.path, s.value])),
    ...(spec.sampling ? { sampling: spec.sampling } : {}),
    axes: spec.axes.map((a) => (a.kind === 'values' ? { path: a.path, values: a.values } : { path: a.path, range: a.range })),
  };
}

/**
 * Written to <out>/runs/manifest.json before any run. Holds the whole spec so that `merge` can rebuild the
 * final files without the sweep file or the base scenario. specHash also covers the base scenario and its
 * traces: a run file is only ever reused under the same hash and version, where it is exactly what
 * recomputing would give.
 */
export interface SweepManifest {
  format: typeof MANIFEST_FORMAT;
  version: string;
  specHash: string;
  spec: Record<string, unknown>;
  pointCount: number;
  runCount: number;
}

export function buildManifest(sweep: SweepLayout, specHash: string): SweepManifest {
  return {
    format: MANIFEST_FORMAT,
    version: VERSION,
    specHash,
    spec: specAsWritten(sweep.spec, sweep.baseSeed),
    pointCount: sweep.points.length,
    runCount: sweep.runCount,
  };
}

export interface FailureInfo {
  run: number;
  point: number;
  replication: number;
  seed: number;
  error: string;
}

export const failureOf = (r: Pick<RunRecord, 'index' | 'point' | 'replication' | 'seed' | 'error'>): FailureInfo => ({ run: r.index, point: r.point, replication: r.replication, seed: r.seed, error: r.error });

/** sweep.json: no wall time or host details, so that it too is byte-identical however the sweep was run. */
export function sweepJson(manifest: SweepManifest, sweep: SweepLayout, failures: FailureInfo[]): string {
  const body = {
    rposim: manifest.version,
    specHash: manifest.specHash,
    spec: manifest.spec,
    seeds: {
      base: sweep.baseSeed,
      rule: 'replication k runs with seed base + k at every point (common random numbers)',
      byReplication: Array.from({ length: sweep.spec.replications }, (_, k) => sweep.baseSeed + k),
    },
    points: sweep.points.length,
    runs: sweep.runCount,
    failed: failures.length,
    failures,
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
