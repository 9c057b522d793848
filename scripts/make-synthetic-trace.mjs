#!/usr/bin/env node
// Writes a synthetic per-minute churn trace (time_s,bytes_written) to stdout: deterministic for a seed.
// Shape: a daily cycle (quiet nights, busy office hours), a nightly backup window at 01:00–02:00, and
// lognormal minute-to-minute noise with occasional 10-minute batch bursts, the kinds of peaks domain.md §1
// describes (peaks above 10× the mean). Usage: node scripts/make-synthetic-trace.mjs DAYS [SEED] [MEAN_MB_S]
import seedrandom from 'seedrandom';

const days = Number(process.argv[2] ?? 2);
const seed = process.argv[3] ?? '1';
const meanMBps = Number(process.argv[4] ?? 2);
const rng = seedrandom.xor4096(`synthetic-trace/${seed}`);
const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());

const lines = ['time_s,bytes_written'];
let burstLeft = 0;
for (let minute = 0; minute < days * 1440; minute++) {
  const hour = (minute / 60) % 24;
  const daily = 0.4 + 1.2 * Math.max(0, Math.sin(((hour - 7) / 12) * Math.PI)); // 07:00–19:00 busy
  const backup = hour >= 1 && hour < 2 ? 4 : 0;
  if (burstLeft === 0 && rng() < 1 / 720) burstLeft = 10; // about two batch bursts a day
  const burst = burstLeft > 0 ? (burstLeft--, 8) : 0;
  const noise = Math.exp(0.5 * normal() - 0.125); // lognormal, mean 1
  const bytes = Math.round(meanMBps * 1e6 * 60 * (daily + backup + burst) * noise * 0.7);
  lines.push(`${minute * 60},${bytes}`);
}
process.stdout.write(`${lines.join('\n')}\n`);
