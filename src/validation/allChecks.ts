import type { CheckResult } from './checkResult.js';
import { md1Case, mm1Case, uniformPkCase } from './mg1Cases.js';
import { onOffChecks, sharedUplinkChecks } from './onOffChecks.js';
import { periodicPointsChecks } from './periodicPointsChecks.js';
import { poissonQueueChecks } from './poissonQueueChecks.js';

/** Every check group, by name, so the test file and the report run the same checks. */
export const CHECK_GROUPS: ReadonlyArray<{ name: string; run: () => CheckResult[] }> = [
  { name: 'M/M/1', run: () => poissonQueueChecks(mm1Case()) },
  { name: 'M/D/1', run: () => poissonQueueChecks(md1Case()) },
  { name: 'M/G/1 (uniform)', run: () => poissonQueueChecks(uniformPkCase()) },
  { name: 'on-off fluid', run: () => onOffChecks() },
  { name: 'on-off sources sharing an uplink', run: () => sharedUplinkChecks() },
  { name: 'periodic points', run: () => periodicPointsChecks() },
];
