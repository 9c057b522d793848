// Progress of one simulation on stderr, only on a terminal and only once a run has lasted a second: short
// runs and logs stay clean. A single run cannot be resumed, but its output folder is written only at the end.
import { performance } from 'node:perf_hooks';
import { formatDuration } from '../io/humanUnits.js';
import { terminalSafe, writeWithControls } from './terminalOutput.js';

export function runProgress(stream: NodeJS.WriteStream, label: string, done = 'simulated'): { update: (fraction: number) => void; finish: () => void } {
  const startedMs = performance.now();
  let shown = false;
  let drawnMs = -Infinity;
  return {
    update(fraction) {
      if (!stream.isTTY) return;
      const nowMs = performance.now();
      const elapsedSec = (nowMs - startedMs) / 1000;
      // Ten redraws a second at most: a file read reports every chunk.
      if (elapsedSec < 1 || nowMs - drawnMs < 100) return;
      drawnMs = nowMs;
      const eta = fraction > 0 ? (elapsedSec * (1 - fraction)) / fraction : Number.NaN;
      writeWithControls(stream, `\r${terminalSafe(label)}: ${(fraction * 100).toFixed(0)}% ${done} in ${formatDuration(elapsedSec)}, ETA ${Number.isFinite(eta) ? formatDuration(eta) : '?'}\x1b[K`);
      shown = true;
    },
    finish() {
      if (shown) writeWithControls(stream, '\r\x1b[K');
    },
  };
}
