// What every batch run (a sweep's or a comparison's) does around simulate(): its scenario parsed from raw input,
// or why it cannot run, and what a run threw. Both become one line of text: it lands in a CSV cell, and a stack
// would differ between machines and break byte-identical outputs.
import { formatIssues } from '../scenario/issues.js';
import { parseScenario } from '../scenario/parse.js';
import type { ChurnTraceData } from '../scenario/traceData.js';
import type { Scenario } from '../scenario/types.js';

/** The validated scenario, or its issues on one line. */
export function batchScenario(raw: unknown, source: string, traces: Map<string, ChurnTraceData | string>): Scenario | string {
  const parsed = parseScenario(raw, { source, traces });
  return parsed.ok ? parsed.scenario : formatIssues(parsed.errors).replace(/\n/g, '; ');
}

/** What a run threw: the error's name and message only. */
export const failureLine = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));
