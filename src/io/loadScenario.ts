// Reads a scenario file (YAML or JSON: the YAML parser reads both), the churn traces it names, and
// validates it; every issue comes back with the file's line and column when they can be found.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseScenario, type ParseScenarioResult } from '../scenario/parse.js';
import { ScenarioError } from '../scenario/scenarioError.js';
import { traceFormatOf } from '../scenario/churnSchema.js';
import { traceKey, type ChurnTraceData, type TraceFormat } from '../scenario/traceData.js';
import type { Scenario } from '../scenario/types.js';
import { parseDuration, parseSize } from '../scenario/units.js';
import { readScenarioText } from '../scenario/yamlScenario.js';
import { readChurnTrace } from './readChurnTrace.js';
import { readMsrTrace } from './readMsrTrace.js';

const listAt = (value: unknown): any[] => (Array.isArray(value) ? value : []);

/**
 * The traces named by the churn of vmDefaults, every VM and their disks, and by the uplinks' background traffic,
 * with their reading options computed as the schema will (traceFormatOf), so that both agree on the table key.
 * Malformed entries are the parser's to report.
 */
function traceRequests(raw: unknown): Map<string, { file: string; format: TraceFormat }> {
  const doc = (raw ?? {}) as { vmDefaults?: unknown; vms?: unknown; uplinks?: unknown };
  const machines = [doc.vmDefaults, ...listAt(doc.vms)];
  const churnLists = [
    ...machines.flatMap((vm) => [vm?.churn, ...listAt(vm?.disks).map((disk) => disk?.churn)]),
    ...listAt(doc.uplinks).map((uplink) => uplink?.background?.priority),
  ];
  const requests = new Map<string, { file: string; format: TraceFormat }>();
  for (const item of churnLists.filter(Array.isArray).flat()) {
    const t = item?.trace;
    if (typeof t?.file !== 'string') continue;
    const unit = (parsed: ReturnType<typeof parseDuration>, fallback: number) => (parsed.ok ? parsed.value : fallback);
    const format = traceFormatOf({
      format: t.format === 'msr' ? 'msr' : 'csv',
      interval: t.interval === undefined ? 60 : unit(parseDuration(t.interval), 60),
      uniqueBlocks: t.uniqueBlocks === true,
      blockSize: t.blockSize === undefined ? 4096 : unit(parseSize(t.blockSize), 4096),
      host: typeof t.host === 'string' ? t.host.trim() : undefined,
      disk: typeof t.disk === 'number' ? t.disk : undefined,
    });
    requests.set(traceKey(t.file, format), { file: t.file, format });
  }
  return requests;
}

async function readTraces(requests: Map<string, { file: string; format: TraceFormat }>, folder: string): Promise<Map<string, ChurnTraceData | string>> {
  const entries = await Promise.all(
    [...requests].map(async ([key, { file, format }]): Promise<[string, ChurnTraceData | string]> => {
      try {
        const path = resolve(folder, file);
        return [key, format.format === 'msr' ? await readMsrTrace(path, format) : await readChurnTrace(path)];
      } catch (err) {
        return [key, err instanceof Error ? err.message : String(err)];
      }
    }),
  );
  return new Map(entries);
}

export async function loadScenarioFile(path: string): Promise<ParseScenarioResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    return {
      ok: false,
      errors: [{ source: path, path: '', expected: 'a readable scenario file (.yaml, .yml or .json)', found: code }],
    };
  }
  const read = readScenarioText(text, path);
  if (!read.ok) return read;
  const traces = await readTraces(traceRequests(read.raw), dirname(path));
  const result = parseScenario(read.raw, { source: path, traces });
  return result.ok ? result : { ok: false, errors: read.locate(result.errors) };
}

/** The library's loadScenario: the scenario in a file, or a ScenarioError listing every problem. */
export async function loadScenario(path: string): Promise<Scenario> {
  const result = await loadScenarioFile(path);
  if (!result.ok) throw new ScenarioError(result.errors);
  return result.scenario;
}
