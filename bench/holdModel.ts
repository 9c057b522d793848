// The classic hold model: `pending` events wait; each event, when it runs, schedules one successor at a
// pseudo-random delay, so the queue stays at `pending` entries. Run once through the engine (Environment)
// and once through a bare loop over a flat typed-array heap with the same (time, priority, insertion)
// ordering, in the same process, so the ratio measures what the engine's API costs over the bare heap.
import { Environment } from '../src/engine/environment.js';
import { cpuSeconds, median } from './measure.js';

/** A fixed LCG (no Math.random in benchmarks either): the same delays in [0, 100) for both loops. */
function lcg(): () => number {
  let state = 12345;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return (state / 2147483648) * 100;
  };
}

/** What a loop did: events run, and the clock at the end (equal for both loops when they ran the same events). */
export interface HoldRun {
  events: number;
  endSec: number;
}

/** The engine: a handler that schedules its successor. */
export function engineHold(pending: number, events: number): HoldRun {
  const env = new Environment();
  const delay = lcg();
  let scheduled = 0;
  const next = (): void => {
    if (scheduled++ < events) env.schedule(delay(), next);
  };
  for (let i = 0; i < pending; i++) next();
  env.run();
  return { events: env.processedEvents, endSec: env.now };
}

/**
 * What one would write by hand for the fastest event loop: parallel typed arrays (time, priority, insertion
 * counter, payload), a binary heap sifted in place, the payload an event kind dispatched by a switch. Same
 * order as the engine: (time, priority, insertion).
 */
export function bareHold(pending: number, events: number): HoldRun {
  const capacity = pending + 1;
  const times = new Float64Array(capacity);
  const priorities = new Float64Array(capacity);
  const sequences = new Float64Array(capacity);
  const kinds = new Int32Array(capacity);
  let length = 0;
  let insertions = 0;
  const delay = lcg();

  const push = (time: number, priority: number, kind: number): void => {
    const sequence = insertions++;
    let i = length++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent]!;
      if (pt < time || (pt === time && priorities[parent]! <= priority)) break;
      times[i] = pt;
      priorities[i] = priorities[parent]!;
      sequences[i] = sequences[parent]!;
      kinds[i] = kinds[parent]!;
      i = parent;
    }
    times[i] = time;
    priorities[i] = priority;
    sequences[i] = sequence;
    kinds[i] = kind;
  };

  /** Removes the root: the last entry goes into the hole and sinks. */
  const popRoot = (): void => {
    const last = --length;
    const time = times[last]!;
    const priority = priorities[last]!;
    const sequence = sequences[last]!;
    const kind = kinds[last]!;
    const half = length >> 1;
    let i = 0;
    while (i < half) {
      let child = 2 * i + 1;
      const right = child + 1;
      if (right < length) {
        const lt = times[child]!;
        const rt = times[right]!;
        if (rt < lt || (rt === lt && (priorities[right]! < priorities[child]! || (priorities[right] === priorities[child] && sequences[right]! < sequences[child]!)))) {
          child = right;
        }
      }
      const ct = times[child]!;
      const cp = priorities[child]!;
      if (ct > time || (ct === time && (cp > priority || (cp === priority && sequences[child]! > sequence)))) break;
      times[i] = ct;
      priorities[i] = cp;
      sequences[i] = sequences[child]!;
      kinds[i] = kinds[child]!;
      i = child;
    }
    times[i] = time;
    priorities[i] = priority;
    sequences[i] = sequence;
    kinds[i] = kind;
  };

  let now = 0;
  let scheduled = 0;
  let processed = 0;
  for (let i = 0; i < pending; i++) if (scheduled++ < events) push(now + delay(), 0, 0);
  while (length > 0) {
    now = times[0]!;
    const kind = kinds[0]!;
    popRoot();
    processed++;
    switch (kind) {
      case 0:
        if (scheduled++ < events) push(now + delay(), 0, 0);
        break;
    }
  }
  return { events: processed, endSec: now };
}

export interface HoldComparison {
  pending: number;
  events: number;
  rounds: number;
  /** Medians over rounds of events per CPU second. */
  engineRate: number;
  bareRate: number;
  /** Median over rounds of engine rate ÷ bare rate, each pair measured back to back. */
  ratio: number;
}

/**
 * Alternates engine and bare rounds (after one unreported round of each for the JIT) and keeps medians: on a
 * shared machine a round that lost the core, or its caches, to another process is an outlier, and a ratio
 * taken within a back-to-back pair sees one background load.
 */
export function compareHold(pending: number, events: number, rounds: number): HoldComparison {
  const engineRun = engineHold(pending, events);
  const bareRun = bareHold(pending, events);
  // Same delays drawn in the same order only if both ran the same events in the same order.
  if (engineRun.events !== bareRun.events || engineRun.endSec !== bareRun.endSec) {
    throw new Error(`the loops differ: engine ${JSON.stringify(engineRun)}, bare ${JSON.stringify(bareRun)}`);
  }
  const engine: number[] = [];
  const bare: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    // Alternate which goes first, so neither always runs right after the other's garbage.
    const first = r % 2 === 0 ? rate(() => engineHold(pending, events)) : rate(() => bareHold(pending, events));
    const second = r % 2 === 0 ? rate(() => bareHold(pending, events)) : rate(() => engineHold(pending, events));
    const [e, b] = r % 2 === 0 ? [first, second] : [second, first];
    engine.push(e);
    bare.push(b);
    ratios.push(e / b);
  }
  return { pending, events, rounds, engineRate: median(engine), bareRate: median(bare), ratio: median(ratios) };
}

function rate(run: () => HoldRun): number {
  const { seconds, result } = cpuSeconds(run);
  return result.events / seconds;
}
