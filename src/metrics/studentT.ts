// The 97.5% quantile of Student's t, for 95% confidence intervals over few replications, where the
// normal 1.96 would be too narrow (df = 4 → 2.776).

const TABLE = [
  12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139, 2.200985,
  2.178813, 2.160369, 2.144787, 2.13145, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963, 2.079614, 2.073873,
  2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.04523, 2.042272,
];

export function tQuantile975(df: number): number {
  if (df < 1) return Number.NaN;
  if (df <= TABLE.length) return TABLE[Math.floor(df) - 1]!;
  // Cornish–Fisher expansion around the normal quantile: within 1e-5 of the exact value beyond df = 30.
  const z = 1.959963985;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2) + (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * df ** 3);
}
