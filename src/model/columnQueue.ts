type Column = Float64Array | Uint8Array;

/**
 * Room at the end of a queue kept as parallel typed-array columns whose live rows are [head, tail): the live
 * rows move to the front in place when at least half the space is consumed, else into columns twice as long.
 * Returns the columns to use from now on; the live rows are then [0, tail − head).
 * NOTE: the flat growable storage of the fluid model's per-VM histories (no object per row).
 */
export function makeRoom<C extends Column[]>(columns: [...C], head: number, tail: number): [...C] {
  if ((tail - head) * 2 <= columns[0]!.length) {
    for (const column of columns) column.copyWithin(0, head, tail);
    return columns;
  }
  return columns.map((column) => {
    const fresh = new (column.constructor as new (length: number) => Column)(column.length * 2);
    fresh.set(column.subarray(head, tail));
    return fresh;
  }) as [...C];
}
