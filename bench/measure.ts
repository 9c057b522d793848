import { performance } from 'node:perf_hooks';

/** Wall time of a call, in seconds, with its result. */
export async function timed<T>(work: () => T | Promise<T>): Promise<{ seconds: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { seconds: (performance.now() - start) / 1000, result };
}

/**
 * CPU time (user + system, every thread of the process: the garbage collector's helpers count) and wall time
 * of a synchronous call, in seconds. On a shared machine CPU time is the steadier figure: waiting for a core
 * that another process holds adds wall time, not CPU time.
 */
export function cpuSeconds<T>(work: () => T): { seconds: number; wallSeconds: number; result: T } {
  const wallStart = performance.now();
  const start = process.cpuUsage();
  const result = work();
  const used = process.cpuUsage(start);
  return { seconds: (used.user + used.system) / 1e6, wallSeconds: (performance.now() - wallStart) / 1000, result };
}

/** Peak resident memory of this process so far (worker threads included), in MB (10^6 bytes; maxRSS is in KiB). */
export function peakRssMb(): number {
  return (process.resourceUsage().maxRSS * 1024) / 1e6;
}

/** The middle value (the mean of the two middle ones of an even count): robust to a round that lost its core. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
