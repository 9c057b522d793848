import { simulate } from '../src/simulate.js';
import { largeSite } from './largeSite.js';
import { cpuSeconds, peakRssMb } from './measure.js';

export interface SiteRun {
  vms: number;
  days: number;
  /** CPU and wall seconds of simulate() alone (the scenario is built before). */
  cpuSec: number;
  wallSec: number;
  peakRssMb: number;
  /** Events run; null when the run was stopped. */
  events: number | null;
  /** Fraction of the horizon simulated: 1, or less when the CPU budget stopped the run. */
  fractionDone: number;
}

class BudgetSpent extends Error {}

/**
 * simulate() on largeSite(vms, days), in this process (run it in its own: its peak RSS is the run's). A run
 * that has used more than `budgetCpuSec` of CPU is stopped at its next progress report (every few simulated
 * hours) and reported with the fraction of the horizon it reached: a run the machine cannot finish in the
 * bench's time still shows its cost per VM-day and a projection.
 */
export function siteRun(vms: number, days: number, budgetCpuSec = Infinity): SiteRun {
  const scenario = largeSite(vms, days);
  let fractionDone = 0;
  const start = process.cpuUsage();
  const onProgress = (fraction: number): void => {
    fractionDone = fraction;
    const used = process.cpuUsage(start);
    if ((used.user + used.system) / 1e6 > budgetCpuSec) throw new BudgetSpent();
  };
  const run = cpuSeconds(() => {
    try {
      return simulate(scenario, { seed: 1, onProgress }).eventCount;
    } catch (error) {
      if (error instanceof BudgetSpent) return null;
      throw error;
    }
  });
  return {
    vms,
    days,
    cpuSec: run.seconds,
    wallSec: run.wallSeconds,
    peakRssMb: peakRssMb(),
    events: run.result,
    fractionDone: run.result === null ? fractionDone : 1,
  };
}
