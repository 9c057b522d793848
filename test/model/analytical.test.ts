import { failoverRecords } from '../../src/metrics/failoverTable.js';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulate.js';
import { scenarioFixture, vmFixture } from '../helpers/scenarioFixture.js';

// Closed forms from domain.md §6 that the model must reproduce exactly (deterministic scenarios: no tolerance
// beyond floating-point rounding). The stochastic checks live in test/validation/.
const MB = 1e6;

describe('periodic recovery points with processing delay D', () => {
  it('give an RPO uniform on [D, T + D): mean D + T/2, p95 D + 0.95 T, max T + D', () => {
    const T = 300;
    const D = 120;
    const scenario = scenarioFixture({
      horizonSec: 86_400,
      warmupSec: 3600,
      cloud: { processingDelaySec: D },
      vms: [vmFixture({}, [{ kind: 'constant', rateBytesPerSec: 2 * MB }])],
      disasters: { timesSec: [], randomCount: 0 },
    });
    const { rpo } = simulate(scenario).vms[0]!;
    expect(rpo.mean).toBeCloseTo(D + T / 2, 6);
    expect(rpo.p50).toBeCloseTo(D + T / 2, 6);
    expect(rpo.p95).toBeCloseTo(D + 0.95 * T, 6);
    expect(rpo.max).toBeCloseTo(T + D, 6);
    expect(rpo.fractionWithinThreshold).toBe(1);
  });
});

describe('an uplink outage with constant churn r and bandwidth c > r', () => {
  // Outage [s, s + L]: at its end the backlog is r·L and the oldest byte not in Azure was written at s. While it
  // drains, x seconds later, uploaded bytes reach r·s + c·x, written at s + c·x / r, so the replication lag is
  // L + x − c·x / r, the backlog r·L − (c − r)·x, and both reach 0 at x = r·L / (c − r).
  const r = 2 * MB;
  const c = 5 * MB;
  const s = 10 * 3600;
  const L = 2 * 3600;
  const drainSec = (r * L) / (c - r);
  const probes = [s + L / 2, s + L, s + L + drainSec / 4, s + L + drainSec / 2, s + L + drainSec + 600];
  const scenario = scenarioFixture({
    horizonSec: 86_400,
    warmupSec: 0,
    uplinks: [{ name: 'wan', bandwidthBytesPerSec: c, outages: { windows: [{ startSec: s, durationSec: L }], random: null } }],
    vms: [vmFixture({}, [{ kind: 'constant', rateBytesPerSec: r }])],
    disasters: { timesSec: probes, randomCount: 0 },
    failover: { ...scenarioFixture().failover, choices: ['latest'] },
  });
  const latest = failoverRecords(simulate(scenario).failovers);

  it('loses what was written since the outage began, while it lasts', () => {
    const [during, atEnd] = latest;
    expect(during!.dataLossSec).toBeCloseTo(L / 2, 6);
    expect(during!.dataLossBytes! / (r * (L / 2))).toBeCloseTo(1, 9);
    expect(atEnd!.dataLossSec).toBeCloseTo(L, 6);
    expect(atEnd!.dataLossBytes! / (r * L)).toBeCloseTo(1, 9);
  });

  it('drains the backlog at c − r, the lag shrinking as L + x − c·x / r', () => {
    for (const fraction of [1 / 4, 1 / 2]) {
      const x = drainSec * fraction;
      const record = latest.find((f) => Math.abs(f.disasterTimeSec - (s + L + x)) < 1e-6)!;
      expect(record.dataLossSec).toBeCloseTo(L + x - (c * x) / r, 6);
      expect(record.dataLossBytes! / (r * L - (c - r) * x)).toBeCloseTo(1, 9);
    }
    const after = latest[latest.length - 1]!;
    expect(after.dataLossSec).toBeCloseTo(0, 6);
    expect(after.dataLossBytes).toBeCloseTo(0, 0);
  });
});
