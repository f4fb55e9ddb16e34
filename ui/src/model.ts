// API JSON → view models. Pure (no DOM, no fetch); see model.test.ts.
import {
  formatDateTime,
  formatOffset,
  formatPercent,
  formatRelative,
  hostOf,
  hueOf,
  initialOf,
  languageName,
  parseTime,
  plural,
  safeUrl,
} from './format';
import type { Story, ThreadList, VariantEntry } from './types';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const arr = <T>(v: T[] | null | undefined): T[] => (Array.isArray(v) ? v : []);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

// ---------------------------------------------------------------- story list

export interface ThreadRowView {
  id: string;
  rank: number;
  title: string;
  outletsLabel: string;
  articlesLabel: string;
  languages: { code: string; name: string }[];
  lastSeen: string; // relative
  lastSeenTitle: string; // absolute, for the tooltip / <time datetime>
  lastSeenIso: string | null;
  /** Set when every article is in one language, so the title's language is known. */
  lang: string | null;
  /** The first few outlet names, and how many other outlets the story has. */
  topSources: string[];
  moreSources: number;
}

export interface ThreadListView {
  asOf: string | null; // "29 Jul 2022, 17:30 UTC"
  rows: ThreadRowView[];
  languages: string[]; // every language code seen in the rows
}

/** Outlet names shown per row; the server sends up to 5 in top_sources. */
export const SOURCES_SHOWN = 4;

/**
 * `clock` is the real time (injected by tests): relative times count from it, not from the
 * index's `now` (its newest article), or a quiet feed would call a 3-day-old story "just now".
 */
export function buildThreadList(json: ThreadList, clock: number = Date.now()): ThreadListView {
  const langs = new Set<string>();
  const rows = arr(json?.threads).map((t, i): ThreadRowView => {
    const languages = arr(t.languages).filter((l) => typeof l === 'string' && l);
    languages.forEach((l) => langs.add(l));
    const last = t.last_seen ?? t.first_seen ?? null;
    const topSources = arr(t.top_sources)
      .filter((s) => typeof s === 'string' && s)
      .slice(0, SOURCES_SHOWN);
    return {
      id: str(t.id),
      rank: i + 1,
      title: str(t.title) || 'Untitled story',
      outletsLabel: plural(num(t.sources), 'outlet'),
      articlesLabel: plural(num(t.articles), 'article'),
      languages: languages.map((code) => ({ code, name: languageName(code) })),
      lastSeen: formatRelative(last, clock),
      lastSeenTitle: formatDateTime(last),
      lastSeenIso: last,
      lang: languages.length === 1 ? languages[0] : null,
      topSources,
      // `sources` counts every outlet; top_sources is capped, so it cannot give "N more".
      moreSources: Math.max(0, num(t.sources) - topSources.length),
    };
  });
  return {
    asOf: json?.now ? formatDateTime(json.now) : null,
    rows: rows.filter((r) => r.id),
    languages: [...langs].sort(),
  };
}

// ---------------------------------------------------------------- story page

/** The article a member is shown beside; source/title null when it is not in the story. */
export interface MatchedRef {
  id: string;
  source: string | null;
  title: string | null;
  lang: string | null;
}

export type WhyGrouped =
  | {
      kind: 'first';
      /** For the founder: its closest match in the story, if any (percent: matched_probability). */
      closest: { percent: string | null; matched: MatchedRef } | null;
    }
  | {
      kind: 'joined';
      /** `probability`: P(same story) with the whole story when the article joined. */
      storyPercent: string | null;
      probability: number | null;
      /** `matched_probability`: P(same story) with `matched` alone. */
      matchPercent: string | null;
      matched: MatchedRef | null;
      sharedEntities: string[];
      sharedTerms: string[];
    };

export interface ArticleView {
  id: string;
  title: string;
  lede: string;
  lang: string;
  langName: string;
  published: string | null;
  publishedLabel: string;
  url: string | null;
  host: string | null;
  why: WhyGrouped;
}

export interface OutletView {
  source: string;
  initial: string;
  hue: number;
  langs: string[];
  langNames: string[];
  articles: ArticleView[];
}

export interface TimelineView {
  articleId: string;
  lang: string | null;
  time: string | null;
  timeLabel: string;
  offsetLabel: string;
  source: string;
  title: string;
  first: boolean;
}

export interface FormView {
  surface: string;
  usedBy: { articleId: string; source: string; hue: number }[];
}

export type VerdictTone = 'variant' | 'same' | 'warn' | 'other';

export interface VariantView {
  key: string;
  /** A readable name: the fullest surface form (keys are match keys like "grnr"). */
  name: string;
  kindLabel: string;
  verdict: string;
  tone: VerdictTone;
  forms: FormView[];
}

export interface StoryView {
  id: string;
  title: string;
  /** Set when the story has one language, so its title's is known. */
  titleLang: string | null;
  metaLine: string; // "2 outlets · 2 articles · 1 language"
  languages: { code: string; name: string }[];
  firstSeenLabel: string;
  lastSeenLabel: string;
  firstSeenIso: string | null;
  lastSeenIso: string | null;
  outlets: OutletView[];
  timeline: TimelineView[];
  /** Entities whose forms differ (spelling variants, possibly different people) first. */
  variants: VariantView[];
  /** Entities written the same way everywhere (collapsed in the UI). */
  sameForm: VariantView[];
}

export function verdictTone(verdict: string): VerdictTone {
  switch (verdict) {
    case 'spelling variants':
      return 'variant';
    case 'same form':
      return 'same';
    case 'possibly different people':
      return 'warn';
    default:
      return 'other';
  }
}

const KIND_LABELS: Record<string, string> = {
  person: 'Person',
  per: 'Person',
  place: 'Place',
  loc: 'Place',
  location: 'Place',
  gpe: 'Place',
  org: 'Organisation',
  organization: 'Organisation',
  organisation: 'Organisation',
  misc: 'Name',
  other: 'Name',
};

export function kindLabel(kind: string | null | undefined): string {
  const k = str(kind).toLowerCase();
  if (!k) return 'Name';
  return KIND_LABELS[k] ?? k.charAt(0).toUpperCase() + k.slice(1);
}

/** The fullest surface form (longest; ties: most used, then first), e.g. "Brittney Griner". */
export function displayName(v: VariantEntry): string {
  const forms = arr(v.forms).filter((f) => str(f.surface));
  if (!forms.length) return str(v.key) || 'Unnamed';
  const len = (f: { surface: string }) => Array.from(f.surface).length;
  const best = forms.reduce((a, b) => {
    if (len(b) !== len(a)) return len(b) > len(a) ? b : a;
    return new Set(arr(b.articles)).size > new Set(arr(a.articles)).size ? b : a;
  });
  return best.surface;
}

const TONE_ORDER: Record<VerdictTone, number> = { variant: 0, warn: 1, other: 2, same: 3 };

export function buildStory(json: Story): StoryView {
  // Article id → outlet, title, language: used by "why grouped", the timeline and the ledger.
  const byId = new Map<string, { source: string; title: string; lang: string | null }>();
  for (const o of arr(json?.outlets)) {
    for (const a of arr(o?.articles)) byId.set(str(a.id), { source: str(o.source), title: str(a.title), lang: str(a.lang) || null });
  }
  const ref = (id: string): MatchedRef => {
    const m = byId.get(id);
    return { id, source: m?.source || null, title: m?.title || null, lang: m?.lang ?? null };
  };

  const outlets: OutletView[] = arr(json?.outlets).map((o) => {
    const source = str(o.source) || 'Unknown outlet';
    const articles = arr(o.articles)
      .map((a): ArticleView => {
        const lang = str(a.lang);
        const j = a.joined;
        let why: WhyGrouped = { kind: 'first', closest: null };
        const finite = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : null);
        const matchedId = str(j?.matched_article) || null;
        if (j?.founder) {
          why = {
            kind: 'first',
            closest: matchedId ? { percent: formatPercent(finite(j.matched_probability)), matched: ref(matchedId) } : null,
          };
        } else if (j && (matchedId || j.probability != null || j.matched_probability != null)) {
          // Two different figures: never show the story-level one next to "with <article>".
          const p = finite(j.probability);
          why = {
            kind: 'joined',
            probability: p,
            storyPercent: formatPercent(p),
            matchPercent: matchedId ? formatPercent(finite(j.matched_probability)) : null,
            matched: matchedId ? ref(matchedId) : null,
            sharedEntities: arr(j.shared_entities).filter((s) => typeof s === 'string' && s),
            sharedTerms: arr(j.shared_terms).filter((s) => typeof s === 'string' && s),
          };
        }
        return {
          id: str(a.id),
          title: str(a.title) || 'Untitled',
          lede: str(a.lede),
          lang,
          langName: lang ? languageName(lang) : '',
          published: a.published ?? null,
          publishedLabel: formatDateTime(a.published),
          url: safeUrl(a.url),
          host: hostOf(a.url),
          why,
        };
      })
      .sort((x, y) => (parseTime(x.published) ?? Infinity) - (parseTime(y.published) ?? Infinity));
    const langs = [...new Set(articles.map((a) => a.lang).filter(Boolean))];
    return {
      source,
      initial: initialOf(source),
      hue: hueOf(source),
      langs,
      langNames: langs.map(languageName),
      articles,
    };
  });

  // Timeline: the API sends publication order; sort again (stable) to be safe, unknown times last.
  const rawTimeline = arr(json?.timeline).length
    ? arr(json.timeline)
    : outlets.flatMap((o) => o.articles.map((a) => ({ time: a.published, article: a.id, source: o.source, title: a.title })));
  const sorted = rawTimeline
    .map((e, i) => ({ e, i, t: parseTime(e.time) }))
    .sort((a, b) => (a.t ?? Infinity) - (b.t ?? Infinity) || a.i - b.i);
  const t0 = sorted.find((x) => x.t !== null)?.t ?? null;
  const timeline: TimelineView[] = sorted.map(({ e, t }, i) => {
    const known = byId.get(str(e.article));
    // Undated entries sort last, so only a dated first entry is known to be the first report.
    const first = i === 0 && t !== null;
    return {
      articleId: str(e.article),
      lang: known?.lang ?? null,
      time: e.time ?? null,
      timeLabel: formatDateTime(e.time),
      offsetLabel: first ? 'first report' : t !== null && t0 !== null ? formatOffset(t - t0) : '',
      source: str(e.source) || known?.source || '',
      title: str(e.title) || known?.title || '',
      first,
    };
  });

  const ledger = arr(json?.variants).map((v: VariantEntry): VariantView => {
    const verdict = str(v.verdict) || 'unknown';
    return {
      key: str(v.key),
      name: displayName(v),
      kindLabel: kindLabel(v.kind),
      verdict,
      tone: verdictTone(verdict),
      forms: arr(v.forms).map((f) => ({
        surface: str(f.surface),
        usedBy: arr(f.articles).map((id) => {
          const source = byId.get(id)?.source ?? id;
          return { articleId: id, source, hue: hueOf(source) };
        }),
      })),
    };
  });
  const ordered = ledger
    .map((v, i) => ({ v, i }))
    .sort((a, b) => TONE_ORDER[a.v.tone] - TONE_ORDER[b.v.tone] || a.i - b.i)
    .map((x) => x.v);

  const languages = (arr(json?.languages).length ? arr(json.languages) : [...new Set(outlets.flatMap((o) => o.langs))]).map(
    (code) => ({ code, name: languageName(code) }),
  );
  const nArticles = outlets.reduce((n, o) => n + o.articles.length, 0);

  return {
    id: str(json?.id),
    title: str(json?.title) || 'Untitled story',
    titleLang: languages.length === 1 ? languages[0].code : null,
    metaLine: [
      plural(outlets.length, 'outlet'),
      plural(nArticles, 'article'),
      plural(languages.length, 'language'),
    ].join(' · '),
    languages,
    firstSeenLabel: formatDateTime(json?.first_seen),
    lastSeenLabel: formatDateTime(json?.last_seen),
    firstSeenIso: json?.first_seen ?? null,
    lastSeenIso: json?.last_seen ?? null,
    outlets,
    timeline,
    variants: ordered.filter((v) => v.tone !== 'same'),
    sameForm: ordered.filter((v) => v.tone === 'same'),
  };
}
