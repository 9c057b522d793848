// Churn components: each list item is a mapping with exactly one key naming its kind.
import * as z from 'zod';
import { dailyProfileFromVolume } from './dailyShape.js';
import { fieldFormats } from './fieldFormats.js';
import {
  between,
  booleanField,
  distributionField,
  durationField,
  enumField,
  listOf,
  mapping,
  nameField,
  nonNegative,
  numberField,
  oneOf,
  positive,
  rateField,
  sizeField,
  type Bound,
} from './fields.js';
import { LIMITS, QUANTITY_LIMITS } from './limits.js';
import { traceKey, type ChurnTraceData, type TraceFormat } from './traceData.js';
import type { ChurnComponent } from './types.js';
import { parseDuration } from './units.js';

const atLeastTraceInterval: Bound = {
  test: (v) => v >= LIMITS.minTraceIntervalSec,
  text: `>= ${LIMITS.minTraceIntervalSec}s (the shortest trace interval rposim replays)`,
};
const wholeBytes: Bound = { test: (v) => v >= 1 && Number.isInteger(v), text: 'of a whole number of bytes >= 1' };

/** Trace contents keyed by the file name as written in the scenario, or the error met reading it. */
export type TraceTable = ReadonlyMap<string, ChurnTraceData | string>;

const dailyProfileSchema = mapping({
  hourlyMultipliers: listOf(numberField(nonNegative), '24 numbers >= 0')
    .length(24, 'a list of exactly 24 numbers >= 0 (one per hour)')
    .optional(),
  baseRate: rateField(nonNegative).optional(),
  volume: sizeField(nonNegative).optional(),
  peakHour: numberField(between(0, 23, 'from 0 to 23'), { integer: true }).optional(),
  peakToMean: numberField({ test: (v) => v >= 1 && v < 24, text: '>= 1 and < 24' }).optional(),
}).transform((p, ctx): ChurnComponent => {
  const byMultipliers = p.hourlyMultipliers !== undefined && p.baseRate !== undefined;
  const byVolume = p.volume !== undefined && p.peakHour !== undefined && p.peakToMean !== undefined;
  const keyCount = Object.values(p).filter((v) => v !== undefined).length;
  if (byMultipliers && keyCount === 2) {
    const rates = p.hourlyMultipliers!.map((m) => m * p.baseRate!);
    if (Math.max(...rates) <= QUANTITY_LIMITS.rate.max) return { kind: 'dailyProfile', hourlyRatesBytesPerSec: rates };
    ctx.addIssue({
      code: 'custom',
      message: `multipliers whose peak times baseRate is at most ${QUANTITY_LIMITS.rate.text}`,
      path: ['hourlyMultipliers'],
    });
    return z.NEVER;
  }
  if (byVolume && keyCount === 3) {
    return { kind: 'dailyProfile', hourlyRatesBytesPerSec: dailyProfileFromVolume(p.volume!, p.peakHour!, p.peakToMean!) };
  }
  ctx.addIssue({
    code: 'custom',
    message: 'either { hourlyMultipliers, baseRate } or { volume, peakHour, peakToMean }',
  });
  return z.NEVER;
});

const onOffSchema = mapping({
  peak: rateField(positive),
  meanOn: durationField(positive),
  meanOff: durationField(positive),
}).transform((o): ChurnComponent => ({
  kind: 'onOff',
  peakBytesPerSec: o.peak,
  meanOnSec: o.meanOn,
  meanOffSec: o.meanOff,
}));

const poissonBurstsSchema = mapping({
  meanInterval: durationField(positive),
  size: distributionField(() => sizeField(nonNegative)),
}).transform((b): ChurnComponent => ({ kind: 'poissonBursts', meanIntervalSec: b.meanInterval, sizeBytes: b.size }));

const DAY_SEC = 86_400;
const PERIOD_WORDS: Record<string, number> = { day: DAY_SEC, week: 7 * DAY_SEC };
const CLOCK = String.raw`^\s*([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?\s*$`;
const START_TEXT = 'a time of day like "01:00", or a duration from the start of the period like "5d 1h"';
const PERIOD_TEXT = 'day, week, or a duration > 0 like "12h"';

/** "01:00" or "23:30:15" (a time of day, in seconds), or a duration (from the start of the period, the day). */
const clockField = (text: string, bound: (sec: number) => boolean = () => true) =>
  z
    .unknown()
    .transform((input, ctx) => {
      const clock = typeof input === 'string' ? new RegExp(CLOCK).exec(input) : null;
      if (clock) return Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3] ?? 0);
      const duration = parseDuration(input);
      if (duration.ok && duration.value >= 0 && bound(duration.value)) return duration.value;
      ctx.addIssue({ code: 'custom', message: text, input });
      return z.NEVER;
    })
    .register(fieldFormats, { kind: 'duration', text, or: { pattern: CLOCK, examples: ['01:00'] } });

const windowStartField = () => clockField(START_TEXT);

/** A time of day: "09:00", or a duration from midnight up to "24h" (the end of the day). */
export const timeOfDayField = () => clockField('a time of day like "09:00", or a duration from midnight up to "24h"', (sec) => sec <= DAY_SEC);

/** `day`, `week`, or any positive duration. */
const windowPeriodField = () =>
  z
    .unknown()
    .transform((input, ctx) => {
      if (typeof input === 'string' && PERIOD_WORDS[input.trim()] !== undefined) return PERIOD_WORDS[input.trim()]!;
      const duration = parseDuration(input);
      if (duration.ok && duration.value > 0) return duration.value;
      ctx.addIssue({ code: 'custom', message: PERIOD_TEXT, input });
      return z.NEVER;
    })
    .register(fieldFormats, {
      kind: 'duration',
      text: PERIOD_TEXT,
      or: { pattern: String.raw`^\s*(?:${Object.keys(PERIOD_WORDS).join('|')})\s*$`, examples: Object.keys(PERIOD_WORDS) },
    });

/** A burst of `volume` written evenly over [start, start + duration), repeated every period (a nightly ETL). */
const windowSchema = mapping({
  start: windowStartField(),
  duration: durationField(positive),
  volume: sizeField(nonNegative),
  every: windowPeriodField().prefault('day'),
}).transform((w, ctx): ChurnComponent => {
  if (w.start >= w.every) {
    ctx.addIssue({ code: 'custom', message: 'a start within the period (before its end)', path: ['start'] });
  }
  if (w.duration > w.every) {
    ctx.addIssue({ code: 'custom', message: 'a duration no longer than the period (every)', path: ['duration'] });
  }
  if (!(w.volume / w.duration <= QUANTITY_LIMITS.rate.max)) {
    ctx.addIssue({ code: 'custom', message: `a volume written at most at ${QUANTITY_LIMITS.rate.text} over the duration`, path: ['volume'] });
  }
  return windowSteps(w.every, w.start, w.duration, w.volume);
});

/**
 * The step profile itself, the form window and stagger produce (types.ts: 0 <= offset < period, steps ascending
 * from 0): scenarioToInput writes it for a scenario built in code, so that simulate() can judge it.
 */
const periodicStepsSchema = mapping({
  period: durationField(positive),
  offset: durationField(nonNegative).prefault('0s'),
  stepStarts: listOf(durationField(nonNegative), 'durations >= 0'),
  rates: listOf(rateField(nonNegative), 'data rates >= 0'),
}).transform((p, ctx): ChurnComponent => {
  const issue = (field: string, message: string) => ctx.addIssue({ code: 'custom', message, path: [field] });
  if (p.offset >= p.period) issue('offset', 'a duration shorter than the period');
  const ascending = p.stepStarts.every((s, k) => (k === 0 ? s === 0 : s > p.stepStarts[k - 1]!));
  if (p.stepStarts.length === 0 || !ascending || p.stepStarts.at(-1)! >= p.period) {
    issue('stepStarts', 'ascending durations from 0s, each shorter than the period');
  }
  if (p.rates.length !== p.stepStarts.length) issue('rates', `one rate per step start (${p.stepStarts.length})`);
  return { kind: 'periodicSteps', periodSec: p.period, offsetSec: p.offset, stepStartsSec: p.stepStarts, ratesBytesPerSec: p.rates };
});

/** On a VM entry with count: instance i's time-based churn starts i × stagger later (0 = not staggered). */
export const staggerSchema = durationField(nonNegative).prefault('0s');

/** The step profile of a window: its rate from its start for its duration, 0 for the rest of the period. */
function windowSteps(periodSec: number, startSec: number, durationSec: number, volumeBytes: number): ChurnComponent {
  const rate = volumeBytes / durationSec;
  const whole = durationSec >= periodSec;
  return {
    kind: 'periodicSteps',
    periodSec,
    offsetSec: startSec,
    stepStartsSec: whole ? [0] : [0, durationSec],
    ratesBytesPerSec: whole ? [rate] : [rate, 0],
  };
}

/** The reading options of a trace entry: the loader uses this schema alone to decide which files to read. */
export const traceOptionsSchema = mapping({
  file: nameField(),
  format: enumField(['csv', 'msr'] as const).default('csv'),
  scale: numberField(between(Number.MIN_VALUE, 1e6, '> 0 and at most 1000000')).prefault(1),
  loop: booleanField().default(true),
  // MSR block traces only: aggregation interval, block coalescing, filters.
  interval: durationField(atLeastTraceInterval).prefault('60s'),
  uniqueBlocks: booleanField().default(false),
  blockSize: sizeField(wholeBytes, ['4 KiB', '512 B']).prefault('4 KiB'),
  host: nameField().optional(),
  disk: numberField(nonNegative, { integer: true }).optional(),
});

/** Highest write rate of a trace (bytes per second), computed once per trace however many VMs replay it. */
const peakRates = new WeakMap<ChurnTraceData, number>();
function peakRateOf(data: ChurnTraceData): number {
  let peak = peakRates.get(data);
  if (peak === undefined) {
    peak = 0;
    const n = data.startsSec.length;
    for (let i = 0; i < n; i++) {
      const length = i + 1 < n ? data.startsSec[i + 1]! - data.startsSec[i]! : data.startsSec[n - 1]! - data.startsSec[n - 2]!;
      peak = Math.max(peak, data.bytes[i]! / length);
    }
    peakRates.set(data, peak);
  }
  return peak;
}

/**
 * Scaled bytes, shared by every VM that replays the trace with the same scale: a trace is read-only once parsed,
 * and a site of thousands of VMs on one month-long trace must not hold thousands of copies.
 */
const scaledBytes = new WeakMap<ChurnTraceData, Map<number, number[]>>();
function bytesScaled(data: ChurnTraceData, scale: number): number[] {
  if (scale === 1) return data.bytes;
  const byScale = scaledBytes.get(data) ?? new Map<number, number[]>();
  scaledBytes.set(data, byScale);
  let bytes = byScale.get(scale);
  if (bytes === undefined) byScale.set(scale, (bytes = data.bytes.map((b) => b * scale)));
  return bytes;
}

function traceSchema(traces: TraceTable) {
  return traceOptionsSchema.transform((t, ctx): ChurnComponent => {
    const data = traces.get(traceKey(t.file, traceFormatOf(t)));
    // Traces come from readChurnTrace, which guarantees this shape; check it anyway for callers passing data.
    const problem =
      data === undefined
        ? 'not loaded'
        : typeof data === 'string'
          ? data
          : data.startsSec.length < 2 || data.bytes.length !== data.startsSec.length
            ? 'needs at least 2 intervals and one bytes value per interval'
            : undefined;
    if (problem !== undefined || data === undefined || typeof data === 'string') {
      ctx.addIssue({
        code: 'custom',
        message: t.format === 'msr' ? 'a readable MSR Cambridge block trace' : 'a readable churn trace CSV with the header time_s,bytes_written',
        path: ['file'],
        params: { found: `${JSON.stringify(t.file)} (${problem})` },
      });
      return z.NEVER;
    }
    const peak = peakRateOf(data) * t.scale;
    if (!(peak <= QUANTITY_LIMITS.rate.max)) {
      ctx.addIssue({
        code: 'custom',
        message: `a trace whose peak write rate, times scale, is at most ${QUANTITY_LIMITS.rate.text}`,
        path: ['scale'],
        params: { found: `${t.scale} (a peak of ${peak.toExponential(2)} bytes/s)` },
      });
      return z.NEVER;
    }
    return { kind: 'trace', source: t.file, startsSec: data.startsSec, bytes: bytesScaled(data, t.scale), loop: t.loop };
  });
}

/** The reading options of a parsed trace entry (the loader computes the same from the raw entry). */
export function traceFormatOf(t: { format: 'csv' | 'msr'; interval: number; uniqueBlocks: boolean; blockSize: number; host?: string | undefined; disk?: number | undefined }): TraceFormat {
  if (t.format === 'csv') return { format: 'csv' };
  return { format: 'msr', intervalSec: t.interval, uniqueBlocks: t.uniqueBlocks, blockSizeBytes: t.blockSize, host: t.host ?? null, disk: t.disk ?? null };
}

/**
 * A list of churn components (a VM's or a disk's writes). `rateProfile` leaves out Poisson bursts, which write a
 * volume at one instant: a link's background traffic is a rate over time.
 */
export function churnListSchema(traces: TraceTable, options: { rateProfile?: boolean } = {}) {
  const components = {
    constant: rateField(nonNegative).optional(),
    dailyProfile: dailyProfileSchema.optional(),
    onOff: onOffSchema.optional(),
    ...(options.rateProfile ? {} : { poissonBursts: poissonBurstsSchema.optional() }),
    trace: traceSchema(traces).optional(),
    window: windowSchema.optional(),
    periodicSteps: periodicStepsSchema.optional(),
  };
  const item = oneOf(components, options.rateProfile ? 'a rate profile component' : 'a churn component').transform(
    (c): ChurnComponent => {
      const { constant, ...others } = c as { constant?: number } & Record<string, ChurnComponent | undefined>;
      return constant !== undefined ? { kind: 'constant', rateBytesPerSec: constant } : Object.values(others).find((v) => v !== undefined)!;
    },
  );
  return listOf(item, options.rateProfile ? 'rate profile components' : 'churn components').min(1, `at least one ${options.rateProfile ? 'rate profile' : 'churn'} component`);
}
