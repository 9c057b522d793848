import type { AlertSummary } from './types.js';

/**
 * Counts alert episodes and time above a level for a signal given as linear segments (values may be Infinity),
 * observed from `fromSec` on. Between segments the signal may jump (a new recovery point makes the RPO drop):
 * a segment that starts above the level after one that ended below starts a new episode.
 */
export class ThresholdTracker {
  private episodes = 0;
  private secondsAbove = 0;
  private above = false;

  constructor(
    readonly level: number,
    private readonly fromSec: number,
  ) {}

  segment(t0: number, v0: number, t1: number, v1: number): void {
    if (t1 <= this.fromSec || t1 <= t0) return;
    if (t0 < this.fromSec) {
      if (Number.isFinite(v0) && Number.isFinite(v1)) v0 += ((v1 - v0) * (this.fromSec - t0)) / (t1 - t0);
      t0 = this.fromSec;
    }
    const startsAbove = v0 > this.level;
    const endsAbove = v1 > this.level;
    if (startsAbove && endsAbove) {
      this.secondsAbove += t1 - t0;
    } else if (startsAbove !== endsAbove) {
      // An infinite end keeps the whole segment above (the limit of a linear rise to, or fall from, a huge value).
      const crossing =
        Number.isFinite(v0) && Number.isFinite(v1) ? t0 + ((this.level - v0) * (t1 - t0)) / (v1 - v0) : startsAbove ? t1 : t0;
      this.secondsAbove += startsAbove ? crossing - t0 : t1 - crossing;
    }
    if ((startsAbove || endsAbove) && !(this.above && startsAbove)) this.episodes++;
    this.above = endsAbove;
  }

  summary(): AlertSummary {
    return { episodes: this.episodes, seconds: this.secondsAbove };
  }
}
