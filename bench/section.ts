// One benchmark section, run in its own process by main.ts so that its peak memory is its own.
import { engineThroughput } from './engineThroughput.js';
import { simulateThroughput } from './simulateThroughput.js';
import { sweepThroughput, bigSweep } from './sweepThroughput.js';

const [name, size] = process.argv.slice(2);
const quick = size === 'quick';
const sections: Record<string, () => Promise<string[]>> = {
  engine: async () => [await engineThroughput()],
  simulate: () => simulateThroughput(quick ? 200 : 1000, quick ? 7 : 30),
  sweep: () => sweepThroughput(quick ? 100 : 400),
  bigSweep: () => bigSweep(quick ? 1000 : 10_000),
};
for (const line of await sections[name!]!()) console.log(line);
