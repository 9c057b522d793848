import type { ReportSection } from '../context.js';
import { alerts } from './alerts.js';
import { cycle } from './cycle.js';
import { failover } from './failover.js';
import { inputs } from './inputs.js';
import { plan } from './plan.js';
import { recoveryPlans } from './recoveryPlans.js';
import { retention } from './retention.js';
import { rpoOverTime } from './rpoOverTime.js';
import { runHeadline } from './runHeadline.js';
import { sweep } from './sweep.js';
import { uplinks } from './uplinks.js';

/**
 * The report's sections in page order. Each renders only when the files it reads are in the folder, so one
 * list serves runs, plans and sweeps; a new kind of result (compare) is one more module here.
 */
export const SECTIONS: readonly ReportSection[] = [
  runHeadline,
  rpoOverTime,
  uplinks,
  failover,
  retention,
  alerts,
  recoveryPlans,
  cycle,
  plan,
  sweep,
  inputs,
];
