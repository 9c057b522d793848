import { expect, it } from 'vitest';
import { createStream } from '../../src/engine/random.js';
import type { FailoverRecord } from '../../src/metrics/types.js';
import { cyclePhases } from '../../src/model/cycle/cyclePhases.js';
import { fairShareFinishSec } from '../../src/model/fairShare.js';
import type { CycleSpec } from '../../src/scenario/types.js';
import { scenarioFixture, vmFixture } from '../helpers/scenarioFixture.js';

const fixed = (value: number) => ({ kind: 'fixed' as const, value });

it('fairShareFinishSec(transfers) halves the rate while two transfers overlap', () => {
  // 100 B/s link. A: 1000 B from 0; B: 500 B from 5. A alone 0–5 (500 B left); both at 50 B/s: B ends at 15,
  // A has 0 left at 15 too (500 − 10·50 = 0).
  expect(fairShareFinishSec([{ startSec: 0, bytes: 1000 }, { startSec: 5, bytes: 500 }], 100)).toEqual([15, 15]);
  expect(fairShareFinishSec([{ startSec: 3, bytes: 0 }], 100)).toEqual([3]);
});

it('cyclePhases: a differential reprotect of X GB over a Y Mbps link takes X·8/Y seconds plus the fixed cost', () => {
  const day = 86_400;
  const scenario = scenarioFixture({ vms: [vmFixture({ name: 'vm1' }, [{ kind: 'constant', rateBytesPerSec: 1e6 }])] });
  const cycle: CycleSpec = {
    failoverAtSec: day,
    choice: 'latest-processed',
    shutdownFirst: false,
    outcome: 'commit',
    commitAfterSec: 0,
    reprotect: {
      afterSec: 0,
      link: { kind: 'vpn', bandwidthBytesPerSec: 100e6 / 8 },
      processServer: 'azure',
      masterTarget: 'mt1',
      location: 'original',
      fixedSec: fixed(600),
    },
    failbackAtSec: null,
    failbackChoice: 'latest',
    failbackSyncLagSec: fixed(0),
    failbackProcessingDelaySec: 300,
    reprotectOnPremises: null,
  };
  const record = { vm: 'vm1', choice: 'latest-processed', downtimeSec: 900, detectionSec: 0, dataLossSec: 300, dataLossBytes: 0.3e9, jobSec: 600, shutdownSec: 0, bootSec: 300, note: '' } as FailoverRecord;
  const phases = cyclePhases(scenario, cycle, new Map([['vm1', record]]), (label) => createStream(1, label));
  const reprotect = phases.find((p) => p.phase === 'reprotect-to-on-premises')!;
  // Failover ends at 86 400 + 900. The copy starts after the 600 s fixed cost; by then the VM has written
  // 1 MB/s × 600 s = 0.6 GB in Azure, plus the 0.3 GB lost at failover that must be overwritten: X = 0.9 GB.
  // Over Y = 100 Mbps: 0.9e9 B × 8 / 100e6 bit/s = 72 s. Phase: 600 + 72 = 672 s.
  expect(reprotect.startSec).toBe(day + 900);
  expect(reprotect.bytesTransferred).toBeCloseTo(0.9e9, 0);
  expect(reprotect.durationSec).toBeCloseTo(672, 6);
  expect(phases.at(-1)).toMatchObject({ phase: 'protected-in-azure', protected: true, endSec: scenario.horizonSec });
});
