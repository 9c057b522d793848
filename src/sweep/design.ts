// The sweep's points (one value per axis) and its run list: pure functions of the spec, so every process,
// worker and shard derives the same numbering without talking to the others.
import { createStream } from '../engine/random.js';
import { formatQuantity, splitQuantity } from './quantity.js';
import type { Axis, RangeSpec, SweepSpec } from './spec.js';

export type AxisValue = string | number | boolean;

export interface Run {
  index: number;
  point: number;
  replication: number;
  seed: number;
}

/** The value of a range at fraction u ∈ [0, 1] of the way from `from` to `to` (in log space for log scale). */
function rangeValueAt(range: RangeSpec, u: number): string | number {
  const from = splitQuantity(range.from)!;
  const to = splitQuantity(range.to)!;
  let value =
    range.scale === 'log'
      ? Math.exp(Math.log(from.value) + u * (Math.log(to.value) - Math.log(from.value)))
      : from.value + u * (to.value - from.value);
  if (range.integer) value = Math.round(value);
  return formatQuantity(value, from);
}

/** Grid values of one axis: the list, or `steps` evenly spaced values from `from` to `to` inclusive. */
export function axisGridValues(axis: Axis): AxisValue[] {
  if (axis.kind === 'values') return axis.values;
  const steps = axis.range.steps!;
  return Array.from({ length: steps }, (_, i) => rangeValueAt(axis.range, i / (steps - 1)));
}

/** Value of an axis at a sampled fraction u ∈ [0, 1): ranges are continuous, lists are picked by stratum. */
function axisSampledValue(axis: Axis, u: number): AxisValue {
  if (axis.kind === 'values') return axis.values[Math.min(axis.values.length - 1, Math.floor(u * axis.values.length))]!;
  return rangeValueAt(axis.range, u);
}

/**
 * Every point of the sweep, in order. Grid: the cross product, first axis slowest (like nested loops in the
 * order written). Sampling: `points` draws; Latin hypercube puts exactly one point in each of `points`
 * equal strata of every axis, so few points still cover each axis evenly. Draws come from streams labelled
 * by axis path, so adding an axis does not move the others' samples.
 */
export function sweepPoints(spec: SweepSpec, seed: number): AxisValue[][] {
  if (!spec.sampling) {
    let points: AxisValue[][] = [[]];
    for (const axis of spec.axes) {
      const values = axisGridValues(axis);
      points = points.flatMap((p) => values.map((v) => [...p, v]));
    }
    return points;
  }
  const n = spec.sampling.points;
  const columns = spec.axes.map((axis) => {
    const stream = createStream(seed, `sweep/${spec.sampling!.method}/${axis.path}`);
    const draw = () => stream.next();
    if (spec.sampling!.method === 'random') return Array.from({ length: n }, () => axisSampledValue(axis, draw()));
    const strata = shuffled(n, draw);
    return strata.map((stratum) => axisSampledValue(axis, (stratum + draw()) / n));
  });
  return Array.from({ length: n }, (_, i) => columns.map((column) => column[i]!));
}

/** Fisher–Yates permutation of 0..n-1. */
function shuffled(n: number, draw: () => number): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(draw() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/**
 * Run index → (point, replication, seed). Runs of one point are consecutive, so the final files can be
 * assembled one point at a time. Replication k uses seed + k at EVERY point: common random numbers.
 */
export function runAt(index: number, replications: number, baseSeed: number): Run {
  const replication = index % replications;
  return { index, point: Math.floor(index / replications), replication, seed: baseSeed + replication };
}

export interface Shard {
  /** 0-based. */
  index: number;
  count: number;
}

/** A shard's runs: index mod count. Interleaving spreads slow corners of the grid over all shards. */
export function inShard(runIndex: number, shard: Shard | null): boolean {
  return shard === null || runIndex % shard.count === shard.index;
}

/** The numbering of a sweep: enough to name, order and assemble its runs (no scenario needed). */
export interface SweepLayout {
  spec: SweepSpec;
  baseSeed: number;
  points: AxisValue[][];
  runCount: number;
}

export function sweepLayout(spec: SweepSpec, baseSeed: number): SweepLayout {
  const points = sweepPoints(spec, baseSeed);
  return { spec, baseSeed, points, runCount: points.length * spec.replications };
}
