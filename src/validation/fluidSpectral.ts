/**
 * Anick–Mitra–Sondhi: N independent identical exponential on-off sources (peak p, ON→OFF rate α, OFF→ON rate β)
 * feed a buffer drained at c. The modulating chain is "k sources ON", k = 0..N, a birth–death chain with drift
 * d_k = k·p − c. The stationary F_k(x) = P(Q ≤ x, k ON) solves F'(x)·D = F(x)·M (M the generator, D = diag d):
 *   F(x) = π + Σ_{z_i < 0} a_i φ_i e^{z_i x},   φ_i (M − z_i D) = 0,
 * with one negative eigenvalue per overload state (d_k > 0), and a_i fixed by F_k(0) = 0 in those states (the
 * buffer cannot stay empty while input exceeds output). Computed here numerically, without AMS's closed-form
 * eigenvalues, so that the check does not share a derivation with anything else: eigenvalues are the roots of
 * det(M − zD), a tridiagonal continuant, found by scanning z < 0 for sign changes and bisecting.
 */
export interface HomogeneousOnOff {
  sources: number;
  peakBytesPerSec: number;
  meanOnSec: number;
  meanOffSec: number;
  capacityBytesPerSec: number;
}

export interface FluidSolution {
  /** P(Q > x). */
  tail(xBytes: number): number;
  meanBacklogBytes: number;
  eigenvalues: number[];
}

export function solveHomogeneousOnOff(model: HomogeneousOnOff): FluidSolution {
  const { sources: n, peakBytesPerSec: p, capacityBytesPerSec: c } = model;
  const alpha = 1 / model.meanOnSec;
  const beta = 1 / model.meanOffSec;
  const states = n + 1;
  const drift = Array.from({ length: states }, (_, k) => k * p - c);
  if (drift.some((d) => d === 0)) throw new Error('a state with zero drift is not supported');
  if ((n * p * beta) / (alpha + beta) >= c) throw new Error('unstable: mean input >= capacity');
  const up = (k: number) => (n - k) * beta; // k → k+1
  const down = (k: number) => k * alpha; // k → k−1
  const diag = (k: number) => -(up(k) + down(k));

  // Stationary distribution of the number ON: Binomial(n, β/(α+β)).
  const on = beta / (alpha + beta);
  const pi = Array.from({ length: states }, (_, k) => binomial(n, k) * on ** k * (1 - on) ** (n - k));

  // det(M − zD) by the continuant recurrence, scaled to avoid overflow (only its sign matters).
  const determinant = (z: number): number => {
    let prev = 1;
    let cur = diag(0) - z * drift[0]!;
    for (let k = 1; k < states; k++) {
      const next = (diag(k) - z * drift[k]!) * cur - up(k - 1) * down(k) * prev;
      const scale = Math.max(Math.abs(next), Math.abs(cur), 1e-300);
      prev = cur / scale;
      cur = next / scale;
    }
    return cur;
  };
  const overload = drift.filter((d) => d > 0).length;
  const zMax = (2 * (n * Math.max(alpha, beta) + 1)) / Math.min(...drift.map(Math.abs));
  const eigenvalues = negativeRoots(determinant, zMax, overload);

  // Left null vector of the tridiagonal (M − zD), by forward recurrence over its columns.
  const nullVector = (z: number): number[] => {
    const phi = [1];
    for (let j = 0; j < states - 1; j++) {
      const left = j > 0 ? phi[j - 1]! * up(j - 1) : 0;
      phi.push(-(left + phi[j]! * (diag(j) - z * drift[j]!)) / down(j + 1));
    }
    return phi;
  };
  const vectors = eigenvalues.map(nullVector);
  const overloadStates = drift.map((d, k) => (d > 0 ? k : -1)).filter((k) => k >= 0);
  // Σ_i a_i φ_i[k] = −π_k for every overload state k.
  const matrix = overloadStates.map((k) => vectors.map((phi) => phi[k]!));
  const coefficients = solveLinear(matrix, overloadStates.map((k) => -pi[k]!));
  const weights = vectors.map((phi, i) => coefficients[i]! * phi.reduce((a, b) => a + b, 0));
  return {
    tail: (x) => -weights.reduce((sum, w, i) => sum + w * Math.exp(eigenvalues[i]! * x), 0),
    meanBacklogBytes: weights.reduce((sum, w, i) => sum + w / eigenvalues[i]!, 0),
    eigenvalues,
  };
}

function binomial(n: number, k: number): number {
  let result = 1;
  for (let j = 1; j <= k; j++) result = (result * (n - k + j)) / j;
  return result;
}

/** The `count` roots of f in (−zMax, 0), by a log-spaced scan for sign changes, then bisection. */
function negativeRoots(f: (z: number) => number, zMax: number, count: number): number[] {
  const roots: number[] = [];
  const steps = 20_000;
  const lowest = zMax * 1e-9;
  let previousZ = -lowest;
  let previousValue = f(previousZ);
  for (let s = 1; s <= steps; s++) {
    const z = -lowest * (zMax / lowest) ** (s / steps);
    const value = f(z);
    if (Math.sign(value) !== Math.sign(previousValue)) {
      let a = previousZ;
      let b = z;
      for (let it = 0; it < 200 && Math.abs(b - a) > 1e-15 * Math.abs(a); it++) {
        const mid = (a + b) / 2;
        if (Math.sign(f(mid)) === Math.sign(f(a))) a = mid;
        else b = mid;
      }
      roots.push((a + b) / 2);
    }
    previousZ = z;
    previousValue = value;
  }
  if (roots.length !== count) throw new Error(`found ${roots.length} negative eigenvalues, expected ${count}`);
  return roots;
}

/** Gaussian elimination with partial pivoting (the systems here are at most a few rows). */
function solveLinear(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = m[r]![col]! / m[col]![col]!;
      for (let k = col; k <= n; k++) m[r]![k]! -= factor * m[col]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}
