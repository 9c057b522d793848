// NOTE: judging a scenario object costs about as much as parsing a file (5–10 ms for six VMs, as much as a
// one-day sweep run), so objects that parseScenario returned, or that passed once, are not judged again.
const known = new WeakSet<object>();

/** Records a scenario that has just been validated; returns it. */
export function markValid<T extends object>(scenario: T): T {
  known.add(scenario);
  return scenario;
}

export function isKnownValid(scenario: unknown): boolean {
  return typeof scenario === 'object' && scenario !== null && known.has(scenario);
}
