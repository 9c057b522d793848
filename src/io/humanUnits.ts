// Human-readable durations and byte sizes for the terminal. Files keep base units; only people read these.

const MISSING = '-';

const DURATION_UNITS: ReadonlyArray<readonly [string, number]> = [
  ['d', 86_400],
  ['h', 3_600],
  ['m', 60],
  ['s', 1],
];

/**
 * A duration as its two largest units ("7m 30s", "2h 5m", "1d 3h"), or as many as `units` asks; under a minute in
 * seconds ("42s", "4.2s"). Zero parts are dropped ("2h", not "2h 0m"). null → "-".
 */
export function formatDuration(seconds: number | null, units = 2): string {
  if (seconds === null || !Number.isFinite(seconds)) return MISSING;
  const sign = seconds < 0 ? '-' : '';
  const abs = Math.abs(seconds);
  if (abs < 10) return `${sign}${trimZero(abs.toFixed(1))}s`;
  // Round to whole seconds before splitting, so 59.7 s reads "1m", not "60s".
  let rest = Math.round(abs);
  const parts: string[] = [];
  for (const [unit, size] of DURATION_UNITS) {
    if (parts.length === 0 && rest < size && size > 1) continue;
    const count = Math.floor(rest / size);
    rest -= count * size;
    parts.push(`${count}${unit}`);
    if (parts.length === units) break;
  }
  return sign + parts.filter((p) => !/^0[a-z]$/.test(p)).join(' ');
}

const BYTE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'];

/** Decimal units (1 kB = 1000 B), as disks and links are sold: "512 B", "1.2 GB", "45.3 MB", "512 MB". */
export function formatBytes(bytes: number | null): string {
  if (bytes === null || !Number.isFinite(bytes)) return MISSING;
  const sign = bytes < 0 ? '-' : '';
  let value = Math.abs(bytes);
  let unit = 0;
  while (unit < BYTE_UNITS.length - 1 && roundForDisplay(value) >= 1000) {
    value /= 1000;
    unit += 1;
  }
  const text = unit === 0 ? String(Math.round(value)) : trimZero(value.toFixed(value >= 99.95 ? 0 : 1));
  return `${sign}${text} ${BYTE_UNITS[unit]}`;
}

/** A fraction 0–1 as a percentage with one decimal ("97.3%"). */
export function formatPercent(fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) return MISSING;
  return `${(fraction * 100).toFixed(1)}%`;
}

/** The value as it will be printed (0 or 1 decimal), so unit choice happens after rounding: no "1000 kB". */
function roundForDisplay(value: number): number {
  return value >= 99.95 ? Math.round(value) : Math.round(value * 10) / 10;
}

function trimZero(text: string): string {
  return text.endsWith('.0') ? text.slice(0, -2) : text;
}

/** A count with its noun, plural when needed ("1 VM", "3 VMs"). */
export function formatCount(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
