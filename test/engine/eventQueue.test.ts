import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/engine/eventQueue.js';

interface Pushed {
  time: number;
  priority: number;
  payload: number;
}

/** The reference order: a stable sort by (time, priority), so ties keep their push order. */
function stableOrder(events: Pushed[]): Pushed[] {
  return [...events].sort((a, b) => a.time - b.time || a.priority - b.priority);
}

// Times and priorities from small sets, so ties on both are common.
const operation = fc.oneof(
  fc.record({ kind: fc.constant('push' as const), time: fc.constantFrom(0, 0.5, 1, 2, 3), priority: fc.integer({ min: -1, max: 1 }) }),
  fc.record({ kind: fc.constant('pop' as const) }),
);

describe('EventQueue', () => {
  it('pop() returns payloads in (time, priority, FIFO) order for any interleaving of pushes and pops', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 300 }), (operations) => {
        const queue = new EventQueue();
        let pending: Pushed[] = [];
        let nextPayload = 0;
        for (const op of operations) {
          if (op.kind === 'push') {
            const event = { time: op.time, priority: op.priority, payload: nextPayload++ };
            queue.push(event.time, event.priority, event.payload);
            pending.push(event);
          } else {
            const [expected, ...rest] = stableOrder(pending);
            expect(queue.pop()).toBe(expected?.payload ?? -1);
            pending = rest;
          }
          expect(queue.size).toBe(pending.length);
        }
        const drained: number[] = [];
        while (queue.size > 0) drained.push(queue.pop());
        expect(drained).toEqual(stableOrder(pending).map((e) => e.payload));
      }),
      { numRuns: 500 },
    );
  });

  it('push(time, priority, payload) returns the insertion counter 0, 1, 2, ... as the id', () => {
    const queue = new EventQueue();
    expect([queue.push(5, 0, 7), queue.push(1, 0, 8), queue.push(3, 0, 9)]).toEqual([0, 1, 2]);
    queue.pop();
    expect(queue.lastPoppedId).toBe(1);
    expect(queue.lastPoppedTime).toBe(1);
  });

  it('peekTime() is Infinity and pop() is -1 when empty', () => {
    const queue = new EventQueue();
    expect(queue.peekTime()).toBe(Infinity);
    expect(queue.pop()).toBe(-1);
    queue.push(2, 0, 0);
    expect(queue.peekTime()).toBe(2);
    queue.pop();
    expect(queue.peekTime()).toBe(Infinity);
  });

  it('push() grows past the initial capacity and keeps every event', () => {
    const queue = new EventQueue();
    const n = 10_000;
    for (let i = 0; i < n; i++) queue.push((i * 7919) % 101, 0, i);
    expect(queue.size).toBe(n);
    let previousTime = -Infinity;
    const seen = new Set<number>();
    while (queue.size > 0) {
      const time = queue.peekTime();
      expect(time).toBeGreaterThanOrEqual(previousTime);
      previousTime = time;
      seen.add(queue.pop());
    }
    expect(seen.size).toBe(n);
  });
});
