// A smooth daily churn shape from two numbers a user can estimate (peak hour, peak-to-mean ratio):
// w(h) = exp(a·cos(2π(h − peakHour)/24)) over the 24 hours, normalised to mean 1 (von Mises-like).

const HOURS = 24;

/** Weights before normalisation, scaled by exp(−a) so that large a cannot overflow. */
function rawWeights(a: number, peakHour: number): number[] {
  return Array.from({ length: HOURS }, (_, h) => Math.exp(a * (Math.cos((2 * Math.PI * (h - peakHour)) / HOURS) - 1)));
}

function peakToMeanOf(weights: number[]): number {
  const mean = weights.reduce((s, w) => s + w, 0) / HOURS;
  return Math.max(...weights) / mean;
}

/**
 * 24 hourly weights with mean 1 and max/mean = peakToMean. The ratio grows with a from 1 (a = 0, flat)
 * towards 24 (all weight in one hour), so bisection on a finds it; peakToMean must be in [1, 24).
 * peakHour is a whole hour 0..23: between two hours the limit would be 12, not 24.
 */
export function dailyShapeWeights(peakHour: number, peakToMean: number): number[] {
  if (!(Number.isInteger(peakHour) && peakHour >= 0 && peakHour < HOURS)) {
    throw new RangeError(`peakHour must be a whole hour 0..23, got ${peakHour}`);
  }
  if (!(peakToMean >= 1 && peakToMean < HOURS)) throw new RangeError(`peakToMean must be in [1, 24), got ${peakToMean}`);
  let lo = 0;
  let hi = 1;
  while (peakToMeanOf(rawWeights(hi, peakHour)) < peakToMean) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (peakToMeanOf(rawWeights(mid, peakHour)) < peakToMean) lo = mid;
    else hi = mid;
  }
  const a = peakToMean === 1 ? 0 : (lo + hi) / 2;
  const weights = rawWeights(a, peakHour);
  const mean = weights.reduce((s, w) => s + w, 0) / HOURS;
  return weights.map((w) => w / mean);
}

/** Hourly write rates (bytes/s) that write volumeBytes per day with the shape above. */
export function dailyProfileFromVolume(volumeBytes: number, peakHour: number, peakToMean: number): number[] {
  const meanRate = volumeBytes / 86_400;
  return dailyShapeWeights(peakHour, peakToMean).map((w) => meanRate * w);
}
