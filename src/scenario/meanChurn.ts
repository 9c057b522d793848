// Long-run mean write rates, for sizing warnings and for anyone who needs a quick load figure.
import type { ChurnComponent, Distribution } from './types.js';

/** Mean of a distribution (normal: the untruncated mean, close enough when mean >> sd). */
export function distributionMean(d: Distribution): number {
  switch (d.kind) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'exponential':
    case 'normal':
    case 'lognormal':
      return d.mean;
  }
}

/** Long-run mean rate of one churn component in bytes/s (a trace: its own mean over one pass). */
export function meanChurnBytesPerSec(c: ChurnComponent): number {
  switch (c.kind) {
    case 'constant':
      return c.rateBytesPerSec;
    case 'dailyProfile':
      return c.hourlyRatesBytesPerSec.reduce((s, r) => s + r, 0) / c.hourlyRatesBytesPerSec.length;
    case 'onOff':
      return (c.peakBytesPerSec * c.meanOnSec) / (c.meanOnSec + c.meanOffSec);
    case 'poissonBursts':
      return distributionMean(c.sizeBytes) / c.meanIntervalSec;
    case 'trace': {
      const n = c.startsSec.length;
      // The last interval lasts as long as the one before it (see ChurnComponent).
      const duration = c.startsSec[n - 1]! + (c.startsSec[n - 1]! - c.startsSec[n - 2]!);
      return c.bytes.reduce((s, b) => s + b, 0) / duration;
    }
    case 'periodicSteps': {
      const { stepStartsSec: starts, ratesBytesPerSec: rates, periodSec } = c;
      const bytes = rates.reduce((s, r, k) => s + r * ((starts[k + 1] ?? periodSec) - starts[k]!), 0);
      return bytes / periodSec;
    }
  }
}
