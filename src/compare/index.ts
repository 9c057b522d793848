// The comparison library's public surface (src/index.ts re-exports it).
export { loadCompareFile, type LoadedCompare } from '../io/loadCompare.js';
export { runCompare, type CompareOptions, type CompareOutcome } from './runCompare.js';
export type { CompareAnalysis, MetricRow, PairRow } from './analysis.js';
export { METRICS, type MetricDef } from './metrics.js';
export { costFigures, type CostFigures } from '../metrics/costFigures.js';
