// Sweep progress on stderr: a redrawn bar on a terminal; on a pipe (CI, logs) a plain line every 10 s or
// every 10% of the runs, whichever comes first, so logs stay short but show life.
import { formatDuration } from '../io/humanUnits.js';
import type { SweepProgress } from '../sweep/runSweep.js';
import { writeWithControls } from './terminalOutput.js';

export interface ProgressDisplay {
  update(progress: SweepProgress): void;
  finish(): void;
}

export function createProgress(stream: NodeJS.WriteStream, clock: () => number = () => performance.now(), label = 'sweep'): ProgressDisplay {
  const tty = stream.isTTY === true;
  const startedMs = clock();
  let firstDone: number | null = null;
  let lastDrawMs = -Infinity;
  let lastTenth = -1;
  let last: SweepProgress | null = null;

  const text = (p: SweepProgress): string => {
    const elapsedSec = (clock() - startedMs) / 1000;
    const computed = p.done - (firstDone ?? p.done);
    const rate = elapsedSec > 0 ? computed / elapsedSec : 0;
    const eta = rate > 0 ? (p.total - p.done) / rate : Number.NaN;
    const pct = p.total === 0 ? 100 : (100 * p.done) / p.total;
    const failed = p.failed > 0 ? `  ${p.failed} failed` : '';
    return `${p.done}/${p.total} runs ${pct.toFixed(1)}%  ${rate.toFixed(1)} runs/s  ETA ${p.done === p.total ? '0s' : Number.isFinite(eta) ? formatDuration(eta) : '?'}${failed}`;
  };

  return {
    update(p) {
      firstDone ??= p.done;
      last = p;
      const now = clock();
      if (tty) {
        if (now - lastDrawMs < 100 && p.done !== p.total) return;
        const width = 30;
        const filled = p.total === 0 ? width : Math.round((width * p.done) / p.total);
        writeWithControls(stream, `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text(p)}\x1b[K`);
      } else {
        const tenth = p.total === 0 ? 10 : Math.floor((10 * p.done) / p.total);
        if (now - lastDrawMs < 10_000 && tenth === lastTenth) return;
        lastTenth = tenth;
        stream.write(`${label}: ${text(p)}\n`);
      }
      lastDrawMs = now;
    },
    finish() {
      if (tty && last) stream.write('\n');
    },
  };
}
