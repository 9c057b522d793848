// npm run bench: prints figures; nothing here fails on a duration.
import { engineThroughput } from './engineThroughput.js';
import { simulateThroughput } from './simulateThroughput.js';
import { sweepThroughput } from './sweepThroughput.js';

const quick = process.argv.includes('--quick');
console.log(`rposim benchmarks (Node ${process.version}${quick ? ', quick' : ''})`);
console.log(await engineThroughput());
for (const line of await simulateThroughput(quick ? 200 : 1000, quick ? 7 : 30)) console.log(line);
for (const line of await sweepThroughput(quick ? 1000 : 10_000)) console.log(line);
