// One benchmark section, run in its own process by main.ts so that its peak memory is its own. Takes the
// section as JSON (see Section) and prints its figures as one line of JSON.
import { compareHold } from './holdModel.js';
import { horizonRun } from './horizonMemory.js';
import { comparePeer } from './peerComparison.js';
import { planSpeed } from './planSpeed.js';
import { reportSpeed } from './reportSpeed.js';
import { siteRun } from './siteRun.js';
import { bigSweep, sweepThroughput } from './sweepThroughput.js';

export type Section =
  | { kind: 'hold'; pending: number; events: number; rounds: number }
  | { kind: 'site'; vms: number; days: number; budgetCpuSec: number | null }
  | { kind: 'horizon'; vms: number; days: number }
  | { kind: 'plan'; repeats: number }
  | { kind: 'report'; vms: number; days: number }
  | { kind: 'sweep'; runs: number; rounds: number }
  | { kind: 'bigSweep'; runs: number }
  | { kind: 'peer'; vms: number; days: number; repeats: number; python: string };

async function measure(section: Section): Promise<unknown> {
  switch (section.kind) {
    case 'hold':
      return compareHold(section.pending, section.events, section.rounds);
    case 'site':
      return siteRun(section.vms, section.days, section.budgetCpuSec ?? Infinity);
    case 'horizon':
      return horizonRun(section.vms, section.days);
    case 'plan':
      return planSpeed(section.repeats);
    case 'report':
      return reportSpeed(section.vms, section.days);
    case 'sweep':
      return sweepThroughput(section.runs, section.rounds);
    case 'bigSweep':
      return bigSweep(section.runs);
    case 'peer':
      return comparePeer(section.vms, section.days, section.repeats, section.python);
  }
}

if (process.argv[2] !== undefined) console.log(JSON.stringify(await measure(JSON.parse(process.argv[2]) as Section)));
