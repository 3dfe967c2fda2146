/**
 * A ceremony's local date (YYYY-MM-DD, Gregorian) as a machine-friendly Jalali date with ASCII
 * digits, e.g. 2021-02-23 → 1399-12-05: for CSV and JSON exports, where a spreadsheet sorts it.
 */
export function jalaliIsoDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  // Noon UTC of that calendar day, formatted in UTC: the day never shifts with a time zone.
  const parts = new Intl.DateTimeFormat('en-US-u-ca-persian-nu-latn', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).formatToParts(
    new Date(Date.UTC(y, m - 1, d, 12)),
  );
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** A duration in milliseconds as HH:MM:SS.mmm (negative with a leading "-"), as video editors read timecodes. */
export function formatElapsed(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(Math.round(ms));
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const hours = Math.floor(abs / 3_600_000);
  const minutes = Math.floor((abs % 3_600_000) / 60_000);
  const seconds = Math.floor((abs % 60_000) / 1000);
  return `${sign}${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(abs % 1000, 3)}`;
}
