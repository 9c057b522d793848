import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runPending } from '../../src/sweep/runPending.js';
import { runsToHold, type RunDone, type Runner } from '../../src/sweep/runProcesses.js';

/**
 * A runner whose runs finish in an order chosen by the test, and whose concurrency follows a script (as the real
 * one grows once runs turn out short): it records what was in flight at every dispatch.
 */
function scriptedRunner(concurrencyAfter: (finished: number) => number, finishOrder: (inFlight: number) => number) {
  const inFlight: { index: number; resolve: (done: RunDone) => void }[] = [];
  const started: number[] = [];
  const overCommitted: number[] = [];
  let finished = 0;
  const runner: Runner = {
    get concurrency() {
      return concurrencyAfter(finished);
    },
    run(index) {
      started.push(index);
      if (inFlight.length + 1 > runner.concurrency) overCommitted.push(index);
      return new Promise((resolve) => inFlight.push({ index, resolve }));
    },
    close: async () => undefined,
  };
  // Finishes one run in flight at a time, on a later turn of the event loop, until none is left.
  const drive = async () => {
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      if (inFlight.length === 0) return;
      const [task] = inFlight.splice(finishOrder(inFlight.length) % inFlight.length, 1);
      finished++;
      task!.resolve({ index: task!.index, status: 'ok', error: '', crashed: false });
    }
  };
  return { runner, started, overCommitted, drive, inFlightNow: () => inFlight.length };
}

const noCrash = () => {
  throw new Error('no run crashes here');
};

describe('runPending', () => {
  it('runs every pending index once, in order of dispatch, with no more in flight than the concurrency allows as it grows and shrinks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.nat(500), { minLength: 30, maxLength: 120 }),
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 2, maxLength: 8 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 16 }),
        async (pending, steps, picks) => {
          // The concurrency changes every 5 finished runs, up and down.
          const concurrencyAfter = (finished: number) => steps[Math.floor(finished / 5) % steps.length]!;
          let pick = 0;
          const { runner, started, overCommitted, drive } = scriptedRunner(concurrencyAfter, () => picks[pick++ % picks.length]!);
          const done: number[] = [];
          const driving = drive();
          const scheduled = await runPending(runner, pending, { out: '/nonexistent', crashed: noCrash, onDone: (d) => done.push(d.index) });
          await driving;
          expect(scheduled).toBe(pending.length);
          expect(started).toEqual(pending);
          expect([...done].sort((a, b) => a - b)).toEqual([...pending].sort((a, b) => a - b));
          expect(overCommitted).toEqual([]);
        },
      ),
      { numRuns: 100, seed: 25 },
    );
  });

  it('fills a larger concurrency as soon as it grows, and schedules nothing once aborted', async () => {
    const controller = new AbortController();
    let grown = false;
    const { runner, started, drive, inFlightNow } = scriptedRunner(() => (grown ? 8 : 2), () => 0);
    const pending = Array.from({ length: 100 }, (_, i) => i);
    const seen: number[] = [];
    const driving = (async () => {
      await new Promise((resolve) => setImmediate(resolve));
      seen.push(inFlightNow());
      grown = true;
      await drive();
    })();
    const scheduling = runPending(runner, pending, {
      out: '/nonexistent',
      crashed: noCrash,
      signal: controller.signal,
      onDone: () => {
        seen.push(inFlightNow());
        if (started.length >= 30) controller.abort();
      },
    });
    const scheduled = await scheduling;
    await driving;
    // Two at first; after the first run finished under the larger concurrency, eight are in flight again.
    expect(seen[0]).toBe(2);
    expect(Math.max(...seen)).toBe(7);
    expect(scheduled).toBe(started.length);
    expect(scheduled).toBeGreaterThanOrEqual(30);
    expect(scheduled).toBeLessThan(30 + 8);
  });
});

describe('runsToHold', () => {
  it('holds two runs until run times are known, then about 0.1 s of runs, between 2 and 64', () => {
    expect(runsToHold(null)).toBe(2);
    expect(runsToHold(3)).toBe(34);
    expect(runsToHold(50)).toBe(2);
    expect(runsToHold(60_000)).toBe(2);
    expect(runsToHold(0.5)).toBe(64);
    expect(runsToHold(0)).toBe(64);
  });
});
