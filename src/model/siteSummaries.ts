import { lagSummary } from '../metrics/lagSummary.js';
import type { ChoiceSummary, ProcessServerSummary, RetentionSummary, UplinkSummary, VmSummary } from '../metrics/types.js';
import type { Scenario } from '../scenario/types.js';
import type { ProcessServer } from './processServer.js';
import type { ReplicationDomain } from './replicationDomain.js';
import type { ReplicatedVm } from './site.js';

/**
 * What a VM's replication came to over the run: RPO, alerts, points and their history, peaks, bytes, and its
 * failovers. A stream stopped by a failover is observed until it stopped: after that there is no RPO to speak of.
 * A product that recovers its most recent data at any instant (AWS DRS) has the replication lag as its RPO.
 */
export function vmSummary({ spec, stream, policy }: ReplicatedVm, scenario: Scenario, failover: ChoiceSummary[], retention: RetentionSummary): VmSummary {
  const { horizonSec, warmupSec } = scenario;
  const endSec = stream.stoppedSec ?? horizonSec;
  const lag = stream.lagSteps === null ? null : lagSummary(stream.lagSteps, warmupSec, endSec, scenario.policy.rpoThresholdSec, scenario.alerts.rpoAlertAfterSec, stream.rpo.keepsDailyPeaks);
  const { rpo, alerts } = policy.rpoIsReplicationLag && lag !== null ? { rpo: lag.lag, alerts: lag.alerts } : stream.rpo.summary(endSec);
  return {
    name: spec.name,
    processServer: spec.processServer,
    initialReplicationDoneSec: stream.initialReplicationDoneSec,
    firstRecoveryPointSec: stream.firstPointSec,
    rpo,
    rpoAlerts: alerts,
    ...(lag === null ? {} : { lag: lag.lag, lagAlerts: lag.alerts }),
    recoveryPointsCreated: stream.points.created,
    recoveryPointsRetainedAtEnd: stream.points.retainedCount(horizonSec),
    retention,
    peakCacheBytes: stream.peakCache,
    peakSourceBacklogBytes: stream.peakSourceBacklog,
    peakUnuploadedBytes: stream.peakUnuploaded,
    throttledSec: stream.throttledSec,
    bytesWritten: stream.writtenAt(horizonSec),
    bytesUploaded: stream.uploadedAt(horizonSec),
    bytesProcessed: stream.appliedAt(horizonSec),
    failover,
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
    ...(domain.spec.background === undefined ? {} : { backgroundBytes: domain.backgroundBytes }),
  };
}
