// Story-list filters: URL hash state <-> filters <-> API query string. Pure; see query.test.ts.

export const PERIODS = [
  { key: '1h', label: '1 hour', short: '1 h', seconds: 3600 },
  { key: '24h', label: '24 hours', short: '24 h', seconds: 86_400 },
  { key: '3d', label: '3 days', short: '3 days', seconds: 3 * 86_400 },
  { key: '7d', label: '7 days', short: '7 days', seconds: 7 * 86_400 },
  { key: 'all', label: 'All time', short: 'All', seconds: 0 },
] as const;

export type PeriodKey = (typeof PERIODS)[number]['key'];

export interface Filters {
  period: PeriodKey;
  lang: string; // '' = any language
  q: string;
  limit: number;
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 1000;

export function defaultFilters(): Filters {
  return { period: 'all', lang: '', q: '', limit: DEFAULT_LIMIT };
}

function isPeriod(s: string | null): s is PeriodKey {
  return PERIODS.some((p) => p.key === s);
}

/** Normalises a language code: "DE" → "de", "pt-BR" → "pt-br"; rejects junk. */
export function normaliseLang(s: string | null | undefined): string {
  const v = (s ?? '').trim().toLowerCase();
  return /^[a-z]{2,3}(-[a-z0-9]{2,8})?$/.test(v) ? v : '';
}

/** Filters from the query part of the hash ("period=24h&lang=de&q=griner"). */
export function parseFilters(search: string): Filters {
  const p = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const f = defaultFilters();
  const period = p.get('period');
  if (isPeriod(period)) f.period = period;
  f.lang = normaliseLang(p.get('lang'));
  f.q = (p.get('q') ?? '').trim();
  const limit = Number(p.get('limit'));
  if (Number.isInteger(limit) && limit > 0) f.limit = Math.min(limit, MAX_LIMIT);
  return f;
}

/** Filters → the hash query (defaults left out, so "#/" stays clean). */
export function filtersToHash(f: Filters): string {
  const p = new URLSearchParams();
  if (f.period !== 'all') p.set('period', f.period);
  if (f.lang) p.set('lang', f.lang);
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.limit !== DEFAULT_LIMIT) p.set('limit', String(f.limit));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Filters → the `GET /threads` query string: period in seconds, lang, q, limit. */
export function filtersToApiQuery(f: Filters): string {
  const p = new URLSearchParams();
  const period = PERIODS.find((x) => x.key === f.period);
  if (period && period.seconds > 0) p.set('period', String(period.seconds));
  if (f.lang) p.set('lang', f.lang);
  if (f.q.trim()) p.set('q', f.q.trim());
  p.set('limit', String(f.limit));
  return `?${p.toString()}`;
}

export function hasActiveFilters(f: Filters): boolean {
  return f.period !== 'all' || f.lang !== '' || f.q.trim() !== '';
}

export type Route =
  | { name: 'list'; filters: Filters }
  | { name: 'story'; id: string; /** `?a=`: the article card to bring into view. */ article: string | null }
  | { name: 'notfound'; hash: string };

/** "#/threads/abc" → story, "#/threads/abc?a=<article id>" → story at that article; "#/", "", "#/?q=x" → list. */
export function parseRoute(hash: string): Route {
  const h = hash.replace(/^#/, '');
  const [path, ...rest] = h.split('?');
  const search = rest.join('?');
  if (path === '' || path === '/') return { name: 'list', filters: parseFilters(search) };
  const m = /^\/threads\/([^/]+)\/?$/.exec(path);
  if (m) {
    try {
      const article = new URLSearchParams(search).get('a');
      return { name: 'story', id: decodeURIComponent(m[1]), article: article || null };
    } catch {
      return { name: 'notfound', hash };
    }
  }
  return { name: 'notfound', hash };
}

/** A link to a story, or to one article in it: a real URL, so it survives a reload or a new tab. */
export function storyHref(id: string, article?: string): string {
  const base = `#/threads/${encodeURIComponent(id)}`;
  return article ? `${base}?a=${encodeURIComponent(article)}` : base;
}

/**
 * The element id of an article's card. Letters, digits and '-' stay as they are (readable
 * ids); anything else, '_' included, becomes _<hex code point>_, so two article ids never
 * share an element id (Arabic or CJK ids of the same length did when each became '_').
 */
export function articleElementId(articleId: string): string {
  const escaped = Array.from(articleId, (ch) => (/[A-Za-z0-9-]/.test(ch) ? ch : `_${ch.codePointAt(0)!.toString(16)}_`));
  return `article-${escaped.join('')}`;
}

export function listHref(f: Filters): string {
  return `#/${filtersToHash(f)}`;
}
