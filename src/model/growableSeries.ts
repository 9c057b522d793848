/** An append-only pair of Float64 columns (x, y) that grows by doubling. NOTE: avoids one object per sample. */
export class GrowableSeries {
  x = new Float64Array(16);
  y = new Float64Array(16);
  length = 0;

  push(x: number, y: number): void {
    if (this.length === this.x.length) {
      const nx = new Float64Array(this.length * 2);
      const ny = new Float64Array(this.length * 2);
      nx.set(this.x);
      ny.set(this.y);
      this.x = nx;
      this.y = ny;
    }
    this.x[this.length] = x;
    this.y[this.length] = y;
    this.length++;
  }
}
