import type { Environment } from '../engine/environment.js';
import type { TimeseriesSample } from '../metrics/types.js';
import { PRIORITY } from './priorities.js';
import type { Site } from './site.js';

/**
 * Samples every VM's RPO (the replication lag for a product that recovers its most recent data, AWS DRS), how far
 * back its points reach, and its queues, every intervalSec from 0 to the horizon (timeseries.csv).
 */
export function sampleTimeseries(env: Environment, site: Site, intervalSec: number, horizonSec: number): TimeseriesSample[] {
  const samples: TimeseriesSample[] = [];
  if (intervalSec <= 0) return samples;
  env.every(intervalSec, () => {
    const now = env.now;
    site.observeAll(now);
    for (const { spec, stream, policy } of site.vms) {
      const newest = stream.points.newest();
      const lagSec = stream.initialReplicationDoneSec === null ? null : now - stream.uploadedSourceTime(now);
      const oldest = stream.points.oldestRetained(now);
      const written = stream.writtenAt(now);
      const ingested = stream.ingestedAt(now);
      const uploaded = stream.uploadedAt(now);
      samples.push({
        timeSec: now,
        vm: spec.name,
        rpoSec: newest === null ? null : policy.rpoIsReplicationLag ? lagSec : now - newest.sourceTimeSec,
        oldestPointAgeSec: oldest === null ? null : now - oldest.sourceTimeSec,
        sourceBacklogBytes: written - ingested,
        psCacheBytes: ingested - uploaded,
        unuploadedBytes: written - uploaded,
        unprocessedBytes: uploaded - stream.appliedAt(now),
        ...(stream.lagSteps === null ? {} : { lagSec }),
      });
    }
  }, { startSec: 0, priority: PRIORITY.observe, untilSec: horizonSec });
  return samples;
}
