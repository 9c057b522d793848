// Splits "20 Mbps" / "60m" / 12 into a number and its unit text, so that ranges can step the number and
// write values back in the unit (and spacing) the user wrote; the scenario parser then converts them.
// Unit conversion itself stays in one place: the scenario parser.

export interface Quantity {
  value: number;
  /** The unit as written ("Mbps", "m"), empty for a bare number. */
  unit: string;
  /** The text between number and unit ("" or " "), kept so values read like the user's own. */
  separator: string;
  /** The range was given as YAML numbers: values stay numbers. */
  numeric: boolean;
}

export function splitQuantity(input: string | number): Quantity | null {
  if (typeof input === 'number') return Number.isFinite(input) ? { value: input, unit: '', separator: '', numeric: true } : null;
  const m = /^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)(\s*)(\S.*?)?\s*$/.exec(input);
  if (!m) return null;
  return { value: Number(m[1]), unit: m[3] ?? '', separator: m[3] === undefined ? '' : m[2]!, numeric: false };
}

/** Six significant digits: enough for any physical setting, and free of float noise like 35.56558820077846. */
export function roundForDisplay(x: number): number {
  return Number(x.toPrecision(6));
}

export function formatQuantity(value: number, like: Quantity): string | number {
  const rounded = roundForDisplay(value);
  return like.numeric ? rounded : `${rounded}${like.separator}${like.unit}`;
}
