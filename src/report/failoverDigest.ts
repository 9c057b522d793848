// failovers.csv per failover choice: the values of data loss and downtime in disaster order (for figures and
// the CDF), and the sum of each downtime component. Component columns are found by name (every *_s column
// that is not a time or a total), so a new component shows up without a change here.
import type { ReportContext } from './context.js';

const NOT_COMPONENTS = new Set(['disaster_time_s', 'recovery_point_time_s', 'data_loss_s', 'downtime_s']);

export interface ChoiceDigest {
  choice: string;
  /** Failovers (disaster × VM) of this choice, and those that had a recovery point. */
  total: number;
  available: number;
  dataLossSec: number[];
  dataLossBytes: number[];
  downtimeSec: number[];
  /** Sum of each downtime component over the failovers that had a downtime. */
  componentSums: Map<string, number>;
}

export async function failoverDigest(context: ReportContext): Promise<ChoiceDigest[]> {
  const byChoice = new Map<string, ChoiceDigest>();
  // Every row has the header's columns: the components are found once (at a million rows, per row was a second).
  let components: string[] | null = null;
  for await (const row of context.folder.rows('failovers.csv')) {
    components ??= Object.keys(row).filter((column) => column.endsWith('_s') && !NOT_COMPONENTS.has(column));
    const choice = row['choice'] ?? '';
    let digest = byChoice.get(choice);
    if (digest === undefined) {
      digest = { choice, total: 0, available: 0, dataLossSec: [], dataLossBytes: [], downtimeSec: [], componentSums: new Map() };
      byChoice.set(choice, digest);
    }
    digest.total++;
    if (row['recovery_point_time_s']) digest.available++;
    if (row['data_loss_s']) digest.dataLossSec.push(Number(row['data_loss_s']));
    if (row['data_loss_bytes']) digest.dataLossBytes.push(Number(row['data_loss_bytes']));
    if (!row['downtime_s']) continue;
    digest.downtimeSec.push(Number(row['downtime_s']));
    for (const column of components) {
      const value = row[column];
      if (value === undefined || value === '') continue;
      digest.componentSums.set(column, (digest.componentSums.get(column) ?? 0) + Number(value));
    }
  }
  return [...byChoice.values()];
}
