import type { Environment } from '../engine/environment.js';
import type { TimeseriesSample } from '../metrics/types.js';
import { PRIORITY } from './priorities.js';
import type { Site } from './site.js';

/** Samples every VM's RPO and queues every intervalSec from 0 to the horizon (timeseries.csv). */
export function sampleTimeseries(env: Environment, site: Site, intervalSec: number, horizonSec: number): TimeseriesSample[] {
  const samples: TimeseriesSample[] = [];
  if (intervalSec <= 0) return samples;
  env.every(intervalSec, () => {
    const now = env.now;
    site.advanceAll(now);
    for (const vm of site.vms) {
      const newest = vm.points.newest();
      samples.push({
        timeSec: now,
        vm: vm.spec.name,
        rpoSec: newest === null ? null : now - newest.sourceTimeSec,
        sourceBacklogBytes: vm.sourceBacklog,
        psCacheBytes: vm.cache,
        unuploadedBytes: vm.unuploaded,
        unprocessedBytes: vm.uploaded - vm.appliedAt(now),
        ...(vm.lagSteps === null ? {} : { lagSec: vm.initialReplicationDoneSec === null ? null : now - vm.uploadedSourceTime(now) }),
      });
    }
  }, { startSec: 0, priority: PRIORITY.observe, untilSec: horizonSec });
  return samples;
}
