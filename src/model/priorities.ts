/**
 * Order of events at the same instant. Changes of state come first, then recovery-point tags (which read the
 * stream position), then the recomputation of rates (once for all changes at that instant), then observers.
 */
export const PRIORITY = {
  stateChange: 0,
  crashTag: 1,
  appTag: 2,
  recompute: 3,
  observe: 4,
} as const;
