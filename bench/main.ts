// npm run bench [-- --quick]: prints figures; nothing here fails on a duration.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const size = process.argv.includes('--quick') ? 'quick' : 'full';
console.log(`rposim benchmarks (Node ${process.version}, ${size})`);
const section = fileURLToPath(new URL('./section.js', import.meta.url));
for (const name of ['engine', 'simulate', 'sweep', 'bigSweep']) {
  const run = spawnSync(process.execPath, [section, name, size], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
