import { failoverRecords } from '../../src/metrics/failoverTable.js';
import { expect, test } from 'vitest';
import { failoversCsv } from '../../src/io/failoversCsv.js';
import { resultFixture } from '../fixtures/simulationResult.js';

const HEADER =
  'vm,choice,disaster_time_s,recovery_point_time_s,recovery_point_kind,data_loss_s,data_loss_bytes,downtime_s,' +
  'shutdown_s,detection_s,backlog_processing_s,job_s,extra_processing_s,boot_s,note';

test('failoversCsv(records) has the exact header and one line per record', () => {
  const lines = failoversCsv(failoverRecords(resultFixture().failovers)).split('\n');
  expect(lines[0]).toBe(HEADER);
  expect(lines).toHaveLength(1 + 4 + 1); // header, records, trailing newline
  expect(lines.at(-1)).toBe('');
});

test('failoversCsv(records) formats seconds with 3 decimals and bytes as integers', () => {
  const lines = failoversCsv(failoverRecords(resultFixture().failovers)).split('\n');
  expect(lines[1]).toBe(
    'web-1,latest,100000.500,99910.500,crash-consistent,90.000,4500000,1350.000,0.000,600.000,12.346,300.000,0.000,120.000,',
  );
});

test('failoversCsv(records) leaves cells empty where there was no recovery point, and says why', () => {
  const lines = failoversCsv(failoverRecords(resultFixture().failovers)).split('\n');
  expect(lines[2]).toBe(
    'web-1,latest-app-consistent,100000.500,,,,,,0.000,600.000,12.346,300.000,0.000,120.000,' +
      'no app-consistent point: app-consistent points are off',
  );
});

test('failoversCsv([]) is the header alone', () => {
  expect(failoversCsv([])).toBe(`${HEADER}\n`);
});

test('failoversCsv(records) quotes a note that contains a comma', () => {
  const [record] = failoverRecords(resultFixture().failovers);
  const text = failoversCsv([{ ...record!, note: 'a, b' }]);
  expect(text.split('\n')[1]!.endsWith(',"a, b"')).toBe(true);
});
