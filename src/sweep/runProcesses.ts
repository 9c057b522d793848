// Where the runs of a sweep or a comparison execute: worker processes, not threads. A run can abort Node itself (a V8 fatal error such
// as "invalid size error", the heap limit): in a thread that kills the whole sweep, and every resume met the same
// run again. In a process it kills that worker only; the run is recorded as failed with V8's reason and a new
// worker takes the next run. Workers write their run files themselves and answer with a status, so the main
// process does almost nothing per run (the second core goes to simulation, not to serialising records).
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { builtWorker } from '../io/builtWorker.js';

/** What a kind of batch (sweep, compare) runs: its input, sent once to each worker, and the worker that runs it. */
export interface RunJob<I> {
  input: I;
  /** The worker's entry, relative to the build's root (dist/): 'sweep/sweepProcess.js'. */
  workerEntry: string;
}

export type ToWorker = { kind: 'start'; input: unknown; out: string } | { kind: 'run'; index: number };
export type FromWorker =
  | { kind: 'listening' }
  | { kind: 'ready' }
  | { kind: 'done'; index: number; status: 'ok' | 'failed'; error: string }
  | { kind: 'write-failed'; index: number; code: string; message: string };

export interface RunDone {
  index: number;
  status: 'ok' | 'failed';
  error: string;
  /** The worker died during the run: no run file exists, and `error` says why it died. */
  crashed: boolean;
}

export interface Runner {
  run(index: number): Promise<RunDone>;
  /** Runs to have in flight now: it grows once runs turn out to be short (runsToHold), and never exceeds what the workers can hold. */
  readonly concurrency: number;
  /** Ends the workers; call once no run is in flight. */
  close(): Promise<void>;
}

/** Every worker process alive, so that a second Ctrl-C can end them at once. */
const live = new Set<ChildProcess>();

/** SIGKILL to every worker of this process (the sweep is being abandoned; finished run files stay). */
export function killRunProcessesNow(): void {
  for (const child of live) child.kill('SIGKILL');
}

/**
 * One line saying why a worker died: V8's fatal message when it printed one ("FATAL ERROR: invalid table size …",
 * "# Fatal JavaScript invalid size error …"), else the error it threw. It lands in runs.csv, so it holds no pids,
 * addresses or stacks, and the heap limit is named one way whichever garbage collection gave up first.
 */
export function crashReason(code: number | null, signal: string | null, stderr: string): string {
  const how = signal !== null ? `killed by ${signal}` : `exit code ${code}`;
  const lines = stderr.split('\n').map((l) => l.trim());
  const fatal =
    lines.find((l) => l.startsWith('FATAL ERROR: '))?.slice('FATAL ERROR: '.length) ??
    lines.find((l) => /^# Fatal (?!error in)/.test(l))?.slice('# Fatal '.length) ??
    lines.find((l) => /^[A-Z]\w*Error: /.test(l));
  const detail =
    fatal === undefined ? '' :
    /heap limit Allocation failed/.test(fatal) ? ': JavaScript heap out of memory (the heap limit; RPOSIM_MAX_HEAP_MB raises it)' :
    `: ${fatal.slice(0, 300)}`;
  return `the run ended its worker process (${how})${detail}`;
}

interface Task {
  index: number;
  /** When it was sent to the worker, on the runner's clock. */
  sentMs: number;
  resolve: (done: RunDone) => void;
  reject: (error: Error) => void;
}

/** A run handed to a worker that died before starting it: it goes to another worker. */
class NotStarted extends Error {}

/**
 * Runs a worker holds: the one it computes and the ones already sent, so that it never waits for the main
 * process between runs. At least two; as many as take about HELD_MS to compute, once run times are known (the
 * runner is given a clock: the CLI's; without one it holds two).
 * NOTE: with the cores busy (a worker's compiler and collector threads use the second one too), the main process
 * waits for a core before it can answer a finished run, and that wait is longer than a short run: a 10,000-run
 * sweep of 2–3 ms runs made 333 runs/s on one worker and 358 on two while each held two runs, and 466–474 and
 * 443–487 holding 0.1 s of runs. After Ctrl-C a worker still finishes the runs it was sent: about 0.1 s of work.
 */
const MIN_HELD = 2;
const MAX_HELD = 64;
const HELD_MS = 100;

/** Runs each worker should hold when runs take `meanRunMs` (null: not measured yet). */
export function runsToHold(meanRunMs: number | null): number {
  if (meanRunMs === null) return MIN_HELD;
  return Math.min(MAX_HELD, Math.max(MIN_HELD, Math.ceil(HELD_MS / Math.max(meanRunMs, 1e-3))));
}

class WorkerProcess {
  readonly child: ChildProcess;
  dead = false;
  /** In the order sent; the worker handles its messages one at a time, so the first is the one it computes. */
  readonly tasks: Task[] = [];
  private stderrTail = '';
  private readonly ready: Promise<void>;
  private readonly closed: Promise<void>;
  /** When the worker last finished a run, on the runner's clock. */
  private lastDoneMs = 0;

  constructor(entry: string, input: unknown, out: string, heapLimitMb: number | undefined, private readonly timing: RunTiming | null) {
    this.child = fork(entry, [], {
      // Structured clone: the input holds a Map of traces.
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      // Only a heap size carries over (not a test runner's loader flags): the one asked for, or the main process's.
      execArgv:
        heapLimitMb === undefined ? process.execArgv.filter((a) => a.startsWith('--max-old-space-size')) : [`--max-old-space-size=${heapLimitMb}`],
    });
    live.add(this.child);
    this.child.stderr!.setEncoding('utf8');
    this.child.stderr!.on('data', (text: string) => (this.stderrTail = (this.stderrTail + text).slice(-16_384)));
    let started: (() => void) | undefined;
    let failedToStart: ((error: Error) => void) | undefined;
    this.ready = new Promise((resolve, reject) => ((started = resolve), (failedToStart = reject)));
    // Awaited by run(); this only keeps a worker that fails before its first run from being an unhandled rejection.
    this.ready.catch(() => undefined);
    this.child.on('message', (message: FromWorker) => {
      // The input goes out only once the worker listens: a message sent before is lost if something else (a
      // module preloaded with NODE_OPTIONS) started reading the channel while the worker was still loading.
      if (message.kind === 'listening') return void this.child.send({ kind: 'start', input, out } satisfies ToWorker);
      if (message.kind === 'ready') return started!();
      const task = this.tasks.shift()!;
      if (timing !== null) {
        // The worker started this run when it had finished the one before, or when the run reached it.
        const doneMs = timing.clock();
        timing.onRunTime(doneMs - Math.max(this.lastDoneMs, task.sentMs));
        this.lastDoneMs = doneMs;
      }
      if (message.kind === 'done') task.resolve({ index: message.index, status: message.status, error: message.error, crashed: false });
      else task.reject(Object.assign(new Error(message.message), { code: message.code }));
    });
    this.child.on('error', (error) => {
      failedToStart!(error);
      for (const task of this.tasks.splice(0)) task.reject(error);
    });
    // After 'exit', stderr is read to its end (V8's last words included). Not the child's 'close' event: it
    // never comes once the parent has called disconnect().
    const stderrEnded = new Promise((resolve) => this.child.stderr!.on('close', resolve));
    this.closed = new Promise((resolve) =>
      this.child.on('exit', async (code, signal) => {
        await stderrEnded;
        this.dead = true;
        live.delete(this.child);
        const reason = crashReason(code, signal, this.stderrTail);
        // Before 'ready', the worker itself is broken (not a run): that stops the batch.
        failedToStart!(new Error(`a worker process could not start: ${reason}`));
        const [running, ...waiting] = this.tasks.splice(0);
        running?.resolve({ index: running.index, status: 'failed', error: reason, crashed: true });
        for (const task of waiting) task.reject(new NotStarted());
        resolve();
      }),
    );
  }

  async run(index: number): Promise<RunDone> {
    let task: Task | undefined;
    const done = new Promise<RunDone>((resolve, reject) => this.tasks.push((task = { index, sentMs: 0, resolve, reject })));
    try {
      await this.ready;
    } catch (error) {
      this.tasks.splice(0);
      throw error;
    }
    task!.sentMs = this.timing?.clock() ?? 0;
    if (!this.dead) this.child.send({ kind: 'run', index } satisfies ToWorker);
    return done;
  }

  async close(): Promise<void> {
    if (this.child.connected) this.child.disconnect();
    await this.closed;
  }
}

/** The worker processes a batch runs on: the count asked for (a whole number ≥ 1), else one per core. */
export function workerCount(asked: number | undefined): number {
  const workers = asked ?? availableParallelism();
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers must be a whole number ≥ 1, got ${workers}`);
  return workers;
}

/** The runner's clock (milliseconds) and what it reports each run's duration to. */
interface RunTiming {
  clock: () => number;
  onRunTime: (ms: number) => void;
}

/** `clock` (milliseconds, the caller's: the core reads none) lets workers hold more runs once runs prove short. */
export function createRunner<I>(job: RunJob<I>, out: string, workers: number, heapLimitMb?: number, clock?: () => number): Runner {
  const entry = builtWorker(job.workerEntry, import.meta.url);
  const all: WorkerProcess[] = [];
  // A moving average of run times, over every worker: runs of a sweep's points can differ in length.
  let meanRunMs: number | null = null;
  const timing: RunTiming | null =
    clock === undefined ? null : { clock, onRunTime: (ms) => void (meanRunMs = meanRunMs === null ? ms : 0.8 * meanRunMs + 0.2 * ms) };
  /** The live worker with the fewest runs in hand, if one has room; a new one while there are fewer than `workers`. */
  const pick = (): WorkerProcess => {
    const alive = all.filter((w) => !w.dead);
    const roomy = alive.filter((w) => w.tasks.length < MAX_HELD).sort((a, b) => a.tasks.length - b.tasks.length)[0];
    if (roomy !== undefined && (roomy.tasks.length === 0 || alive.length >= workers)) return roomy;
    const worker = new WorkerProcess(entry, job.input, out, heapLimitMb, timing);
    all.push(worker);
    return worker;
  };
  return {
    get concurrency() {
      return workers * runsToHold(meanRunMs);
    },
    async run(index) {
      for (;;) {
        try {
          return await pick().run(index);
        } catch (error) {
          if (!(error instanceof NotStarted)) throw error;
        }
      }
    },
    close: () => Promise.all(all.map((w) => w.close())).then(() => undefined),
  };
}
