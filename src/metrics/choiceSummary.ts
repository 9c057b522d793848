import type { FailoverTable } from './failoverTable.js';
import { sampleStats } from './sampleStats.js';
import type { ChoiceSummary } from './types.js';

/**
 * One VM's distribution of data loss and downtime over the disasters, for each choice variant of the table in
 * its order (clean once per dwell time), read straight from the table's columns.
 * NOTE: making each failover a record first, to filter the records by choice, allocated 160 MB at the end of a
 * 1,000-VM run (100 disasters × 5 choices: 300 bytes a failover).
 */
export function vmChoiceSummaries(table: FailoverTable, vmIndex: number): ChoiceSummary[] {
  const variantCount = table.variants.length;
  const perDisaster = table.vms.length * variantCount;
  return table.variants.map(({ choice, dwellSec }, variantIndex) => {
    const dataLossSec: number[] = [];
    const dataLossBytes: number[] = [];
    const downtimeSec: number[] = [];
    let evaluated = 0;
    // Disaster by disaster: the order sampleStats' batch means need.
    for (let k = vmIndex * variantCount + variantIndex; k < table.length; k += perDisaster) {
      evaluated++;
      // A failover without a recovery point has NaN in its columns (null in its record).
      if (Number.isNaN(table.recoveryPointTimeSec[k]!)) continue;
      dataLossSec.push(table.dataLossSec[k]!);
      dataLossBytes.push(table.dataLossBytes[k]!);
      downtimeSec.push(table.downtimeSec[k]!);
    }
    return {
      choice,
      ...(dwellSec === null ? {} : { dwellSec }),
      available: dataLossSec.length,
      unavailable: evaluated - dataLossSec.length,
      dataLossSec: sampleStats(dataLossSec),
      dataLossBytes: sampleStats(dataLossBytes),
      downtimeSec: sampleStats(downtimeSec),
    };
  });
}
