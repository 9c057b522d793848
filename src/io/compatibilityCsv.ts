import type { CompatibilityFinding } from '../scenario/compatibility.js';
import type { CsvTable } from './csvCells.js';

export const COMPATIBILITY_COLUMNS = ['severity', 'rule', 'process_server', 'vm', 'disk', 'value', 'limit', 'unit', 'message'] as const;

// Rates and sizes in whole bytes (per second or per day), counts as they are.
const cell = (value: number) => String(Math.round(value));

/** compatibility.csv: one row per finding (header only when ASR would accept the design as it is). */
export const compatibilityTable: CsvTable<CompatibilityFinding> = {
  columns: COMPATIBILITY_COLUMNS,
  row: (f) => [f.severity, f.rule, f.processServer, f.vm, f.disk, cell(f.value), cell(f.limit), f.unit, f.message],
};


/** The findings as terminal lines: "compatibility error: vm sql, disk data: ...". */
export function formatFindings(findings: readonly CompatibilityFinding[]): string[] {
  return findings.map((f) => {
    const where = f.vm === '' ? `process server ${f.processServer}` : `vm ${f.vm}${f.disk === '' ? '' : `, disk ${f.disk}`}`;
    return `compatibility ${f.severity}: ${where}: ${f.message}`;
  });
}
