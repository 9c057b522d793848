import type { Environment } from '../../engine/environment.js';
import type { AsrPolicySpec, CycleSpec, ProcessServerSpec, Scenario, UplinkSpec } from '../../scenario/types.js';
import { LevelClock } from '../fluid/levelClock.js';
import { Stream } from '../fluid/stream.js';
import { asrPolicy } from '../policies/asr.js';
import type { PointPolicy } from '../policies/pointPolicy.js';
import { ProcessServer } from '../processServer.js';
import { ReplicationDomain, type SharedReceiver, type StreamPath } from '../replicationDomain.js';

/** The fixed policy of failback replication (domain.md §4): not configurable in ASR. */
export const FAILBACK_POLICY: AsrPolicySpec = {
  kind: 'asr',
  crashConsistentIntervalSec: 5 * 60,
  appConsistentIntervalSec: 60 * 60,
  retentionSec: 24 * 3600,
  rpoThresholdSec: 15 * 60,
};

/** The replication leg from Azure back to on-premises: its own domain on the failback link, one stream per VM. */
export interface ReverseLeg {
  domain: ReplicationDomain;
  streamOf: ReadonlyMap<string, Stream>;
  policy: PointPolicy;
}

const NO_OUTAGES = { windows: [], random: null };

/**
 * Builds the reverse leg from the same parts as the forward one: a sender (classic: a process server in Azure, or
 * the on-premises process servers over ExpressRoute; modernized: none, the Azure VMs send straight to the link),
 * the failback link, and a receiver that processes for all VMs with one throughput (classic: the master targets;
 * modernized: the on-premises appliance). Its streams start only when the cycle reprotects each VM.
 */
export function reverseLeg(env: Environment, scenario: Scenario, cycle: CycleSpec, forwardServers: readonly ProcessServer[], measureLag: boolean): ReverseLeg {
  const reprotect = cycle.reprotect!;
  const link: UplinkSpec = { name: 'failback link', bandwidthBytesPerSec: reprotect.link.bandwidthBytesPerSec, outages: reprotect.link.outages };
  const policy = asrPolicy(FAILBACK_POLICY);
  const settings = { processingDelaySec: cycle.failbackProcessingDelaySec, policy, warmupSec: scenario.warmupSec, rpoAlertAfterSec: scenario.alerts.rpoAlertAfterSec, measureLag, dailyPeaks: false };
  const alertAfter = scenario.alerts.processServerAlertAfterSec;
  const sender = (spec: Omit<ProcessServerSpec, 'uplink' | 'outages'>) => new ProcessServer({ ...spec, uplink: link.name, outages: NO_OUTAGES }, scenario.warmupSec, alertAfter);

  // Senders, and the one each VM's stream goes through.
  const senderOfVm = new Map<string, ProcessServer>();
  const senders: ProcessServer[] = [];
  if (cycle.architecture === 'classic' && reprotect.processServer === 'on-premises') {
    // Over ExpressRoute the on-premises process servers may receive failback data: each VM's own, as a sender here.
    for (const server of forwardServers) {
      const copy = sender({ ...server.spec, name: `${server.spec.name} (failback)` });
      senders.push(copy);
      for (const vm of scenario.vms) if (vm.processServer === server.spec.name) senderOfVm.set(vm.name, copy);
    }
  } else {
    const spec = forwardServers[0]!.spec;
    const single =
      cycle.architecture === 'classic'
        ? sender({ ...spec, name: 'process server in Azure', throughputBytesPerSec: reprotect.azureProcessServer.throughputBytesPerSec, cacheBytes: reprotect.azureProcessServer.cacheBytes, compressionRatio: 1 })
        : // Modernized: nothing between the Azure VMs and the link (no limit of its own, no cache to fill).
          sender({ ...spec, name: 'Azure VMs', throughputBytesPerSec: Infinity, cacheBytes: Infinity, compressionRatio: 1 });
    senders.push(single);
    for (const vm of scenario.vms) senderOfVm.set(vm.name, single);
  }

  // Receivers: the master targets the VMs use (classic), or the appliance (modernized).
  const receivers: SharedReceiver[] = [];
  const receiverOfVm = new Map<string, number>();
  if (cycle.architecture === 'classic') {
    for (const vm of scenario.vms) {
      const name = vm.masterTarget ?? reprotect.masterTarget;
      let index = receivers.findIndex((r) => r.name === name);
      if (index < 0) {
        const target = scenario.masterTargets.find((t) => t.name === name)!;
        index = receivers.push({ name, throughputBytesPerSec: target.throughputBytesPerSec }) - 1;
      }
      receiverOfVm.set(vm.name, index);
    }
  } else {
    receivers.push({ name: 'replication appliance', throughputBytesPerSec: reprotect.appliance.throughputBytesPerSec });
    for (const vm of scenario.vms) receiverOfVm.set(vm.name, 0);
  }

  const clock = new LevelClock();
  const paths: StreamPath[] = [];
  const streamOf = new Map<string, Stream>();
  for (const server of senders) {
    for (const vm of scenario.vms) {
      if (senderOfVm.get(vm.name) !== server) continue;
      const stream = new Stream(paths.length, settings, clock);
      server.addStream(stream, vm.disks, 0, true);
      // Applied at the receiver's pace only: the Azure apply rate does not apply on-premises.
      paths.push({ stream, server, maxReplicationBytesPerSec: vm.maxReplicationBytesPerSec, applyRateBytesPerSec: Infinity, receiver: receiverOfVm.get(vm.name)! });
      streamOf.set(vm.name, stream);
    }
    server.seal(clock);
  }
  const domain = new ReplicationDomain(env, link, senders, paths, clock, receivers);
  return { domain, streamOf, policy };
}
