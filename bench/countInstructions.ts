// npm run bench:count: instructions and last-level cache misses of simulate(), counted by cachegrind, which
// simulates the CPU instead of timing it. On a shared virtual machine CPU and wall times move by 20–30% from
// run to run. Under cachegrind, with V8's predictable mode (one thread, and no collection or compilation driven
// by the clock), a row's instructions moved by up to 4% and its misses by up to 14% over three runs of this
// command: a change of 5% in the model's work shows. Slow (minutes, the rows in parallel): not part of npm
// run bench.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Counts, parseCachegrind } from './cachegrindSummary.js';
import { fixed, table } from './report.js';

/** A fixed cache geometry, whatever the host's: 32 KB L1s and an 8 MB last level. */
const CACHEGRIND = ['--tool=cachegrind', '--cache-sim=yes', '--smc-check=all-non-file', '--I1=32768,8,64', '--D1=32768,8,64', '--LL=8388608,16,64', '--cachegrind-out-file=/dev/null'];
const program = fileURLToPath(new URL('./countedRun.js', import.meta.url));

function count(vms: number, days: number, runs: number): Promise<Counts> {
  return new Promise((resolve, reject) => {
    const child = spawn('valgrind', [...CACHEGRIND, process.execPath, '--predictable', program, String(vms), String(days), String(runs)], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr = (stderr + text).slice(-16_384)));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code !== 0) reject(new Error(`valgrind exited with ${code ?? signal}:\n${stderr.slice(-2000)}`));
      else resolve(parseCachegrind(stderr));
    });
  });
}

const rows = [
  { label: '200 VMs × 2 d', vmDays: 400, vms: 200, days: 2, runs: 1 },
  { label: '5 runs of 200 VMs × 2 d', vmDays: 2000, vms: 200, days: 2, runs: 5 },
  { label: '1,000 VMs × 2 d', vmDays: 2000, vms: 1000, days: 2, runs: 1 },
];

console.log('simulate() on bench/largeSite.ts under cachegrind (32 KB L1s, 8 MB last level), Node --predictable;');
console.log('each row less the same program with no run (Node, the modules, its scenario)');
const counted = await Promise.all(rows.map((row) => Promise.all([count(row.vms, row.days, 0), count(row.vms, row.days, row.runs)])));
const lines = rows.map((row, r) => {
  const [base, whole] = counted[r]!;
  const instructions = whole.instructions - base.instructions;
  const misses = whole.llReadMisses - base.llReadMisses;
  return [row.label, fixed(instructions / 1e9, 2), fixed(instructions / row.vmDays / 1e6, 2), fixed(misses / 1e6, 2), fixed(misses / row.vmDays / 1e3, 1)];
});
for (const line of table(['run', 'G instructions', 'M instr. / VM-day', 'M LL read misses', 'k LL read misses / VM-day'], lines)) console.log(line);
