/** Dates as resolutions write them ("23 July 2021"). */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2021-07-23" → "23 July 2021"; undefined for anything else (or the 0001-01-01 placeholder). */
export function formatIsoDate(iso: string | undefined): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1900 || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return `${d} ${MONTHS[mo - 1]} ${y}`;
}

const DATE_RE = new RegExp(`\\b(\\d{1,2})\\s+(${MONTHS.join('|')})\\s+(\\d{4})\\b`);

/** The first "23 July 2021"-style date in `text`. */
export function findDate(text: string): string | undefined {
  const m = DATE_RE.exec(text);
  return m ? `${Number(m[1])} ${m[2]} ${m[3]}` : undefined;
}

/** The year of a written date, if any. */
export function yearOf(date: string | undefined): string | undefined {
  const m = /\b(\d{4})\b/.exec(date ?? '');
  return m ? m[1] : undefined;
}
