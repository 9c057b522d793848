import fc from 'fast-check';
import { expect, it } from 'vitest';
import { simulate } from '../../src/simulate.js';
import { arbitraryPolicyScenario } from '../helpers/arbitraryPolicy.js';
import { resultBits } from '../helpers/resultBits.js';

// Compaction prunes points no question will ask about and forgets write-curve breakpoints below what any later
// question needs (a disaster, a sample, the lag observer at the stream's next anchor). It bounds memory and
// must change no result: every bit but the event count is the same whether it runs every 4 h, every 17 min, at
// odd instants, or never.
it('simulate(scenario) gives the same bits whether memory is compacted every 4 h, every 1,021 s or never', () => {
  fc.assert(
    fc.property(arbitraryPolicyScenario, fc.boolean(), (base, measureLag) => {
      const scenario = { ...base, output: { sampleIntervalSec: 600 } };
      const at = (compactIntervalSec: number) => resultBits(simulate(scenario, { measureLag, dailyPeaks: true, compactIntervalSec }));
      const usual = at(4 * 3600);
      expect(at(1021)).toBe(usual);
      expect(at(1e12)).toBe(usual);
    }),
    { numRuns: 30 },
  );
});
