// Public exports only.
export * from './engine/index.js';
export { simulate } from './simulate.js';
export { loadScenario } from './io/loadScenario.js';
export { parseScenarioInput as parseScenario, type ParseScenarioInputOptions } from './scenario/parseScenarioInput.js';
export { ScenarioError } from './scenario/scenarioError.js';
export type { ScenarioIssue } from './scenario/issues.js';
export type * from './scenario/types.js';
export type * from './metrics/types.js';
export { eachFailover, failoverAt, failoverRecords, vmFailovers, type FailoverTable } from './metrics/failoverTable.js';
export { FAILOVER_CHOICES } from './scenario/types.js';
export { VERSION } from './version.js';
export * from './sweep/index.js';
export * from './compare/index.js';
