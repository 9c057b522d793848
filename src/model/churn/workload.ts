import type { Stream } from '../fluid/stream.js';

/**
 * A VM's writes: the sum of its churn components, wherever the VM runs. The workload feeds the stream that
 * currently replicates it (none while the VM is not protected).
 */
export class Workload {
  private readonly componentRates: Float64Array;
  rateBytesPerSec = 0;

  constructor(
    componentCount: number,
    private stream: Stream | null,
  ) {
    this.componentRates = new Float64Array(componentCount);
  }

  /** Sets one component's rate; returns the stream it feeds (null: none), anchored at nowSec. */
  setComponentRate(nowSec: number, component: number, bytesPerSec: number): Stream | null {
    this.componentRates[component] = bytesPerSec;
    let sum = 0;
    for (let k = 0; k < this.componentRates.length; k++) sum += this.componentRates[k]!;
    this.rateBytesPerSec = sum;
    this.stream?.setChurnRate(nowSec, sum);
    return this.stream;
  }

  burst(nowSec: number, bytes: number): Stream | null {
    this.stream?.burst(nowSec, bytes);
    return this.stream;
  }
}
