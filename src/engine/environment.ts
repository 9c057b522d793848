// The simulation clock and scheduler, in the manner of SimPy's Environment: now, schedule, step, run.
// Everything the model does is built on this public surface; the engine knows nothing of replication.
import { storeAsDoubles } from './doubleFields.js';
import { EventQueue } from './eventQueue.js';

export type Handler = () => void;

/**
 * Identifies a scheduled event, for cancel. Packs the handler slot (low SLOT_BITS bits) with the event's
 * insertion counter (modulo 2^32) above it, so cancel finds the slot in O(1) and can tell the event from a
 * later one that reuses the slot. Treat it as opaque.
 */
export type EventId = number;

export interface RunOptions {
  /** Run events with time <= until, then set now = until. Default: run until no events remain. */
  until?: number;
  /**
   * More events than this at one instant throw a StalledError: a model whose events keep scheduling events at
   * the same instant would otherwise run for ever with time standing still. Default: no limit.
   */
  maxEventsPerInstant?: number;
}

/** Time stood still: more events than the run allows at one instant (RunOptions.maxEventsPerInstant). */
export class StalledError extends Error {
  override name = 'StalledError';

  constructor(
    readonly atSec: number,
    readonly events: number,
  ) {
    super(`the simulation stopped advancing at t = ${atSec} s (${events} events at that instant): a bug in the model; please report it with the input that made it`);
  }
}

export interface EveryOptions {
  /** Time of the first firing (k = 0). Default: now + intervalSec, one interval from now. */
  startSec?: number;
  /** Lower runs first at equal time. Default 0. */
  priority?: number;
  /** No firing after this time (a firing exactly at untilSec still happens). Default: never stop. */
  untilSec?: number;
}

const SLOT_BITS = 21;
const SLOT_SPAN = 2 ** SLOT_BITS;
/** At most this many events may be pending at once (2,097,152); beyond it ids would not fit. */
const MAX_PENDING = SLOT_SPAN;
const FREE = -1;
/** Below this many cancelled events in the heap, purging is not worth its O(n). */
const PURGE_MIN_CANCELLED = 1024;

export class Environment {
  private nowSec = 0;
  private processed = 0;
  /** Events run at nowSec so far, and how many one instant may have (run's maxEventsPerInstant). */
  private eventsAtInstant = 0;
  private maxEventsPerInstant = Infinity;
  /** Cancelled events still in the heap (see cancel). */
  private cancelledInQueue = 0;
  private readonly queue = new EventQueue();
  /** Handler per payload slot; null once the slot's event is cancelled (skipped when popped). */
  private readonly handlers: (Handler | null)[] = [];
  /** EventId of the pending event in each slot, or FREE; cancel checks it so stale ids are no-ops. */
  private readonly slotEventIds: number[] = [];
  private readonly freeSlots: number[] = [];

  constructor() {
    storeAsDoubles(this, 'nowSec', 'maxEventsPerInstant');
  }

  /** Simulated time in seconds; starts at 0. */
  get now(): number {
    return this.nowSec;
  }

  /** Handlers run so far (cancelled events are not counted). */
  get processedEvents(): number {
    return this.processed;
  }

  /** Runs handler after delaySec (>= 0, finite). Lower priority runs first at equal time; ties run FIFO. */
  schedule(delaySec: number, handler: Handler, priority = 0): EventId {
    if (!(delaySec >= 0 && delaySec < Infinity)) {
      throw new RangeError(`delaySec must be a finite number >= 0, got ${delaySec}`);
    }
    return this.insert(this.nowSec + delaySec, handler, priority);
  }

  /** Runs handler at timeSec (>= now, finite). */
  scheduleAt(timeSec: number, handler: Handler, priority = 0): EventId {
    if (!(timeSec >= this.nowSec && timeSec < Infinity)) {
      throw new RangeError(`timeSec must be finite and >= now (${this.nowSec}), got ${timeSec}`);
    }
    return this.insert(timeSec, handler, priority);
  }

  /**
   * Stops a pending event from running. O(1): the slot is marked and the queue entry skipped when popped.
   * Cancelling an event that already ran or was already cancelled is a no-op.
   */
  cancel(id: EventId): void {
    const slot = id % SLOT_SPAN;
    if (this.slotEventIds[slot] !== id) return;
    this.handlers[slot] = null;
    this.slotEventIds[slot] = FREE;
    // A cancelled event stays in the heap until its time. Models that reschedule often (a next crossing moved
    // at every rate change) would fill the heap with dead entries, so purge them once they are the majority.
    if (++this.cancelledInQueue > PURGE_MIN_CANCELLED && this.cancelledInQueue * 2 > this.queue.size) this.purgeCancelled();
  }

  private purgeCancelled(): void {
    for (const slot of this.queue.retain((slot) => this.handlers[slot] !== null)) this.freeSlots.push(slot);
    this.cancelledInQueue = 0;
  }

  /**
   * Calls handler(k) at startSec + k * intervalSec for k = 0, 1, 2, ... (up to untilSec inclusive).
   * Each time is computed by multiplication, never by adding intervals, so the series does not drift:
   * the 8,640th 5-minute tick is exactly 30 days, and a 0.1 s series does not accumulate rounding error.
   * Returns a function that stops the series.
   */
  every(intervalSec: number, handler: (k: number) => void, options: EveryOptions = {}): () => void {
    if (!(intervalSec > 0 && intervalSec < Infinity)) {
      throw new RangeError(`intervalSec must be a finite number > 0, got ${intervalSec}`);
    }
    const startSec = options.startSec ?? this.nowSec + intervalSec;
    const priority = options.priority ?? 0;
    const untilSec = options.untilSec ?? Infinity;
    if (!(startSec >= this.nowSec && startSec < Infinity)) {
      throw new RangeError(`startSec must be finite and >= now (${this.nowSec}), got ${startSec}`);
    }
    if (Number.isNaN(untilSec)) throw new RangeError('untilSec must be a number, got NaN');

    let k = 0;
    let pending: EventId = FREE;
    const fire = (): void => {
      const current = k++;
      // Schedule the next firing before calling the handler, so a throwing handler does not end the
      // series and a handler that calls stop() cancels it.
      const next = startSec + k * intervalSec;
      pending = next <= untilSec ? this.insert(next, fire, priority) : FREE;
      handler(current);
    };
    if (startSec <= untilSec) pending = this.insert(startSec, fire, priority);
    return () => {
      if (pending !== FREE) this.cancel(pending);
      pending = FREE;
    };
  }

  /** Runs the next event (skipping cancelled ones). Returns false when there was none. */
  step(): boolean {
    return this.runNext(Infinity);
  }

  /** Runs events in order while their time is <= until (all if omitted); then now = until when given. */
  run(options: RunOptions = {}): void {
    const { until } = options;
    this.maxEventsPerInstant = options.maxEventsPerInstant ?? Infinity;
    if (until === undefined) {
      while (this.runNext(Infinity));
      return;
    }
    if (!(until >= this.nowSec && until < Infinity)) {
      throw new RangeError(`until must be finite and >= now (${this.nowSec}), got ${until}`);
    }
    while (this.runNext(until));
    this.nowSec = until;
  }

  /**
   * NOTE: hot path. Pops events until one with time <= limit is runnable, and runs it.
   * The limit is checked before every pop, so skipping a cancelled event never runs one past it.
   */
  private runNext(limit: number): boolean {
    const queue = this.queue;
    while (queue.size > 0 && queue.peekTime() <= limit) {
      const slot = queue.pop();
      const handler = this.handlers[slot];
      // Free the slot before running: the handler may schedule into it, and cancel(its own id) is a no-op.
      this.handlers[slot] = null;
      this.slotEventIds[slot] = FREE;
      this.freeSlots.push(slot);
      if (handler === null) {
        this.cancelledInQueue--;
        continue;
      }
      const time = queue.lastPoppedTime;
      if (time !== this.nowSec) this.eventsAtInstant = 0;
      else if (++this.eventsAtInstant > this.maxEventsPerInstant) throw new StalledError(time, this.eventsAtInstant);
      this.nowSec = time;
      this.processed++;
      handler();
      return true;
    }
    return false;
  }

  private insert(timeSec: number, handler: Handler, priority: number): EventId {
    if (!Number.isFinite(priority)) throw new RangeError(`priority must be a finite number, got ${priority}`);
    const slot = this.takeSlot();
    const sequence = this.queue.push(timeSec, priority, slot);
    // NOTE: >>> 0 is the insertion counter modulo 2^32 (exact for integers below 2^53) without a floating-point
    // division: part of the engine's step from about 86% to about 93% of a bare heap loop (see EventQueue.siftDown).
    const id = (sequence >>> 0) * SLOT_SPAN + slot;
    this.handlers[slot] = handler;
    this.slotEventIds[slot] = id;
    return id;
  }

  private takeSlot(): number {
    const reused = this.freeSlots.pop();
    if (reused !== undefined) return reused;
    const slot = this.handlers.length;
    if (slot >= MAX_PENDING) throw new RangeError(`more than ${MAX_PENDING} events pending at once`);
    this.handlers.push(null);
    this.slotEventIds.push(FREE);
    return slot;
  }
}
