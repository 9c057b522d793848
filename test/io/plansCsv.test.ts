import { expect, it } from 'vitest';
import { plansCsv } from '../../src/io/plansCsv.js';

it('plansCsv(records) has the plan data loss in seconds and bytes, empty when a VM had no point', () => {
  const text = plansCsv([
    { plan: 'shop', disasterTimeSec: 100, downtimeSec: 3600, dataLossSec: 450.5, dataLossBytes: 2e9, detectionSec: 600, criticalPath: 'vm db', note: '' },
    { plan: 'shop', disasterTimeSec: 200, downtimeSec: null, dataLossSec: null, dataLossBytes: null, detectionSec: 600, criticalPath: '', note: 'db: no point' },
  ]);
  expect(text.split('\n').slice(0, 3)).toEqual([
    'plan,disaster_time_s,downtime_s,data_loss_s,data_loss_bytes,detection_s,critical_path,note',
    'shop,100.000,3600.000,450.500,2000000000,600.000,vm db,',
    'shop,200.000,,,,600.000,,db: no point',
  ]);
});
