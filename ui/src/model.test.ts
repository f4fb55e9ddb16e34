import { describe, expect, it } from 'vitest';
import { STORY, THREADS, NOW } from '../e2e/fixtures';
import { buildStory, buildThreadList, displayName, kindLabel, verdictTone } from './model';
import type { Story } from './types';

describe('buildThreadList', () => {
  // The clock is injected; here it reads the same as the index's newest article.
  const view = buildThreadList({ now: NOW, threads: THREADS }, Date.parse(NOW));
  it('ranks rows and labels them', () => {
    expect(view.rows).toHaveLength(THREADS.length);
    const first = view.rows[0];
    expect(first).toMatchObject({
      rank: 1,
      id: 't-blinken-lavrov',
      outletsLabel: '4 outlets',
      articlesLabel: '4 articles',
      lastSeen: '40 min ago',
      lastSeenTitle: '29 Jul 2022, 17:30 UTC',
    });
    expect(first.languages.map((l) => l.name)).toEqual(['Arabic', 'English', 'Chinese']);
    expect(view.asOf).toBe('29 Jul 2022, 18:10 UTC');
    expect(view.languages).toEqual(['ar', 'de', 'en', 'es', 'fr', 'ja', 'uk', 'zh']);
  });
  it('counts relative times from the clock, not the index "now" (its newest article)', () => {
    expect(view.rows.at(-1)?.lastSeen).toBe('2 days ago');
    const quiet = buildThreadList({ now: NOW, threads: THREADS }, Date.parse('2022-08-01T17:30:00Z'));
    expect(quiet.rows[0].lastSeen).toBe('3 days ago');
    expect(quiet.asOf).toBe('29 Jul 2022, 18:10 UTC');
  });
  it('counts the outlets not named from `sources`, not from the capped top_sources', () => {
    const byId = Object.fromEntries(view.rows.map((r) => [r.id, r]));
    expect(byId['t-grain-deal']).toMatchObject({ topSources: ['Reuters', 'Le Monde', 'Ukrainska Pravda', 'Deutsche Welle'], moreSources: 5 });
    expect(byId['t-iraq-parliament'].moreSources).toBe(2);
    expect(byId['t-blinken-lavrov'].moreSources).toBe(0);
  });
  it('knows the title language only when the story has one language', () => {
    expect(view.rows.find((r) => r.id === 't-heatwave')?.lang).toBe('de');
    expect(view.rows[0].lang).toBeNull();
  });
  it('survives sparse or broken input', () => {
    const v = buildThreadList({ threads: [{ id: 'x', title: '', articles: 1, sources: 1, languages: null as never }] }, Date.parse(NOW));
    expect(v.rows[0]).toMatchObject({ title: 'Untitled story', outletsLabel: '1 outlet', lastSeen: 'time unknown', languages: [], topSources: [] });
    expect(v.asOf).toBeNull();
    expect(buildThreadList(null as never).rows).toEqual([]);
  });
});

describe('buildStory', () => {
  const v = buildStory(STORY);
  it('summarises the story', () => {
    expect(v.metaLine).toBe('4 outlets · 4 articles · 3 languages');
    expect(v.firstSeenLabel).toBe('27 Jul 2022, 09:40 UTC');
    expect(v.titleLang).toBeNull(); // three languages: the title's is not known
    expect(buildStory({ ...STORY, languages: ['ar'] }).titleLang).toBe('ar');
  });
  it('builds one card per outlet with safe links', () => {
    expect(v.outlets.map((o) => o.source)).toEqual(['Tagesschau (de)', 'Al Jazeera (ar)', '新华社 Xinhua (zh)', 'BBC عربي']);
    const ts = v.outlets[0].articles[0];
    expect(ts.host).toBe('tagesschau.de');
    expect(ts.langName).toBe('English');
    expect(v.outlets[3].articles[0].url).toBeNull();
    expect(v.outlets[1].initial).toBe('A');
  });
  it('explains why each article was grouped', () => {
    expect(v.outlets[1].articles[0].why).toEqual({
      kind: 'first',
      closest: {
        percent: '91%',
        matched: { id: 'tagesschau-000', source: 'Tagesschau (de)', title: expect.stringMatching(/^First phone call/), lang: 'en' },
      },
    });
    // "with <article>" carries matched_probability; probability is the story-level figure.
    expect(v.outlets[0].articles[0].why).toMatchObject({
      kind: 'joined',
      storyPercent: '91%',
      matchPercent: '87%',
      matched: { id: 'aljazeera-001', source: 'Al Jazeera (ar)', title: expect.stringMatching(/^US Secretary of State/), lang: 'en' },
      sharedEntities: ['Blinken', 'Lavrov', 'Griner', 'Whelan', 'Bout'],
    });
  });
  it('orders the timeline by publication with offsets', () => {
    expect(v.timeline.map((t) => [t.source, t.offsetLabel])).toEqual([
      ['Al Jazeera (ar)', 'first report'],
      ['Tagesschau (de)', '+2 d 7 h'],
      ['新华社 Xinhua (zh)', '+2 d 8 h'],
      ['BBC عربي', '+2 d 8 h'],
    ]);
  });
  it('puts spelling variants first and maps forms to outlets', () => {
    expect(v.variants[0]).toMatchObject({
      key: 'grnr',
      name: 'Brittney Griner',
      kindLabel: 'Person',
      verdict: 'spelling variants',
      tone: 'variant',
      forms: [
        { surface: 'Brittney Griner', usedBy: [{ articleId: 'tagesschau-000', source: 'Tagesschau (de)' }] },
        { surface: 'Griner', usedBy: [{ source: 'Tagesschau (de)' }, { source: 'BBC عربي' }] },
        { surface: 'Britney Greiner', usedBy: [{ articleId: 'aljazeera-001', source: 'Al Jazeera (ar)' }] },
        { surface: 'Greiner' },
      ],
    });
    expect(v.variants.map((x) => [x.name, x.tone])).toEqual([
      ['Brittney Griner', 'variant'],
      ['Anthony Blinken', 'variant'],
      ['Sergei Lavrov', 'variant'],
      ['Viktor Bout', 'variant'],
      ['Hunter Biden', 'warn'],
      ['United States', 'other'],
    ]);
    expect(v.sameForm.map((x) => x.name)).toEqual(['Blinken', 'Lavrov', 'Moscow', 'Paul Whelan']);
  });
  it('sorts a shuffled timeline and derives one when missing', () => {
    const shuffled: Story = { ...STORY, timeline: [...STORY.timeline!].reverse() };
    expect(buildStory(shuffled).timeline[0].articleId).toBe('aljazeera-001');
    const none = buildStory({ ...STORY, timeline: undefined });
    expect(none.timeline.map((t) => t.articleId)).toEqual(['aljazeera-001', 'tagesschau-000', 'xinhua-002', 'bbcarabic-003']);
  });
  it('calls the earliest entry the first report only when it has a time', () => {
    const undated = buildStory({ ...STORY, timeline: STORY.timeline!.map((t) => ({ ...t, time: null })) });
    expect(undated.timeline.map((t) => [t.offsetLabel, t.first])).toEqual(STORY.timeline!.map(() => ['', false]));
    expect(v.timeline[0]).toMatchObject({ offsetLabel: 'first report', first: true });
    expect(v.timeline.map((t) => t.lang)).toEqual(['en', 'en', 'zh', 'ar']);
  });
  it('survives a minimal story', () => {
    const m = buildStory({ id: 's', title: '', outlets: [{ source: 'X', articles: [{ id: 'a', title: 'T', url: '', joined: { probability: null } }] }] } as Story);
    expect(m.title).toBe('Untitled story');
    expect(m.metaLine).toBe('1 outlet · 1 article · 0 languages');
    expect(m.outlets[0].articles[0].why).toEqual({ kind: 'first', closest: null });
    expect(m.outlets[0].articles[0].url).toBeNull();
    expect(m.timeline).toHaveLength(1);
    expect(m.variants).toEqual([]);
  });
  it('keeps the pairwise and story-level figures apart', () => {
    const s = (joined: object) =>
      buildStory({ id: 's', title: 't', outlets: [{ source: 'X', articles: [{ id: 'a', title: 'T', joined }] }] } as Story).outlets[0].articles[0].why;
    expect(s({ matched_article: 'b', matched_probability: 0.42 })).toMatchObject({
      kind: 'joined',
      storyPercent: null,
      matchPercent: '42%',
      matched: { id: 'b', source: null, title: null },
    });
    expect(s({ probability: 0.7 })).toMatchObject({ kind: 'joined', storyPercent: '70%', matchPercent: null, matched: null });
    expect(s({ founder: true, probability: 1 })).toEqual({ kind: 'first', closest: null });
  });
  it('names entities by their fullest form', () => {
    expect(displayName({ key: 'C:US', verdict: 'x', forms: [{ surface: 'US', articles: ['a', 'b'] }, { surface: 'United States', articles: ['a'] }] })).toBe('United States');
    expect(displayName({ key: 'k', verdict: 'x', forms: [] })).toBe('k');
  });
  it('labels verdicts and kinds', () => {
    expect(verdictTone('possibly different people')).toBe('warn');
    expect(verdictTone('something new')).toBe('other');
    expect(kindLabel('ORG')).toBe('Organisation');
    expect(kindLabel('event')).toBe('Event');
    expect(kindLabel(null)).toBe('Name');
  });
});
