#!/usr/bin/env node
// Writes a small synthetic block trace in the MSR Cambridge format (Timestamp,Hostname,DiskNumber,Type,
// Offset,Size,ResponseTime; FILETIME ticks) to stdout, deterministic for a seed: Poisson I/O at ~10/s for
// MINUTES minutes on host "synth" disks 0 and 1, 70% writes, 4–64 KiB, offsets concentrated on a hot 64 MiB
// region so that overwrites within a minute are common (what uniqueBlocks coalesces).
// Usage: node scripts/make-synthetic-msr-trace.mjs MINUTES [SEED]
import seedrandom from 'seedrandom';

const minutes = Number(process.argv[2] ?? 60);
const rng = seedrandom.xor4096(`synthetic-msr/${process.argv[3] ?? '1'}`);
const start = 128166372000000000; // 2007-02-22 00:00 UTC in FILETIME ticks, like the MSR traces
const lines = [];
let t = 0;
while (t < minutes * 60) {
  t += -Math.log(1 - rng()) / 10;
  const write = rng() < 0.7;
  const size = 4096 * (1 + Math.floor(rng() * 16));
  const hot = rng() < 0.8;
  const offset = 4096 * Math.floor(rng() * (hot ? 16384 : 2621440));
  const tick = start + Math.round(t * 1e7);
  lines.push(`${tick},synth,${rng() < 0.5 ? 0 : 1},${write ? 'Write' : 'Read'},${offset},${size},${Math.round(rng() * 5000)}`);
}
process.stdout.write(`${lines.join('\n')}\n`);
