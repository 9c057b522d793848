import { parseScenario } from '../scenario/parse.js';
import type { Scenario } from '../scenario/types.js';
import type { ChurnTraceData } from '../scenario/traceData.js';

/**
 * `plan trace.csv`: one VM replicating the trace (not looped) over a dedicated uplink with every other
 * setting at its default; the run covers the trace exactly, with no warm-up (a trace starts from a
 * protected, empty pipeline).
 */
export function traceScenario(file: string, trace: ChurnTraceData, usedDiskBytes: number): Scenario {
  const n = trace.startsSec.length;
  const lengthSec = trace.startsSec[n - 1]! + (trace.startsSec[n - 1]! - trace.startsSec[n - 2]!);
  const raw = {
    name: file.replace(/^.*[\\/]/, '').replace(/\.csv$/i, ''),
    horizon: `${lengthSec}s`,
    warmup: '0s',
    uplinks: [{ name: 'wan', bandwidth: '100 Mbps' }],
    processServers: [{ name: 'ps', uplink: 'wan' }],
    vms: [{ name: 'vm', processServer: 'ps', usedDisk: `${usedDiskBytes} B`, churn: [{ trace: { file, loop: false } }] }],
  };
  const parsed = parseScenario(raw, { source: file, traces: new Map([[file, trace]]) });
  if (!parsed.ok) throw new Error(`cannot build a scenario from ${file}: ${JSON.stringify(parsed.errors[0])}`);
  return parsed.scenario;
}
