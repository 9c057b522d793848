import type { Environment } from '../engine/environment.js';
import type { TimeseriesSample } from '../metrics/types.js';
import type { Stream } from './fluid/stream.js';
import { PRIORITY } from './priorities.js';
import type { ReplicatedVm, Site } from './site.js';

/**
 * Samples every VM's RPO (the replication lag for a product that recovers its most recent data, AWS DRS), how far
 * back its points reach, and its queues, every intervalSec from 0 to the horizon (timeseries.csv): of whichever
 * leg replicates the VM at the time, with its direction when the scenario has a failover–failback cycle (none,
 * and no RPO, while the VM is unprotected between legs). Each sample goes to `sink` when one is given (then the
 * returned list stays empty), else into the returned list.
 */
export function sampleTimeseries(
  env: Environment,
  site: Site,
  intervalSec: number,
  horizonSec: number,
  sink?: (sample: TimeseriesSample) => void,
): TimeseriesSample[] {
  const samples: TimeseriesSample[] = [];
  if (intervalSec <= 0) return samples;
  const take = sink ?? ((sample: TimeseriesSample) => void samples.push(sample));
  const withDirection = site.reverse !== null || site.vms.some((vm) => vm.againStream !== null);
  // The failback leg's streams, looked up per sample (a list's includes made each sample O(VMs) per VM).
  const failbackStreams = new Set(site.reverse?.domain.streams ?? []);
  env.every(intervalSec, () => {
    const now = env.now;
    site.observeAll(now);
    for (const vm of site.vms) {
      const stream = activeStream(vm);
      const direction = stream === null ? '' : failbackStreams.has(stream) ? 'to-on-premises' : 'to-azure';
      take({
        timeSec: now,
        vm: vm.spec.name,
        ...(withDirection ? { direction } : {}),
        ...(stream === null ? UNPROTECTED : sampleOf(stream, now, vm.policy.rpoIsReplicationLag)),
      });
    }
  }, { startSec: 0, priority: PRIORITY.observe, untilSec: horizonSec });
  return samples;
}

const UNPROTECTED = { rpoSec: null, oldestPointAgeSec: null, sourceBacklogBytes: 0, psCacheBytes: 0, unuploadedBytes: 0, unprocessedBytes: 0 };

/** The stream the VM's writes go into now; a stream fed by snapshots instead is active until it stops. */
function activeStream(vm: ReplicatedVm): Stream | null {
  return vm.workload.target?.stream ?? (vm.stream.stoppedSec === null ? vm.stream : null);
}

function sampleOf(stream: Stream, now: number, rpoIsReplicationLag: boolean): Omit<TimeseriesSample, 'timeSec' | 'vm'> {
  const newest = stream.points.newest();
  const oldest = stream.points.oldestRetained(now);
  const lagSec = stream.initialReplicationDoneSec === null ? null : now - stream.uploadedSourceTime(now);
  const written = stream.writtenAt(now);
  const ingested = stream.ingestedAt(now);
  const uploaded = stream.uploadedAt(now);
  return {
    rpoSec: newest === null ? null : rpoIsReplicationLag ? lagSec : now - newest.sourceTimeSec,
    oldestPointAgeSec: oldest === null ? null : now - oldest.sourceTimeSec,
    sourceBacklogBytes: written - ingested,
    psCacheBytes: ingested - uploaded,
    unuploadedBytes: written - uploaded,
    unprocessedBytes: uploaded - stream.appliedAt(now),
    ...(stream.lagSteps === null ? {} : { lagSec }),
  };
}
