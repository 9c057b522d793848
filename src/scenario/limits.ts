// Resource limits: the largest run rposim accepts, checked before anything is expanded, read in full or
// simulated, so that any input gets an answer in bounded time and memory. The README's "Resource limits"
// section lists each figure with its message; raise one here and there together.

const DAY = 86_400;

export const LIMITS = {
  /** VMs after count expansion, all entries together. */
  vms: 100_000,
  /** Simulated time. */
  horizonSec: 3650 * DAY,
  /** Estimated simulated events (runSize.ts): about an hour of simulation at the speed `npm run bench` shows. */
  events: 2e9,
  /**
   * timeseries.csv rows bound the file (about 60 bytes a row: `rposim run` streams it to disk, so memory does not
   * grow with it); failovers.csv rows are held until the run ends, as columns of 45–85 bytes a row
   * (failoverTable.ts: at most 850 MB at the limit).
   */
  timeseriesRows: 10_000_000,
  failoverRows: 10_000_000,
  /** Intervals of all trace files together, as kept in memory after reading. */
  traceIntervals: 20_000_000,
  /** Bytes read from one trace file, and from one line of it. */
  traceFileBytes: 16 * 2 ** 30,
  traceLineBytes: 64 * 2 ** 10,
  /** The shortest interval of a churn trace (row spacing, or an MSR trace's aggregation interval). */
  minTraceIntervalSec: 1,
  /** A scenario or sweep file. */
  scenarioFileBytes: 64 * 2 ** 20,
  /** YAML aliases (the yaml library's maxAliasCount: aliases times their nesting). */
  yamlAliases: 10_000,
  /** Values in a document once its aliases are expanded (a few KB of aliases can stand for billions). */
  yamlValues: 10_000_000,
  /** Nesting of mappings and lists; real scenarios use fewer than 10 levels. */
  nestingDepth: 64,
} as const;

/**
 * Physical sanity limits of every quantity in a scenario or trace: beyond them arithmetic over a long horizon
 * loses precision or overflows, and no real site comes close.
 */
export const QUANTITY_LIMITS = {
  duration: { max: 36_500 * DAY, text: '36500d (100 years)' },
  size: { max: 1e18, text: '1000 PB' },
  rate: { max: 1e15, text: '1 PB/s' },
} as const;

/** "100,000": limits are printed the way the README writes them. */
export function formatLimit(value: number): string {
  // Whole numbers without toLocaleString: its first call loads the locale data, 28 ms at every start-up.
  if (!Number.isSafeInteger(value)) return value.toLocaleString('en-US');
  return String(value).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** "3.1e+12" for estimates far beyond a limit, "1,234,567" below a billion. */
export function formatEstimate(value: number): string {
  return value < 1e9 ? formatLimit(Math.round(value)) : value.toExponential(1);
}
