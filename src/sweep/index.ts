// The sweep library's public surface (bench/ and src/index.ts import from here).
export { loadSweepFile, type LoadedSweep } from '../io/loadSweep.js';
export { mergeShards, type MergeOutcome } from './merge.js';
export { runSweep, type SweepOptions, type SweepOutcome, type SweepProgress } from './runSweep.js';
export { parseSweepSpec, type SweepSpec } from './spec.js';
export type { Shard } from './design.js';
export type { FailureInfo } from './manifest.js';
