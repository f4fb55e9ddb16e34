// Pure formatting helpers (no DOM), unit-tested in format.test.ts.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Parses an ISO 8601 time; returns null for missing or malformed input. */
export function parseTime(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : null;
}

/** "12 Mar 2022" in UTC (stable across time zones). */
export function formatDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "12 Mar 2022, 14:05 UTC". */
export function formatDateTime(iso: string | null | undefined): string {
  const t = parseTime(iso);
  if (t === null) return 'time unknown';
  const d = new Date(t);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${formatDate(t)}, ${hh}:${mm} UTC`;
}

/**
 * How long before `now` the time `then` was: "just now", "5 min ago", "3 h ago",
 * "1 day ago", "6 days ago"; a week or more back gives the date (UTC). `now` should be the
 * real clock: the index's "now" is its newest article, which stands still on a quiet feed.
 */
export function formatRelative(then: string | null | undefined, now: number = Date.now()): string {
  const t = parseTime(then);
  if (t === null) return 'time unknown';
  const diff = now - t;
  if (diff < MINUTE) return 'just now'; // includes small clock skew into the future
  if (diff < HOUR) return `${Math.floor(diff / MINUTE)} min ago`;
  if (diff < DAY) return `${Math.floor(diff / HOUR)} h ago`;
  if (diff < 7 * DAY) {
    const days = Math.floor(diff / DAY);
    return days === 1 ? '1 day ago' : `${days} days ago`;
  }
  return formatDate(t);
}

/** Offset of a timeline entry from the first report: "+45 min", "+3 h 20 min", "+2 d 4 h". */
export function formatOffset(ms: number): string {
  if (!Number.isFinite(ms) || ms < MINUTE) return ms < 0 ? 'earlier' : 'same time';
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  const mins = Math.floor((ms % HOUR) / MINUTE);
  if (days > 0) return hours > 0 ? `+${days} d ${hours} h` : `+${days} d`;
  if (hours > 0) return mins > 0 ? `+${hours} h ${mins} min` : `+${hours} h`;
  return `+${mins} min`;
}

/** "1 outlet", "3 outlets". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** 0.873 → "87%"; clamps to 0..100, keeps "<1%" and ">99%" honest. */
export function formatPercent(p: number | null | undefined): string | null {
  if (p === null || p === undefined || !Number.isFinite(p)) return null;
  const pct = Math.max(0, Math.min(1, p)) * 100;
  if (pct > 0 && pct < 1) return '<1%';
  if (pct > 99 && pct < 100) return '>99%';
  return `${Math.round(pct)}%`;
}

let displayNames: Intl.DisplayNames | null | undefined;

/** "de" → "German"; unknown codes come back upper-cased. */
export function languageName(code: string): string {
  if (displayNames === undefined) {
    try {
      displayNames = new Intl.DisplayNames(['en'], { type: 'language' });
    } catch {
      displayNames = null;
    }
  }
  try {
    const name = displayNames?.of(code);
    if (name && name.toLowerCase() !== code.toLowerCase()) return name;
  } catch {
    /* invalid code */
  }
  return code.toUpperCase();
}

/** A stable hue (0..359) for an outlet name, used to colour its badge. */
export function hueOf(name: string): number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) % 360;
}

/** First letter (grapheme-ish) of an outlet name for its badge. */
export function initialOf(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) return '?';
  const first = Array.from(trimmed)[0];
  return first.toUpperCase();
}

/** Only http(s) links from article data become clickable. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** "www.tagesschau.de" from a URL, for "Read at …" links. */
export function hostOf(url: string | null | undefined): string | null {
  const s = safeUrl(url);
  if (!s) return null;
  return new URL(s).hostname.replace(/^www\./, '');
}
