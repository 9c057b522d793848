import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Environment, StalledError } from '../../src/engine/environment.js';

describe('Environment', () => {
  it('now starts at 0 and processedEvents at 0', () => {
    const env = new Environment();
    expect(env.now).toBe(0);
    expect(env.processedEvents).toBe(0);
  });

  it('run() calls handlers in (time, priority, FIFO) order with now at each event time', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ delay: fc.constantFrom(0, 1, 2.5, 4), priority: fc.integer({ min: -2, max: 2 }) }), { maxLength: 100 }),
        (events) => {
          const env = new Environment();
          const ran: { index: number; now: number }[] = [];
          events.forEach((e, index) => env.schedule(e.delay, () => ran.push({ index, now: env.now }), e.priority));
          env.run();
          const expected = events
            .map((e, index) => ({ ...e, index }))
            .sort((a, b) => a.delay - b.delay || a.priority - b.priority); // stable: ties keep schedule order
          expect(ran).toEqual(expected.map((e) => ({ index: e.index, now: e.delay })));
          expect(env.processedEvents).toBe(events.length);
        },
      ),
    );
  });

  it('schedule(delay, handler) from inside a handler counts the delay from the current time', () => {
    const env = new Environment();
    const times: number[] = [];
    env.schedule(2, () => env.schedule(3, () => times.push(env.now)));
    env.run();
    expect(times).toEqual([5]);
  });

  it('scheduleAt(time, handler) runs at that absolute time and rejects a time in the past', () => {
    const env = new Environment();
    const times: number[] = [];
    env.scheduleAt(7, () => times.push(env.now));
    env.run({ until: 5 });
    expect(() => env.scheduleAt(4, () => {})).toThrow(RangeError);
    env.run();
    expect(times).toEqual([7]);
  });

  it('schedule(delay, handler) throws a RangeError for a negative, NaN or infinite delay', () => {
    const env = new Environment();
    for (const delay of [-1, -1e-9, Number.NaN, Infinity]) {
      expect(() => env.schedule(delay, () => {})).toThrow(RangeError);
    }
    expect(() => env.schedule(1, () => {}, Number.NaN)).toThrow(/priority/);
  });

  it('run({ until }) runs events at times <= until, leaves the rest, and sets now = until', () => {
    const env = new Environment();
    const ran: number[] = [];
    for (const t of [1, 5, 5.0000001, 9]) env.schedule(t, () => ran.push(t));
    env.run({ until: 5 });
    expect(ran).toEqual([1, 5]);
    expect(env.now).toBe(5);
    env.run({ until: 8 });
    expect(env.now).toBe(8);
    expect(ran).toEqual([1, 5, 5.0000001]);
    env.run();
    expect(ran).toEqual([1, 5, 5.0000001, 9]);
    expect(env.now).toBe(9);
  });

  it('run({ maxEventsPerInstant }) throws a StalledError when events keep rescheduling at one instant, and not before', () => {
    const env = new Environment();
    let ticks = 0;
    env.every(1, () => ticks++, { untilSec: 100 });
    // Ten events at t = 5 (the limit counts those after the first), then one that reschedules itself for ever.
    for (let k = 0; k < 10; k++) env.scheduleAt(5, () => {});
    expect(() => env.run({ until: 4.5, maxEventsPerInstant: 10 })).not.toThrow();
    const loop = (): void => void env.schedule(0, loop);
    env.scheduleAt(7, loop);
    let error: unknown;
    try {
      env.run({ until: 100, maxEventsPerInstant: 10 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StalledError);
    expect(error).toMatchObject({ atSec: 7, events: 11 });
    expect((error as Error).message).toContain('t = 7 s');
    expect(env.now).toBe(7);
    // The ten at t = 5 (with t = 5's tick: eleven events, ten after the first) ran within the limit.
    expect(ticks).toBe(7);
  });

  it('run({ until }) throws for an until before now', () => {
    const env = new Environment();
    env.run({ until: 10 });
    expect(() => env.run({ until: 9 })).toThrow(RangeError);
  });

  it('run({ until }) does not run an event past until after skipping a cancelled one', () => {
    const env = new Environment();
    const ran: number[] = [];
    const id = env.schedule(1, () => ran.push(1));
    env.schedule(3, () => ran.push(3));
    env.cancel(id);
    env.run({ until: 2 });
    expect(ran).toEqual([]);
    expect(env.now).toBe(2);
  });

  it('step() runs one event and returns false when none is left', () => {
    const env = new Environment();
    const ran: string[] = [];
    env.schedule(1, () => ran.push('a'));
    env.schedule(2, () => ran.push('b'));
    expect(env.step()).toBe(true);
    expect(ran).toEqual(['a']);
    expect(env.now).toBe(1);
    expect(env.step()).toBe(true);
    expect(env.step()).toBe(false);
    expect(env.processedEvents).toBe(2);
  });

  it('cancel(id) keeps a pending handler from ever running', () => {
    const env = new Environment();
    const ran: string[] = [];
    const id = env.schedule(1, () => ran.push('cancelled'));
    env.schedule(1, () => ran.push('kept'));
    env.cancel(id);
    env.run();
    expect(ran).toEqual(['kept']);
    expect(env.processedEvents).toBe(1);
  });

  it('cancel(id) of an event that already ran, or was already cancelled, is a no-op', () => {
    const env = new Environment();
    const ran: string[] = [];
    const first = env.schedule(1, () => ran.push('first'));
    env.run();
    env.cancel(first);
    const second = env.schedule(1, () => ran.push('second'));
    env.cancel(second);
    env.cancel(second);
    env.schedule(1, () => ran.push('third'));
    env.run();
    expect(ran).toEqual(['first', 'third']);
  });

  it('cancel(id) of a finished event does not cancel a newer event that reuses its slot', () => {
    const env = new Environment();
    const ran: string[] = [];
    const old = env.schedule(1, () => ran.push('old'));
    env.run();
    const reuser = env.schedule(1, () => ran.push('new')); // takes the freed slot
    expect(reuser).not.toBe(old);
    env.cancel(old);
    env.run();
    expect(ran).toEqual(['old', 'new']);
  });

  it('cancel(id) from inside its own handler is a no-op', () => {
    const env = new Environment();
    let ran = 0;
    const id: number = env.schedule(1, () => {
      ran++;
      env.cancel(id);
    });
    env.run();
    expect(ran).toBe(1);
  });
});

describe('Environment.every', () => {
  it('every(300, handler, { startSec: 300 }): the 8,640th 5-minute tag lands exactly on 30 days', () => {
    const env = new Environment();
    const times: number[] = [];
    const ks: number[] = [];
    env.every(300, (k) => {
      times.push(env.now);
      ks.push(k);
    }, { startSec: 300, untilSec: 30 * 86_400 });
    env.run();
    expect(times).toHaveLength(8_640);
    expect(ks[8_639]).toBe(8_639);
    expect(times[8_639]).toBe(2_592_000);
  });

  it('every(0.1, handler) fires at exactly start + k * 0.1 for 10^6 firings, where adding 0.1 would drift', () => {
    const interval = 0.1;
    const start = 0.1;
    const firings = 1_000_000;
    const env = new Environment();
    let exact = true;
    let last = Number.NaN;
    env.every(interval, (k) => {
      if (env.now !== start + k * interval) exact = false;
      last = env.now;
    }, { untilSec: start + (firings - 1) * interval });
    env.run();
    expect(env.processedEvents).toBe(firings);
    expect(exact).toBe(true);
    expect(last).toBe(start + (firings - 1) * interval);

    // The naive way would fail this test: repeated addition lands elsewhere.
    let naive = start;
    for (let k = 1; k < firings; k++) naive += interval;
    expect(naive).not.toBe(last);
  });

  it('every(interval, handler) starts one interval from now by default', () => {
    const env = new Environment();
    env.run({ until: 10 });
    const times: number[] = [];
    env.every(5, () => times.push(env.now), { untilSec: 30 });
    env.run();
    expect(times).toEqual([15, 20, 25, 30]);
  });

  it('every(interval, handler, { startSec: now }) fires immediately, and the stop function ends the series', () => {
    const env = new Environment();
    const ks: number[] = [];
    const stop = env.every(1, (k) => ks.push(k), { startSec: 0 });
    env.schedule(2.5, stop);
    env.run({ until: 100 });
    expect(ks).toEqual([0, 1, 2]);
  });

  it('every(interval, handler): calling stop() from inside the handler ends the series', () => {
    const env = new Environment();
    const ks: number[] = [];
    const stop = env.every(1, (k) => {
      ks.push(k);
      if (k === 3) stop();
    });
    env.run();
    expect(ks).toEqual([0, 1, 2, 3]);
  });

  it('every(interval, handler, { priority }) orders firings against other events at the same time', () => {
    const env = new Environment();
    const ran: string[] = [];
    env.schedule(1, () => ran.push('event'));
    env.every(1, () => ran.push('tick'), { priority: -1, untilSec: 1 });
    env.run();
    expect(ran).toEqual(['tick', 'event']);
  });

  it('every(interval, handler) rejects a non-positive or non-finite interval and a start before now', () => {
    const env = new Environment();
    for (const interval of [0, -1, Number.NaN, Infinity]) {
      expect(() => env.every(interval, () => {})).toThrow(/intervalSec/);
    }
    env.run({ until: 5 });
    expect(() => env.every(1, () => {}, { startSec: 4 })).toThrow(/startSec/);
  });
});
