export type PointKind = 'crash-consistent' | 'app-consistent';

const KINDS: readonly PointKind[] = ['crash-consistent', 'app-consistent'];

/**
 * Recovery points in source-time order as parallel growable columns: source time, bytes the workload had
 * written at the source time, when the point became usable, its kind and the retention flags it was given on
 * arrival. Points are referred to by index, valid until the next compaction.
 * NOTE: a VM creates 288 points a day and keeps about 50; columns instead of objects keep the garbage
 * collector out of it.
 */
export class PointList {
  private sources = new Float64Array(16);
  private workloads = new Float64Array(16);
  private usables = new Float64Array(16);
  private kinds = new Uint8Array(16);
  private flagBits = new Uint32Array(16);
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(sourceSec: number, workloadBytes: number, usableSec: number, kind: PointKind, flags: number): void {
    if (this.count === this.sources.length) this.grow();
    const i = this.count++;
    this.sources[i] = sourceSec;
    this.workloads[i] = workloadBytes;
    this.usables[i] = usableSec;
    this.kinds[i] = kind === 'app-consistent' ? 1 : 0;
    this.flagBits[i] = flags;
  }

  sourceSec(i: number): number {
    return this.sources[i]!;
  }
  workloadBytes(i: number): number {
    return this.workloads[i]!;
  }
  usableSec(i: number): number {
    return this.usables[i]!;
  }
  kind(i: number): PointKind {
    return KINDS[this.kinds[i]!]!;
  }
  flags(i: number): number {
    return this.flagBits[i]!;
  }

  /** Keeps the points for which keep(i) is true, in order; with `end`, every point from index `end` on as well. */
  retain(keep: (i: number) => boolean, end = this.count): void {
    let out = 0;
    for (let i = 0; i < end; i++) {
      if (!keep(i)) continue;
      if (out !== i) this.move(i, out);
      out++;
    }
    if (out === end) return;
    // NOTE: the rows past `end` move as a block (a grid store prunes only its old points, every hour).
    for (const column of [this.sources, this.workloads, this.usables, this.kinds, this.flagBits]) column.copyWithin(out, end, this.count);
    this.count = out + this.count - end;
  }

  private move(from: number, to: number): void {
    this.sources[to] = this.sources[from]!;
    this.workloads[to] = this.workloads[from]!;
    this.usables[to] = this.usables[from]!;
    this.kinds[to] = this.kinds[from]!;
    this.flagBits[to] = this.flagBits[from]!;
  }

  clear(): void {
    this.count = 0;
  }

  private grow(): void {
    const n = this.sources.length * 2;
    const f64 = (old: Float64Array) => {
      const next = new Float64Array(n);
      next.set(old);
      return next;
    };
    this.sources = f64(this.sources);
    this.workloads = f64(this.workloads);
    this.usables = f64(this.usables);
    const kinds = new Uint8Array(n);
    kinds.set(this.kinds);
    this.kinds = kinds;
    const flags = new Uint32Array(n);
    flags.set(this.flagBits);
    this.flagBits = flags;
  }
}
