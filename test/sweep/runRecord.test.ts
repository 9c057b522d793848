import { expect, it } from 'vitest';
import { runRows } from '../../src/sweep/runRecord.js';
import { resultFixture } from '../fixtures/simulationResult.js';

it('runRows(result) gives a choice without any point a zero "with point" count and the reason, not just empty cells', () => {
  const rows = runRows(resultFixture(), ['latest', 'latest-app-consistent']);
  const app = rows.find((r) => r.vm === 'web-1' && r.choice === 'latest-app-consistent')!;
  expect(app).toMatchObject({ disasters: 1, withPoint: 0, dataLossSecMean: null, noPointReason: 'no app-consistent point: app-consistent points are off' });
  expect(rows.find((r) => r.vm === 'web-1' && r.choice === 'latest')).toMatchObject({ disasters: 1, withPoint: 1, noPointReason: '' });
});
