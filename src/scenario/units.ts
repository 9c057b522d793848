// The one place that turns human units ("15m", "600 GB", "100 Mbps", "20%") into base units
// (seconds, bytes, bytes per second, plain fractions). Pure: each parser returns a result, never throws,
// so that the schema can report every bad value at once.

/**
 * A parsed quantity, or what was expected: `expected` is a whole phrase with generic examples (for command-line
 * options); `hint`, when present, is the specific slip (a bare number, an ambiguous unit) so that a scenario field
 * can word its own phrase with examples that suit its range.
 */
export type UnitResult = { ok: true; value: number } | { ok: false; expected: string; hint?: string };

export const EXPECTED_DURATION = 'a duration with a unit, like "15m", "24h" or "1h30m"';
export const EXPECTED_SIZE = 'a size with a unit, like "600 GB" or "512 MiB"';
export const EXPECTED_RATE = 'a data rate with a unit, like "20 MB/s" or "100 Mbps"';
export const EXPECTED_FRACTION = 'a fraction, like "20%" or 0.2';

const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;

const SECONDS_PER: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

// Byte multipliers by prefix; a unit ending in lowercase "b" counts bits (÷ 8).
const PREFIX: Record<string, number> = {
  '': 1,
  k: 1e3,
  K: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
};
const PREFIX_NAME: Record<string, string> = { m: 'mega', g: 'giga', t: 'tera', p: 'peta' };

const RATE_PER: Record<string, number> = {
  s: 1,
  sec: 1,
  min: 60,
  h: 3600,
  hr: 3600,
  hour: 3600,
  d: 86_400,
  day: 86_400,
};

const ok = (value: number): UnitResult => ({ ok: true, value });
const fail = (expected: string, hint?: string): UnitResult =>
  hint ? { ok: false, expected: `${expected} (${hint})`, hint } : { ok: false, expected };

/** A bare number is accepted only when it is 0: zero is the same in every unit. */
function bareZero(input: unknown, expected: string): UnitResult | undefined {
  if (typeof input === 'number') return input === 0 ? ok(0) : fail(expected, 'a bare number has no unit');
  if (typeof input !== 'string') return fail(expected);
  return /^\s*[+-]?0*\.?0*\s*$/.test(input) && /\d/.test(input) ? ok(0) : undefined;
}

/** "30s", "15m", "1.5h", "1h30m", "5d 12h", "-2h" (sign kept; the schema judges the range). */
export function parseDuration(input: unknown): UnitResult {
  const zero = bareZero(input, EXPECTED_DURATION);
  if (zero) return zero;
  const text = (input as string).trim();
  const match = new RegExp(String.raw`^([+-]?)((?:\s*(?:\d+(?:\.\d*)?|\.\d+)\s*[smhdw])+)$`).exec(text);
  if (!match) return fail(EXPECTED_DURATION);
  let seconds = 0;
  for (const part of match[2]!.matchAll(/(\d+(?:\.\d*)?|\.\d+)\s*([smhdw])/g)) {
    seconds += Number(part[1]) * SECONDS_PER[part[2]!]!;
  }
  return ok(match[1] === '-' ? -seconds : seconds);
}

/** Bytes per unit for "GB", "MiB", "Mb", "kbit", ...; a hint string when the unit is ambiguous or unknown. */
function bytesPerUnit(unit: string): number | string {
  const bits = /^(|[kKMGTP]i?)(b|bit|bits)$/.exec(unit);
  if (bits && PREFIX[bits[1]!] !== undefined) return PREFIX[bits[1]!]! / 8;
  const bytes = /^(|[kKMGTP]i?)B$/.exec(unit);
  if (bytes && PREFIX[bytes[1]!] !== undefined) return PREFIX[bytes[1]!]!;
  // "mb", "gB", "tb": lowercase m is milli in SI, and people mean either bytes or bits.
  const ambiguous = /^([mgtp])(b|B)$/.exec(unit);
  if (ambiguous) {
    const p = ambiguous[1]!.toUpperCase();
    const name = PREFIX_NAME[ambiguous[1]!]!;
    return `${unit}: did you mean ${p}B (${name}bytes) or ${p}b (${name}bits)?`;
  }
  return '';
}

/** Bytes for "600 GB"-like text; undefined when it does not have that shape at all. */
function sizeText(text: string): UnitResult | undefined {
  const match = new RegExp(`^(${NUMBER})\\s*([A-Za-z]+)$`).exec(text);
  if (!match) return undefined;
  const perUnit = bytesPerUnit(match[2]!);
  if (typeof perUnit === 'string') return fail(EXPECTED_SIZE, perUnit);
  return ok(Number(match[1]) * perUnit);
}

/** Bytes per second for "20 MB/s"- or "100 Mbps"-like text; undefined when it does not have that shape. */
function rateText(text: string): UnitResult | undefined {
  const perSecond = new RegExp(`^(${NUMBER})\\s*([A-Za-z]+)ps$`).exec(text);
  const perTime = new RegExp(`^(${NUMBER})\\s*([A-Za-z]+)\\s*/\\s*([a-z]+)$`).exec(text);
  const match = perSecond ?? perTime;
  if (!match) return undefined;
  const perUnit = bytesPerUnit(match[2]!);
  if (typeof perUnit === 'string') return fail(EXPECTED_RATE, perUnit);
  const seconds = perSecond ? 1 : RATE_PER[match[3]!];
  if (seconds === undefined) return fail(EXPECTED_RATE, `unknown time unit "/${match[3]}"`);
  return ok((Number(match[1]) * perUnit) / seconds);
}

/** "600 GB", "512 MiB", "8 Gb" (bits ÷ 8). */
export function parseSize(input: unknown): UnitResult {
  const zero = bareZero(input, EXPECTED_SIZE);
  if (zero) return zero;
  const text = (input as string).trim();
  // A rate where a size is expected is a common slip: say so.
  if (rateText(text)?.ok) return fail(EXPECTED_SIZE, 'this is a data rate, not a size');
  return sizeText(text) ?? fail(EXPECTED_SIZE);
}

/** "20 MB/s", "2 TB/day", "10 GB/h", "100 Mbps", "12 MBps", "1.5 Gbit/s". */
export function parseRate(input: unknown): UnitResult {
  const zero = bareZero(input, EXPECTED_RATE);
  if (zero) return zero;
  const text = (input as string).trim();
  if (sizeText(text)?.ok) return fail(EXPECTED_RATE, 'this is a size, not a rate: add "/s" or "/day"');
  return rateText(text) ?? fail(EXPECTED_RATE);
}

/**
 * "20%" (a percentage) or 0.2 (or "0.2": a number from 0 to 1). One rule everywhere, scenario fields and
 * command-line options alike. A bare number above 1 is rejected rather than read as a percentage: that
 * reading would make 2 mean 2% but 1 mean 100%. The range is the schema's business.
 */
export function parseFraction(input: unknown): UnitResult {
  if (typeof input !== 'number' && typeof input !== 'string') return fail(EXPECTED_FRACTION);
  const match = new RegExp(`^(${NUMBER})\\s*(%?)$`).exec(String(input).trim());
  if (!match) return fail(EXPECTED_FRACTION);
  const number = Number(match[1]);
  if (!Number.isFinite(number)) return fail(EXPECTED_FRACTION);
  if (match[2]) return ok(number / 100);
  if (number > 1) return fail(`${EXPECTED_FRACTION} (a bare ${number} is ambiguous: write "${number}%" for a percentage, or ${number / 100})`);
  return ok(number);
}
