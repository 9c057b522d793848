/**
 * Order of events at the same instant. Changes of state come first, then the recomputation of rates (once for
 * all changes at that instant), then observers. A recovery-point tag at an instant sits after every change
 * there (streams place tags lazily, see Stream).
 */
export const PRIORITY = {
  stateChange: 0,
  /** After every change of the instant, before rates are shared: where a tag placed at the instant sits. */
  afterChanges: 2,
  recompute: 3,
  observe: 4,
} as const;
