/**
 * Max-min fair share of a capacity among claimants with demands (Infinity = takes all it can get):
 * every claimant gets min(demand, level), and the level is as high as the capacity allows.
 * This is how a shared link or process server serves the VMs that have data to send.
 *
 * Writes the allocations into `out` and returns the level (Infinity when every demand is met).
 * NOTE: called on every rate change of a replication domain; `order` is a scratch array reused by the caller.
 */
export function waterFill(
  demands: Float64Array,
  count: number,
  capacity: number,
  out: Float64Array,
  order: Uint32Array,
): number {
  for (let i = 0; i < count; i++) order[i] = i;
  const sorted = order.subarray(0, count);
  sorted.sort((a, b) => demands[a]! - demands[b]!);
  let remaining = capacity;
  for (let k = 0; k < count; k++) {
    const share = remaining / (count - k);
    const i = sorted[k]!;
    if (demands[i]! <= share) {
      out[i] = demands[i]!;
      remaining -= demands[i]!;
      continue;
    }
    // Everyone from here on wants more than an equal split of what is left: they all get the level.
    for (let j = k; j < count; j++) out[sorted[j]!] = share;
    return share;
  }
  return Infinity;
}
