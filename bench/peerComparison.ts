import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { simulate } from '../src/simulate.js';
import { cpuSeconds } from './measure.js';
import { peerSite, peerWorkload } from './peerSite.js';

const PEER = fileURLToPath(new URL('../../bench/peer/peer_model.py', import.meta.url));

/**
 * How closely the two models must agree. Both are exact (a piecewise-linear fluid, no time step), so they may
 * differ only by floating-point rounding of byte counts near 10^11, far below a microsecond of RPO; 1 ms and
 * 10^-6 leave room for the peer's different order of operations, and still catch any modelling difference:
 * one tag missed or one hour of churn misplaced moves an RPO by seconds to minutes.
 */
export const TOLERANCE = { meanSec: 1e-3, maxSec: 1e-3, fractionWithinThreshold: 1e-6 };

export interface PeerComparison {
  vms: number;
  days: number;
  /** Fastest run once warm (rposim) or of the repeats (Python), CPU seconds of the simulation alone (no start-up, no parsing). */
  rposimCpuSec: number;
  /** How many times rposim ran before its code was warm (see comparePeer). */
  rposimRuns: number;
  peerCpuSec: number;
  /** rposim's first run in its process, which also compiles the code (the JIT): what a one-off run costs. */
  rposimFirstCpuSec: number;
  /** Largest differences over the VMs, and the VMs outside the tolerance. */
  maxDiff: { meanSec: number; maxSec: number; fractionWithinThreshold: number };
  disagreeing: number;
  /** Means over the VMs of the peer's figures, to show the workload is not trivial. */
  meanRpoSec: number;
  meanWithinThreshold: number;
  /** The largest upload rate the peer gave a VM; the peer leaves out the apply rate, which must be above it. */
  peerMaxUploadBytesPerSec: number;
  minApplyRateBytesPerSec: number;
  /** Whether rposim's process servers ever held data back (a source backlog or throttling): the peer has none. */
  processServerBinding: boolean;
}

interface PeerResult {
  cpuSeconds: number;
  maxUploadBytesPerSec: number;
  rpo: { mean: number; max: number; withinThreshold: number }[];
}

const WARM_PLATEAU = 3;
const MAX_RPOSIM_RUNS = 15;

/** Runs rposim (until warm) and bench/peer/peer_model.py (`repeats` times) on peerSite(vms, days), and compares. */
export function comparePeer(vms: number, days: number, repeats: number, python = 'python3'): PeerComparison {
  const scenario = peerSite(vms, days);
  const workload = JSON.stringify(peerWorkload(scenario));
  let rposimCpuSec = Infinity;
  let rposimFirstCpuSec = NaN;
  let peerCpuSec = Infinity;
  let rposimRuns = 0;
  let rposim = null;
  let peer: PeerResult | null = null;
  // rposim until its code is warm: V8 keeps optimising a short run's functions for several runs (a 100-VM week
  // takes 1.1 s, then 0.3, 0.16 … 0.08 s), so it runs until WARM_PLATEAU runs in a row are no faster than its
  // fastest (at most MAX_RPOSIM_RUNS). The Python model has no JIT: its fastest of `repeats` is its speed.
  let slower = 0;
  for (let r = 0; r < MAX_RPOSIM_RUNS && slower < WARM_PLATEAU; r++) {
    const run = cpuSeconds(() => simulate(scenario, { seed: 1 }));
    if (r === 0) rposimFirstCpuSec = run.seconds;
    slower = run.seconds < rposimCpuSec ? 0 : slower + 1;
    rposimCpuSec = Math.min(rposimCpuSec, run.seconds);
    rposimRuns = r + 1;
    rposim = run.result;
  }
  for (let r = 0; r < repeats; r++) {
    const child = spawnSync(python, [PEER], { input: workload, maxBuffer: 256 * 1024 * 1024 });
    if (child.status !== 0) throw new Error(`${python} ${PEER} exited with ${child.status ?? child.error?.message}: ${child.stderr}`);
    peer = JSON.parse(child.stdout.toString()) as PeerResult;
    peerCpuSec = Math.min(peerCpuSec, peer.cpuSeconds);
  }
  const maxDiff = { meanSec: 0, maxSec: 0, fractionWithinThreshold: 0 };
  let disagreeing = 0;
  rposim!.vms.forEach((vm, i) => {
    const theirs = peer!.rpo[i]!;
    const diff = {
      meanSec: Math.abs((vm.rpo.mean ?? NaN) - theirs.mean),
      maxSec: Math.abs((vm.rpo.max ?? NaN) - theirs.max),
      fractionWithinThreshold: Math.abs((vm.rpo.fractionWithinThreshold ?? NaN) - theirs.withinThreshold),
    };
    // NaN (a VM without RPO figures) fails every comparison below, so it counts as disagreeing.
    if (!(diff.meanSec <= TOLERANCE.meanSec && diff.maxSec <= TOLERANCE.maxSec && diff.fractionWithinThreshold <= TOLERANCE.fractionWithinThreshold)) {
      disagreeing++;
    }
    for (const key of ['meanSec', 'maxSec', 'fractionWithinThreshold'] as const) maxDiff[key] = Math.max(maxDiff[key], diff[key]);
  });
  const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
  return {
    vms,
    days,
    rposimCpuSec,
    rposimRuns,
    peerCpuSec,
    rposimFirstCpuSec,
    maxDiff,
    disagreeing,
    meanRpoSec: mean(peer!.rpo.map((r) => r.mean)),
    meanWithinThreshold: mean(peer!.rpo.map((r) => r.withinThreshold)),
    peerMaxUploadBytesPerSec: peer!.maxUploadBytesPerSec,
    minApplyRateBytesPerSec: Math.min(...scenario.vms.map((vm) => vm.applyRateBytesPerSec)),
    processServerBinding: rposim!.vms.some((vm) => vm.peakSourceBacklogBytes > 0 || vm.throttledSec > 0),
  };
}
