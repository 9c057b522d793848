// Scenario inputs shared by the parse tests, written as a user would write them.

/** The smallest valid scenario: everything else comes from the defaults. */
export function minimalInput(): Record<string, unknown> {
  return {
    name: 'tiny',
    uplinks: [{ name: 'wan', bandwidth: '100 Mbps' }],
    processServers: [{ name: 'ps1', uplink: 'wan' }],
    vms: [{ name: 'web', processServer: 'ps1', churn: [{ constant: '2 MB/s' }] }],
  };
}

export const FULL_YAML = `
name: small-site
description: "Two tiers behind one process server"
horizon: 7d
warmup: 1d
seed: 7
policy:
  kind: asr
  crashConsistentInterval: 5m
  appConsistentInterval: 2h
  retention: 48h
  rpoThreshold: 15m
cloud:
  processingDelay: 4m
vmDefaults:
  processServer: ps1
  applyRate: 10 MB/s
  churn:
    - constant: 1 MB/s
uplinks:
  - name: wan
    bandwidth: 1 Gbps
    outages:
      windows: [{ start: 2d, duration: 4h }]
      random: { mtbf: 30d, mttr: 2h }
processServers:
  - name: ps1
    uplink: wan
    cache: 1 TB
    compressionRatio: 1.5
    throttleFreeFraction: 20%
    resumeFreeFraction: 0.35
vms:
  - name: web
    count: 3
  - name: db
    count: 12
    machineKind: linux
    disks: 4
    usedDisk: 200 GB
    churn:
      - dailyProfile: { volume: 20 GB, peakHour: 14, peakToMean: 3 }
      - onOff: { peak: 1 MB/s, meanOn: 2s, meanOff: 6s }
      - poissonBursts: { meanInterval: 1h, size: { uniform: [512 MiB, 1 GiB] } }
      - trace: { file: traces/db.csv, scale: 2, loop: false }
disasters:
  times: [3d, 5d 12h]
  random: 10
failover:
  choices: [latest, custom]
  customPointAge: 2h
  shutdown: 3m
output:
  sampleInterval: 0
`;
