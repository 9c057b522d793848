/**
 * Finish times of transfers that share one link fairly (processor sharing): while n transfers are active each
 * gets bandwidth / n. Transfers start at their own times; one of 0 bytes finishes when it starts.
 */
export function fairShareFinishSec(transfers: readonly { startSec: number; bytes: number }[], bytesPerSec: number): number[] {
  // Less than a byte is nothing to send: a denormal remainder divided by the rate underflows to a zero step.
  const finish = transfers.map((t) => (t.bytes < 1 ? t.startSec : Infinity));
  const remaining = transfers.map((t) => (t.bytes < 1 ? 0 : t.bytes));
  const pending = transfers.map((_, i) => i).filter((i) => remaining[i]! > 0).sort((a, b) => transfers[a]!.startSec - transfers[b]!.startSec);
  const active: number[] = [];
  let now = pending.length > 0 ? transfers[pending[0]!]!.startSec : 0;
  while (pending.length > 0 || active.length > 0) {
    while (pending.length > 0 && transfers[pending[0]!]!.startSec <= now) active.push(pending.shift()!);
    if (active.length === 0) {
      now = transfers[pending[0]!]!.startSec;
      continue;
    }
    const rate = bytesPerSec / active.length;
    const nextArrival = pending.length > 0 ? transfers[pending[0]!]!.startSec : Infinity;
    const firstDone = Math.min(...active.map((i) => remaining[i]! / rate));
    const dt = Math.min(firstDone, nextArrival - now);
    if (!(dt >= 0) || !Number.isFinite(dt)) throw new RangeError(`fair share: bad step ${dt} (bytes ${active.map((i) => remaining[i]).join(', ')})`);
    for (const i of active) remaining[i] = remaining[i]! - rate * dt;
    // Land exactly on an arrival: now + (arrival − now) can fall a hair short, and then loop forever.
    now = dt === nextArrival - now ? nextArrival : now + dt;
    for (let k = active.length - 1; k >= 0; k--) {
      const i = active[k]!;
      // Relative tolerance: the one that set dt ends exactly; others within rounding end with it.
      if (remaining[i]! <= Math.max(1e-9 * transfers[i]!.bytes, 1e-6)) {
        finish[i] = now;
        active.splice(k, 1);
      }
    }
  }
  return finish;
}
