// The trace files a scenario names, read once each with the options its schema gives them, so that
// `validate`, `run` and every run of a sweep see the same contents (or the same reason they are unreadable).
import { resolve } from 'node:path';
import { traceFormatOf, traceOptionsSchema, type TraceTable } from '../scenario/churnSchema.js';
import { valueAt } from '../scenario/issues.js';
import { LIMITS } from '../scenario/limits.js';
import { attempt } from '../scenario/rawInput.js';
import { traceKey, type ChurnTraceData, type TraceFormat } from '../scenario/traceData.js';
import { readChurnTrace } from './readChurnTrace.js';
import { readMsrTrace } from './readMsrTrace.js';

export type TraceRequests = Map<string, { file: string; format: TraceFormat }>;

const listAt = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * The traces named by the churn of vmDefaults, every VM and their disks, and by the uplinks' background traffic
 * in a raw scenario, keyed as the schema will look them up. An entry the schema rejects (a bad interval, say) is
 * not read: the parser reports it, and reading with a bad option could only waste time.
 */
export function traceRequests(raw: unknown, into: TraceRequests = new Map()): TraceRequests {
  const machines = [valueAt(raw, ['vmDefaults']), ...listAt(valueAt(raw, ['vms']))];
  const churnLists = [
    ...machines.flatMap((vm) => [valueAt(vm, ['churn']), ...listAt(valueAt(vm, ['disks'])).map((disk) => valueAt(disk, ['churn']))]),
    ...listAt(valueAt(raw, ['uplinks'])).map((uplink) => valueAt(uplink, ['background', 'priority'])),
  ];
  for (const item of churnLists.filter(Array.isArray).flat()) {
    const options = attempt(traceOptionsSchema, valueAt(item, ['trace']));
    if (options === undefined) continue;
    const format = traceFormatOf(options);
    into.set(traceKey(options.file, format), { file: options.file, format });
  }
  return into;
}

/**
 * Reads each requested trace, paths relative to `folder`: its data, or why it cannot be used. One after the
 * other, sharing LIMITS.traceIntervals: what all traces hold in memory together is bounded.
 */
export async function readTraces(requests: TraceRequests, folder: string): Promise<TraceTable> {
  const table = new Map<string, ChurnTraceData | string>();
  let intervalsLeft: number = LIMITS.traceIntervals;
  for (const [key, { file, format }] of [...requests].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    try {
      const path = resolve(folder, file);
      const data = format.format === 'msr' ? await readMsrTrace(path, format, intervalsLeft) : await readChurnTrace(path, intervalsLeft);
      intervalsLeft -= data.startsSec.length;
      table.set(key, data);
    } catch (error) {
      table.set(key, error instanceof Error ? error.message : String(error));
    }
  }
  return table;
}
