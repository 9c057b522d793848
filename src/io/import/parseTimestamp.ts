// Timestamps as exports write them. PowerShell's Export-Csv writes a DateTime in the culture of the machine
// that ran it: "1/15/2024 10:05:00 AM" (en-US), "15/01/2024 10:05:00" (en-GB, needs dayFirst),
// "15.01.2024 10:05:00" (de-DE and others: always day first); other tools write ISO 8601. The result is
// seconds on one consistent clock: an ISO offset (Z, +01:00) is applied, times without one are taken as they
// are (so an export must not mix the two, and local times repeat or skip an hour at daylight-saving changes).

export const EXPECTED_TIMESTAMP =
  'a timestamp like "2024-01-15T10:05:00", "1/15/2024 10:05:00 AM" or "15.01.2024 10:05:00" (--day-first reads 15/01/2024)';

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const SLASH = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?$/i;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** Seconds since 1970-01-01T00:00, or undefined when the text is no valid date and time. */
function clock(year: number, month: number, day: number, hour: number, minute: number, second: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second >= 60) return undefined;
  const ms = Date.UTC(year, month - 1, day, hour, minute, 0) + second * 1000;
  // Date.UTC rolls 31 February over into March: reject what does not come back as written.
  return new Date(ms).getUTCDate() === day ? ms / 1000 : undefined;
}

export function parseTimestamp(text: string, dayFirst = false): number | undefined {
  const t = text.trim();
  const iso = ISO.exec(t);
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = iso;
    const local = clock(+y!, +mo!, +d!, +h, +mi, Number(`${s}.${frac || '0'}`));
    if (local === undefined || zone === undefined || zone.toUpperCase() === 'Z') return local;
    const [, sign, zh, zm] = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
    return local - (sign === '-' ? -1 : 1) * (+zh! * 3600 + +zm! * 60);
  }
  const slash = SLASH.exec(t);
  if (slash) {
    const [, a, b, y, h = '0', mi = '0', s = '0', half] = slash;
    let hour = +h;
    if (half !== undefined) {
      if (hour < 1 || hour > 12) return undefined;
      hour = (hour % 12) + (half.toUpperCase() === 'PM' ? 12 : 0);
    }
    const [month, day] = dayFirst ? [+b!, +a!] : [+a!, +b!];
    return clock(+y!, month, day, hour, +mi, +s);
  }
  const dotted = DOTTED.exec(t);
  if (dotted) {
    const [, d, mo, y, h = '0', mi = '0', s = '0'] = dotted;
    return clock(+y!, +mo!, +d!, +h, +mi, +s);
  }
  return undefined;
}

/** A time as the scenario's comments show it: "2024-01-15 10:05" (seconds only when not zero). */
export function formatTimestamp(seconds: number): string {
  const iso = new Date(seconds * 1000).toISOString();
  return iso.endsWith(':00.000Z') ? iso.slice(0, 16).replace('T', ' ') : iso.slice(0, 19).replace('T', ' ');
}
