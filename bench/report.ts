// Formatting of the bench's figures: tables with each figure beside its goal from issue 10.

/** Left-aligned columns two spaces apart, indented under a section title. */
export function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? '').length)));
  const line = (cells: string[]) => `  ${cells.map((cell, c) => cell.padEnd(widths[c]!)).join('  ')}`.trimEnd();
  return [line(header), ...rows.map(line)];
}

export function status(met: boolean | null): string {
  return met === null ? 'n/a' : met ? 'met' : 'not yet';
}

export const fixed = (value: number, digits: number): string =>
  value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export const mb = (value: number): string => `${fixed(value, 0)} MB`;

export const percent = (value: number): string => `${fixed(value * 100, 0)}%`;

export const times = (value: number): string => `${fixed(value, 2)}×`;

/** A small difference in scientific notation (0 stays 0). */
export const tiny = (value: number): string => (value === 0 ? '0' : value.toExponential(1));
