// The program bench:count runs under cachegrind: `runs` simulations of bench/largeSite.ts at `vms` VMs over
// `days` days in one process, printing nothing (0 runs: Node, the modules and the scenario alone).
import { simulate } from '../src/simulate.js';
import { largeSite } from './largeSite.js';

const [vms, days, runs] = process.argv.slice(2).map(Number) as [number, number, number];
const scenario = largeSite(vms, days);
for (let run = 0; run < runs; run++) simulate(scenario, { seed: 1 });
