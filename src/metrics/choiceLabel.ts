import type { FailoverChoice } from '../scenario/types.js';

const UNITS: ReadonlyArray<readonly [string, number]> = [['d', 86_400], ['h', 3_600], ['m', 60], ['s', 1]];

/** A duration in the scenario format's own syntax, without spaces: 3d, 12h, 1h30m, 45s. */
export function compactDuration(seconds: number): string {
  let rest = seconds;
  let text = '';
  for (const [unit, size] of UNITS) {
    const count = size === 1 ? Math.round(rest * 1000) / 1000 : Math.floor(rest / size);
    rest -= count * size;
    if (count > 0) text += `${count}${unit}`;
  }
  return text || '0s';
}

/**
 * A failover choice as tables and files name it: the choice itself, and for `clean` its dwell time too
 * (`clean@3d`), since clean is evaluated once per dwell time.
 */
export function choiceLabel(choice: FailoverChoice, dwellSec?: number | null): string {
  return choice === 'clean' && dwellSec !== undefined && dwellSec !== null ? `clean@${compactDuration(dwellSec)}` : choice;
}

export interface ChoiceVariant {
  choice: FailoverChoice;
  /** clean: the dwell time; null for the other choices. */
  dwellSec: number | null;
}

/** What a disaster is evaluated for: every choice in order, clean once per dwell time. */
export function choiceVariants(choices: readonly FailoverChoice[], dwellSec: readonly number[] = []): ChoiceVariant[] {
  return choices.flatMap((choice): ChoiceVariant[] => (choice === 'clean' ? dwellSec.map((dwell) => ({ choice, dwellSec: dwell })) : [{ choice, dwellSec: null }]));
}
