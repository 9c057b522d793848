import type { AlertSummary } from './types.js';

/**
 * Alerts on a signal given as back-to-back linear segments (values may be Infinity), observed from `fromSec` on.
 * Between segments the signal may jump (a new recovery point makes the RPO drop): a segment that starts above
 * the level after one that ended below starts a new run above it.
 *
 * An alert is raised once the signal has stayed above the level for `raiseAfterSec` (ASR raises process-server
 * alerts after 15 minutes), and clears when it drops back: a run shorter than that raises nothing, so a signal
 * flapping around the level does not count as many alerts. Episodes count raised alerts and `seconds` the time
 * they were raised; `secondsAbove` is the raw time above the level, whatever the runs' lengths.
 */
export class ThresholdTracker {
  private episodes = 0;
  private alertSeconds = 0;
  private rawSecondsAbove = 0;
  /** Start of the current run above the level, or NaN when below. */
  private runStartSec = Number.NaN;
  private lastSec = Number.NaN;

  constructor(
    readonly level: number,
    private readonly fromSec: number,
    private readonly raiseAfterSec = 0,
  ) {}

  segment(t0: number, v0: number, t1: number, v1: number): void {
    if (t1 <= this.fromSec || t1 <= t0) return;
    // NOTE: the common case (an RPO tooth below the threshold, no run open) in a few comparisons.
    if (v0 <= this.level && v1 <= this.level && Number.isNaN(this.runStartSec)) {
      this.lastSec = t1;
      return;
    }
    if (t0 < this.fromSec) {
      if (Number.isFinite(v0) && Number.isFinite(v1)) v0 += ((v1 - v0) * (this.fromSec - t0)) / (t1 - t0);
      t0 = this.fromSec;
    }
    const startsAbove = v0 > this.level;
    const endsAbove = v1 > this.level;
    // An infinite end keeps the whole segment above (the limit of a linear rise to, or fall from, a huge value).
    const crossing =
      startsAbove === endsAbove ? Number.NaN : Number.isFinite(v0) && Number.isFinite(v1) ? t0 + ((this.level - v0) * (t1 - t0)) / (v1 - v0) : startsAbove ? t1 : t0;
    if (startsAbove) {
      if (Number.isNaN(this.runStartSec)) this.runStartSec = t0;
      if (!endsAbove) this.closeRun(crossing);
    } else {
      if (!Number.isNaN(this.runStartSec)) this.closeRun(t0); // dropped below with a jump
      if (endsAbove) this.runStartSec = crossing;
    }
    this.lastSec = t1;
  }

  /** The alerts up to the last segment's end (a run still above the level counts as far as it has gone). */
  summary(): AlertSummary {
    let { episodes, alertSeconds } = this;
    if (!Number.isNaN(this.runStartSec)) {
      const length = this.lastSec - this.runStartSec;
      if (length >= this.raiseAfterSec && length > 0) {
        episodes++;
        alertSeconds += length - this.raiseAfterSec;
      }
    }
    return { episodes, seconds: alertSeconds };
  }

  /** Raw seconds above the level (alert delay or not), up to the last segment's end. */
  get secondsAbove(): number {
    return this.rawSecondsAbove + (Number.isNaN(this.runStartSec) ? 0 : this.lastSec - this.runStartSec);
  }

  private closeRun(endSec: number): void {
    const length = endSec - this.runStartSec;
    this.rawSecondsAbove += length;
    if (length >= this.raiseAfterSec && length > 0) {
      this.episodes++;
      this.alertSeconds += length - this.raiseAfterSec;
    }
    this.runStartSec = Number.NaN;
  }
}
