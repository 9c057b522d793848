/**
 * A plain-text table for the terminal: columns padded to their widest cell, two spaces apart. The first
 * `leftColumns` columns (names) are left-aligned, the rest (figures) right-aligned so that digits line up.
 */
export function textTable(header: string[], rows: string[][], leftColumns = 1, indent = '  '): string {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length)));
  return all
    .map((row) =>
      indent +
      widths
        .map((width, column) => {
          const cell = row[column] ?? '';
          return column < leftColumns ? cell.padEnd(width) : cell.padStart(width);
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
