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

/** Findings printed per rule and severity; the rest are counted (a site of thousands of VMs breaks one rule thousands of times). */
export const LINES_PER_RULE = 10;

/**
 * The findings as terminal lines: "compatibility error: vm sql, disk data: ...", at most LINES_PER_RULE of each
 * rule and severity, then one line counting the rest of that rule ("... and 90 more of rule disk-churn").
 */
export function formatFindings(findings: readonly CompatibilityFinding[]): string[] {
  const seen = new Map<string, { severity: string; rule: string; count: number }>();
  const lines: string[] = [];
  for (const f of findings) {
    const key = `${f.severity} ${f.rule}`;
    const group = seen.get(key) ?? { severity: f.severity, rule: f.rule, count: 0 };
    seen.set(key, group);
    if (group.count++ >= LINES_PER_RULE) continue;
    const where = f.vm === '' ? `process server ${f.processServer}` : `vm ${f.vm}${f.disk === '' ? '' : `, disk ${f.disk}`}`;
    lines.push(`compatibility ${f.severity}: ${where}: ${f.message}`);
  }
  for (const { severity, rule, count } of seen.values()) {
    if (count > LINES_PER_RULE) lines.push(`compatibility ${severity}: ... and ${count - LINES_PER_RULE} more of rule ${rule} (every finding is in the run's compatibility.csv)`);
  }
  return lines;
}
