import { describe, expect, it } from 'vitest';
import {
  defaultFilters,
  filtersToApiQuery,
  filtersToHash,
  hasActiveFilters,
  listHref,
  parseFilters,
  parseRoute,
  storyHref,
  articleElementId,
} from './query';

describe('filters → GET /threads query', () => {
  it('defaults: all time, any language, limit only', () => {
    expect(filtersToApiQuery(defaultFilters())).toBe('?limit=50');
  });
  it.each([
    ['1h', 'period=3600'],
    ['24h', 'period=86400'],
    ['3d', 'period=259200'],
    ['7d', 'period=604800'],
  ] as const)('period %s → %s', (period, want) => {
    expect(filtersToApiQuery({ ...defaultFilters(), period })).toBe(`?${want}&limit=50`);
  });
  it('language, search (encoded, trimmed) and limit', () => {
    expect(filtersToApiQuery({ period: '24h', lang: 'de', q: '  Griner & Lavrov ', limit: 20 })).toBe(
      '?period=86400&lang=de&q=Griner+%26+Lavrov&limit=20',
    );
    expect(filtersToApiQuery({ ...defaultFilters(), q: '布林肯' })).toBe('?q=%E5%B8%83%E6%9E%97%E8%82%AF&limit=50');
  });
});

describe('hash state', () => {
  it('round-trips', () => {
    const f = { period: '3d', lang: 'ar', q: 'Blinken', limit: 50 } as const;
    expect(filtersToHash(f)).toBe('?period=3d&lang=ar&q=Blinken');
    expect(parseFilters(filtersToHash(f))).toEqual(f);
    expect(filtersToHash(defaultFilters())).toBe('');
    expect(listHref(defaultFilters())).toBe('#/');
  });
  it('ignores junk', () => {
    expect(parseFilters('period=2w&lang=<script>&limit=-3')).toEqual(defaultFilters());
    expect(parseFilters('?lang=DE&limit=99999').lang).toBe('de');
    expect(parseFilters('limit=99999').limit).toBe(1000);
  });
  it('knows when filters are active', () => {
    expect(hasActiveFilters(defaultFilters())).toBe(false);
    expect(hasActiveFilters({ ...defaultFilters(), q: ' ' })).toBe(false);
    expect(hasActiveFilters({ ...defaultFilters(), lang: 'en' })).toBe(true);
  });
});

describe('routes', () => {
  it('list', () => {
    expect(parseRoute('')).toEqual({ name: 'list', filters: defaultFilters() });
    expect(parseRoute('#/')).toEqual({ name: 'list', filters: defaultFilters() });
    expect(parseRoute('#/?period=24h')).toMatchObject({ name: 'list', filters: { period: '24h' } });
  });
  it('story, with ids that need encoding', () => {
    expect(parseRoute('#/threads/abc123')).toEqual({ name: 'story', id: 'abc123', article: null });
    expect(parseRoute(storyHref('a/b c'))).toEqual({ name: 'story', id: 'a/b c', article: null });
    expect(parseRoute('#/threads/%E0%A4%A')).toMatchObject({ name: 'notfound' });
  });
  it('story at an article (timeline links that survive a reload or a new tab)', () => {
    expect(storyHref('t1', 'خبر?&=1')).toBe('#/threads/t1?a=%D8%AE%D8%A8%D8%B1%3F%26%3D1');
    expect(parseRoute(storyHref('a/b', 'خبر?&=1'))).toEqual({ name: 'story', id: 'a/b', article: 'خبر?&=1' });
    expect(parseRoute('#/threads/t1?a=')).toEqual({ name: 'story', id: 't1', article: null });
  });
  it('article element ids: readable for ASCII, distinct for any two ids', () => {
    expect(articleElementId('tagesschau-000')).toBe('article-tagesschau-000');
    const ids = ['خبر-١', 'خبر-٢', 'سلم-١', '新闻一', '新闻二', 'a_b', 'a.b', 'a b', 'a_2e_b', 'a__b'];
    const out = ids.map(articleElementId);
    expect(new Set(out).size).toBe(ids.length);
    for (const id of out) expect(id).toMatch(/^article-[A-Za-z0-9_-]+$/);
  });
  it('unknown', () => {
    expect(parseRoute('#/nope')).toMatchObject({ name: 'notfound' });
  });
});
