import { quantile } from 'd3-array';
import { describe, expect, it } from 'vitest';
import { churnFigures, minuteBuckets } from '../../../src/io/import/churnFigures.js';

describe('churnFigures', () => {
  it('20-second samples: per-minute churn sums three samples; p95 by linear interpolation', () => {
    // 20 minutes; minute m writes 60·m bytes (three samples of 20·m each).
    const bytes = Float64Array.from({ length: 60 }, (_, k) => 20 * Math.floor(k / 3));
    const f = churnFigures([{ startSec: 0, intervalSec: 20, bytes }]);
    // Minutes 0..19 write 0, 60, ..., 1140 bytes: p95 at position 0.95·19 = 18.05 → 60·18.05 = 1083 bytes.
    expect(f.p95BytesPerSec).toBeCloseTo(1083 / 60);
    expect(f.peakBytesPerSec).toBeCloseTo(1140 / 60);
    expect(f.meanBytesPerSec).toBeCloseTo((60 * 190) / 1200);
  });

  it('5-minute samples are spread evenly over their minutes', () => {
    const buckets = minuteBuckets([{ startSec: 0, intervalSec: 300, bytes: Float64Array.of(300, 600) }]);
    expect([...buckets]).toEqual([60, 60, 60, 60, 60, 120, 120, 120, 120, 120]);
  });

  it('several series are summed on their common clock (the site total)', () => {
    const buckets = minuteBuckets([
      { startSec: 0, intervalSec: 60, bytes: Float64Array.of(1, 2) },
      { startSec: 60, intervalSec: 60, bytes: Float64Array.of(10, 20) },
    ]);
    expect([...buckets]).toEqual([1, 12, 20]);
    const f = churnFigures([
      { startSec: 0, intervalSec: 60, bytes: Float64Array.of(1, 2) },
      { startSec: 60, intervalSec: 60, bytes: Float64Array.of(10, 20) },
    ]);
    expect(f.p95BytesPerSec).toBeCloseTo(quantile([1, 12, 20], 0.95)! / 60);
    expect(f.meanBytesPerSec).toBeCloseTo(33 / 180);
  });
});
