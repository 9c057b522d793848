import { expect, test } from 'vitest';
import { timeseriesCsv } from '../../src/io/timeseriesCsv.js';
import { resultFixture } from '../fixtures/simulationResult.js';

test('timeseriesCsv(samples) has the exact header, empty rpo and oldest point age before the first point, rounded bytes', () => {
  expect(timeseriesCsv(resultFixture().timeseries)).toBe(
    'time_s,vm,rpo_s,oldest_point_age_s,source_backlog_bytes,ps_cache_bytes,unuploaded_bytes,unprocessed_bytes\n' +
      '0.000,web-1,,,0,0,0,0\n' +
      '60.000,web-1,61.250,3661.500,1025,2048,3073,10\n',
  );
});
