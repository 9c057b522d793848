/**
 * Up/down state of a component (an uplink or a process server) under any number of overlapping outages:
 * it is down while at least one outage is on. Keeps the time and count of outages for the summary.
 */
export class Availability {
  private outagesOn = 0;
  private downSinceSec = 0;
  downSec = 0;
  outages = 0;

  get up(): boolean {
    return this.outagesOn === 0;
  }

  begin(nowSec: number): void {
    if (this.outagesOn++ === 0) {
      this.downSinceSec = nowSec;
      this.outages++;
    }
  }

  end(nowSec: number): void {
    if (--this.outagesOn === 0) this.downSec += nowSec - this.downSinceSec;
  }

  /** Closes the books at the end of the run. */
  finish(nowSec: number): void {
    if (this.outagesOn > 0) {
      this.downSec += nowSec - this.downSinceSec;
      this.downSinceSec = nowSec;
    }
  }
}
