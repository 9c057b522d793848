import { readFileSync } from 'node:fs';

/** Resident memory of a process in MB (10^6 bytes, as the bench reports) from /proc (Linux), or 0 when it cannot be read. */
function rssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? 0 : (Number(kb) * 1024) / 1e6;
  } catch {
    return 0;
  }
}

function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/**
 * Samples the resident memory of this process and its child processes (sweep workers) together, every 50 ms,
 * and keeps the peak: process.resourceUsage() counts this process only. null where /proc is not available.
 */
export function sampleProcessTreeRss(): { stop: () => number | null } {
  if (rssMb(process.pid) === 0) return { stop: () => null };
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, childPids(process.pid).reduce((sum, pid) => sum + rssMb(pid), rssMb(process.pid)));
  };
  const timer = setInterval(sample, 50);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}
