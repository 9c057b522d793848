import { parseScenario } from '../src/scenario/parse.js';
import type { Scenario } from '../src/scenario/types.js';

/**
 * A large site for benchmarks, written as a user would (the scenario file's own fields, with units):
 * `vmCount` VMs, 100 per process server, two process servers per 1 Gbps uplink, each VM with a daily profile
 * and Poisson bursts, over `days` days with 100 random disasters; timeseries every `sampleInterval` (`0` =
 * none).
 */
export function largeSiteInput(vmCount: number, days: number, sampleInterval = '0'): Record<string, unknown> {
  const serverCount = Math.ceil(vmCount / 100);
  const uplinkCount = Math.ceil(serverCount / 2);
  return {
    name: `large-site-${vmCount}`,
    horizon: `${days}d`,
    warmup: '1d',
    uplinks: Array.from({ length: uplinkCount }, (_, i) => ({
      name: `wan-${i}`,
      bandwidth: '1 Gbps',
      outages: { random: { mtbf: '10d', mttr: '1h' } },
    })),
    processServers: Array.from({ length: serverCount }, (_, i) => ({ name: `ps-${i}`, uplink: `wan-${Math.floor(i / 2)}`, cache: '1 TB' })),
    vmDefaults: {
      disks: 2,
      churn: [
        { dailyProfile: { volume: '40 GB', peakHour: 13, peakToMean: 2.5 } },
        { poissonBursts: { meanInterval: '6h', size: { exponential: '2 GB' } } },
      ],
    },
    vms: Array.from({ length: serverCount }, (_, i) => ({
      name: `vm-${i}`,
      count: Math.min(100, vmCount - 100 * i),
      processServer: `ps-${i}`,
    })),
    disasters: { random: 100 },
    output: { sampleInterval },
  };
}

/** largeSiteInput parsed with the scenario defaults. */
export function largeSite(vmCount: number, days: number): Scenario {
  const parsed = parseScenario(largeSiteInput(vmCount, days), { source: 'bench/largeSite.ts' });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}
