// Cell formatting shared by the CSV writers: fixed precision so that equal results give byte-identical files.

/** Seconds with 3 decimals (millisecond resolution); null → empty cell. */
export function secondsCell(seconds: number | null): string {
  return seconds === null ? '' : normaliseZero(seconds.toFixed(3));
}

/** Whole bytes; null → empty cell. */
export function bytesCell(bytes: number | null): string {
  return bytes === null ? '' : normaliseZero(String(Math.round(bytes)));
}

/** "-0.000" would make an otherwise equal file differ: print zero one way only. */
function normaliseZero(text: string): string {
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}
