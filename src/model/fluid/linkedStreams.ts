import { timeResolutionSec } from '../timeResolution.js';
import type { LevelClock } from './levelClock.js';
import type { Stream } from './stream.js';

/**
 * The streams that follow the uplink's level (see Stream.link): a level change touches none of them. What
 * still depends on the level is found here in one pass over the set, with no anchoring: when each one's
 * cache empties, its initial copy is fully uploaded or its watched position processed (its next change), and
 * the peaks of its queues, which can only bend where the level changes.
 * NOTE: a dense list with positions, so that joining and leaving are O(1) and the pass is a plain loop.
 */
export class LinkedStreams {
  private members: Stream[] = [];
  private readonly position: Int32Array;
  /** The earliest next change among the members at the current level (recomputed by nextChangeSec). */
  private cachedNextSec = Infinity;
  private stale = false;

  constructor(
    streamCount: number,
    private readonly clock: LevelClock,
  ) {
    this.position = new Int32Array(Math.max(1, streamCount)).fill(-1);
  }

  get size(): number {
    return this.members.length;
  }

  has(stream: Stream): boolean {
    return this.position[stream.index]! >= 0;
  }

  add(stream: Stream): void {
    this.position[stream.index] = this.members.length;
    this.members.push(stream);
    this.stale = true;
  }

  remove(stream: Stream): void {
    const at = this.position[stream.index]!;
    if (at < 0) return;
    const last = this.members.pop()!;
    if (last !== stream) {
      this.members[at] = last;
      this.position[last.index] = at;
    }
    this.position[stream.index] = -1;
    this.stale = true;
  }

  /** The level is about to change at nowSec: the queues bend here, so their peaks are checked. */
  notePeaks(nowSec: number): void {
    const v = this.clock.valueAt(nowSec);
    // NOTE: inline arithmetic, not Stream's position methods: this runs over every linked stream at every
    // level change (a 200-VM domain in saturation changes level thousands of times a day).
    for (const stream of this.members) {
      const dt = nowSec - stream.anchorSec;
      const written = stream.written + stream.workloadRate * dt;
      const ingested = Math.min(written, stream.ingested + stream.ingestRate * dt);
      const uploaded = Math.min(ingested, stream.uploaded + stream.linkFactor * (v - stream.linkValue));
      if (ingested - uploaded > stream.peakCache) stream.peakCache = ingested - uploaded;
      if (written - uploaded > stream.peakUnuploaded) stream.peakUnuploaded = written - uploaded;
    }
    this.stale = true;
  }

  /** Members for which processing could no longer keep up at this level (they must be anchored). */
  forEachOverApplyRate(level: number, applyRateOf: (stream: Stream) => number, visit: (stream: Stream) => void): void {
    for (const stream of this.members) if (stream.linkFactor * level > applyRateOf(stream)) visit(stream);
  }

  /** The earliest instant at which a member's cache empties or its copy is uploaded, at the current level. */
  nextChangeSec(nowSec: number): number {
    if (!this.stale) return this.cachedNextSec;
    let next = Infinity;
    const v = this.clock.valueAt(nowSec);
    for (const stream of this.members) next = Math.min(next, this.changeSec(stream, nowSec, v));
    this.cachedNextSec = next;
    this.stale = false;
    return next;
  }

  /** Calls visit on every member whose change is due at nowSec (it must then be anchored). */
  forEachDue(nowSec: number, visit: (stream: Stream) => void): void {
    const due: Stream[] = [];
    for (const stream of this.members) if (this.changeSec(stream, nowSec) <= nowSec + timeResolutionSec(nowSec)) due.push(stream);
    for (const stream of due) visit(stream);
    this.stale = true;
  }

  /** Calls visit on every member (they must then be anchored: the clock's history is about to be trimmed). */
  forEach(visit: (stream: Stream) => void): void {
    for (const stream of [...this.members]) visit(stream);
  }

  private changeSec(stream: Stream, nowSec: number, v = this.clock.valueAt(nowSec)): number {
    const upload = stream.linkFactor * this.clock.level;
    const dt = nowSec - stream.anchorSec;
    const ingested = Math.min(stream.written + stream.workloadRate * dt, stream.ingested + stream.ingestRate * dt);
    const uploaded = Math.min(ingested, stream.uploaded + stream.linkFactor * (v - stream.linkValue));
    const cache = ingested - uploaded;
    let next = Infinity;
    if (upload > stream.ingestRate) next = nowSec + Math.max(0, cache - stream.tolerance) / (upload - stream.ingestRate);
    if (stream.initialReplicationDoneSec === null && upload > 0) {
      next = Math.min(next, nowSec + Math.max(0, stream.initialReplicationBytes - uploaded) / upload);
    }
    // Processing follows the upload: a watched position is reached when the upload reaches it.
    if (stream.watchedPosition < Infinity && upload > 0) next = Math.min(next, nowSec + Math.max(0, stream.watchedPosition - uploaded) / upload);
    return next;
  }
}
