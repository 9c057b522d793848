import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Environment } from '../../src/engine/environment.js';

describe('Environment.cancel at scale', () => {
  it('cancel(id) of thousands of events keeps the order of the others (time, priority, FIFO) through purges', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ time: fc.integer({ min: 0, max: 50 }), priority: fc.integer({ min: 0, max: 2 }), cancel: fc.boolean() }), {
          minLength: 3000,
          maxLength: 5000,
        }),
        (events) => {
          const env = new Environment();
          const ran: number[] = [];
          const ids = events.map((event, i) => env.scheduleAt(event.time, () => ran.push(i), event.priority));
          // Cancel after scheduling everything, so well over 1,024 cancelled events sit in the heap at once.
          events.forEach((event, i) => event.cancel && env.cancel(ids[i]!));
          env.run();
          const expected = events
            .map((event, i) => ({ ...event, i }))
            .filter((event) => !event.cancel)
            .sort((a, b) => a.time - b.time || a.priority - b.priority || a.i - b.i)
            .map((event) => event.i);
          expect(ran).toEqual(expected);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('rescheduling one event 2.5 million times leaves no growing backlog of cancelled entries', () => {
    const env = new Environment();
    let id = env.schedule(1e9, () => {});
    let fired = 0;
    env.schedule(0, function step() {
      // Like a model moving its next crossing at every rate change: cancel the far one, schedule anew.
      env.cancel(id);
      id = env.schedule(1e9 - env.now, () => {});
      if (++fired < 2_500_000) env.schedule(1, step);
    });
    env.run({ until: 3e6 });
    // Without purging, 2.5 million cancelled entries would wait for their time, past the 2,097,152 pending
    // slots: scheduling would throw.
    expect(fired).toBe(2_500_000);
    expect(env.processedEvents).toBe(2_500_000);
  });
});
