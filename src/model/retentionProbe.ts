import type { Environment } from '../engine/environment.js';
import type { RetentionSummary } from '../metrics/types.js';
import { PRIORITY } from './priorities.js';
import type { Site } from './site.js';

/** How often retained history is sampled: enough to follow daily cycles, one event an hour for the whole site. */
export const RETENTION_SAMPLE_SEC = 3600;

interface Tally {
  samples: number;
  storageSum: number;
  storagePeak: number;
  ageSum: number;
  ageMin: number;
}

/**
 * Samples, on every multiple of an hour from the warm-up to the horizon, what each VM's retained recovery points
 * reach back to (the age of the oldest) and what holding them takes: the bytes the workload wrote since the
 * oldest point's source time, which is what a journal or undo log must keep to return to it (overwrites are not
 * coalesced). A VM counts only while it has a point and its replication runs. An observer: it settles the tags
 * due by the instant, as every observer does, and reads the stores without changing them.
 */
export class RetentionProbe {
  private readonly tallies: Tally[];

  constructor(env: Environment, site: Site, warmupSec: number, horizonSec: number) {
    this.tallies = site.vms.map(() => ({ samples: 0, storageSum: 0, storagePeak: 0, ageSum: 0, ageMin: Infinity }));
    const startSec = Math.ceil(warmupSec / RETENTION_SAMPLE_SEC) * RETENTION_SAMPLE_SEC;
    env.every(
      RETENTION_SAMPLE_SEC,
      () => {
        const now = env.now;
        for (const { index, stream } of site.vms) {
          if (stream.stoppedSec !== null && now >= stream.stoppedSec) continue;
          stream.observe(now);
          const oldest = stream.points.oldestRetained(now);
          if (oldest === null) continue;
          const tally = this.tallies[index]!;
          const storage = Math.max(0, stream.workloadWrittenAt(now) - oldest.workloadBytes);
          const age = now - oldest.sourceTimeSec;
          tally.samples++;
          tally.storageSum += storage;
          tally.storagePeak = Math.max(tally.storagePeak, storage);
          tally.ageSum += age;
          tally.ageMin = Math.min(tally.ageMin, age);
        }
      },
      { startSec, priority: PRIORITY.observe, untilSec: horizonSec },
    );
  }

  summary(vmIndex: number): RetentionSummary {
    const { samples, storageSum, storagePeak, ageSum, ageMin } = this.tallies[vmIndex]!;
    const sampled = samples > 0;
    return {
      intervalSec: RETENTION_SAMPLE_SEC,
      samples,
      storageMeanBytes: sampled ? storageSum / samples : null,
      storagePeakBytes: sampled ? storagePeak : null,
      oldestPointAgeMeanSec: sampled ? ageSum / samples : null,
      oldestPointAgeMinSec: sampled ? ageMin : null,
    };
  }
}
