import { spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem, availableParallelism, release, type } from 'node:os';

/** The machine the figures come from: they mean little without it. */
export function machineLine(python: string): string {
  const model = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const py = spawnSync(python, ['--version']);
  const pythonVersion = py.status === 0 ? py.stdout.toString().trim() : 'no python3';
  return `${model} · ${availableParallelism()} cores · ${(totalmem() / 2 ** 30).toFixed(1)} GiB · ${type()} ${release()} · Node ${process.version} · ${pythonVersion}`;
}

/** Load averages over 1, 5 and 15 minutes, against the core count: how much other processes took. */
export function loadLine(): string {
  const [one, five, fifteen] = loadavg().map((l) => l.toFixed(1));
  return `load average ${one} / ${five} / ${fifteen} (1 / 5 / 15 min) on ${availableParallelism()} cores`;
}
