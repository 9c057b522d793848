import { choiceSummary } from '../metrics/choiceSummary.js';
import { lagSummary } from '../metrics/lagSummary.js';
import { rpoSummary } from '../metrics/rpoSummary.js';
import type { FailoverRecord, ProcessServerSummary, UplinkSummary, VmSummary } from '../metrics/types.js';
import type { Scenario } from '../scenario/types.js';
import type { ProcessServer } from './processServer.js';
import type { ReplicationDomain } from './replicationDomain.js';
import type { VmReplication } from './vmReplication.js';

/** What a VM's replication came to over the run: RPO, alerts, points, peaks, bytes, and its failovers. */
export function vmSummary(vm: VmReplication, scenario: Scenario, failovers: FailoverRecord[]): VmSummary {
  const { rpo, alerts } = rpoSummary(vm.rpoSteps, scenario.warmupSec, scenario.horizonSec, scenario.policy.rpoThresholdSec);
  const lag = vm.lagSteps === null ? null : lagSummary(vm.lagSteps, scenario.warmupSec, scenario.horizonSec, scenario.policy.rpoThresholdSec);
  return {
    name: vm.spec.name,
    processServer: vm.spec.processServer,
    initialReplicationDoneSec: vm.initialReplicationDoneSec,
    firstRecoveryPointSec: vm.firstPointSec,
    rpo,
    rpoAlerts: alerts,
    ...(lag === null ? {} : { lag: lag.lag, lagAlerts: lag.alerts }),
    recoveryPointsCreated: vm.points.created,
    recoveryPointsRetainedAtEnd: vm.points.retainedAt(scenario.horizonSec).length,
    peakCacheBytes: vm.peakCache,
    peakSourceBacklogBytes: vm.peakSourceBacklog,
    peakUnuploadedBytes: vm.peakUnuploaded,
    throttledSec: vm.throttledSec,
    bytesWritten: vm.written,
    bytesUploaded: vm.uploaded,
    bytesProcessed: vm.appliedAt(scenario.horizonSec),
    failover: scenario.failover.choices.map((choice) => choiceSummary(choice, failovers)),
  };
}

export function processServerSummary(server: ProcessServer): ProcessServerSummary {
  return {
    name: server.spec.name,
    peakCacheBytes: server.peakCacheBytes,
    peakCacheFraction: server.peakCacheBytes / server.spec.cacheBytes,
    throttle: server.throttleTracker.summary(),
    cacheWarning: server.cacheWarning.summary(),
    cacheCritical: server.cacheCritical.summary(),
    pendingUploadWarning: server.pendingWarning.summary(),
    pendingUploadCritical: server.pendingCritical.summary(),
    downSec: server.availability.downSec,
  };
}

export function uplinkSummary(domain: ReplicationDomain, horizonSec: number): UplinkSummary {
  const upSec = horizonSec - domain.availability.downSec;
  return {
    name: domain.spec.name,
    downSec: domain.availability.downSec,
    outages: domain.availability.outages,
    utilisation: upSec > 0 ? domain.wireBytesSent / (domain.spec.bandwidthBytesPerSec * upSec) : 0,
  };
}
