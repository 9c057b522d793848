/**
 * --seed as typed on the command line. Read as a string and checked here, because yargs' number parsing
 * turns "abc" into NaN and "1.5" into 1.5 without complaint. Throwing makes it a usage error (exit 2).
 */
export function parseSeed(text: unknown): number | undefined {
  if (text === undefined) return undefined;
  const value = String(text).trim();
  const seed = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(seed)) {
    throw new Error(`--seed must be a non-negative integer, got "${String(text)}"`);
  }
  return seed;
}
