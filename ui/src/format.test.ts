import { describe, expect, it } from 'vitest';
import {
  formatDateTime,
  formatOffset,
  formatPercent,
  formatRelative,
  hostOf,
  hueOf,
  initialOf,
  languageName,
  plural,
  safeUrl,
} from './format';

const NOW = Date.parse('2022-07-29T18:00:00Z');

describe('formatRelative', () => {
  it.each([
    ['2022-07-29T17:59:31Z', 'just now'],
    ['2022-07-29T18:00:20Z', 'just now'], // slightly in the future
    ['2022-07-29T17:55:00Z', '5 min ago'],
    ['2022-07-29T17:00:00Z', '1 h ago'],
    ['2022-07-29T06:30:00Z', '11 h ago'],
    ['2022-07-28T17:00:00Z', '1 day ago'],
    ['2022-07-24T18:00:00Z', '5 days ago'],
    ['2022-07-22T18:00:00Z', '22 Jul 2022'],
  ])('%s → %s', (then, want) => expect(formatRelative(then, NOW)).toBe(want));

  it('handles missing or bad times', () => {
    expect(formatRelative(null, NOW)).toBe('time unknown');
    expect(formatRelative('yesterday', NOW)).toBe('time unknown');
  });

  it('counts from the clock when now is not given', () => {
    expect(formatRelative(new Date(Date.now() - 3 * 60_000).toISOString())).toBe('3 min ago');
  });
});

describe('formatDateTime / formatOffset', () => {
  it('formats in UTC', () => {
    expect(formatDateTime('2022-07-29T17:05:00Z')).toBe('29 Jul 2022, 17:05 UTC');
    expect(formatDateTime('2022-07-29T19:05:00+02:00')).toBe('29 Jul 2022, 17:05 UTC');
    expect(formatDateTime(undefined)).toBe('time unknown');
  });
  it('formats offsets from the first report', () => {
    expect(formatOffset(0)).toBe('same time');
    expect(formatOffset(45 * 60_000)).toBe('+45 min');
    expect(formatOffset(3 * 3_600_000)).toBe('+3 h');
    expect(formatOffset(3 * 3_600_000 + 20 * 60_000)).toBe('+3 h 20 min');
    expect(formatOffset(2 * 86_400_000 + 7 * 3_600_000 + 59 * 60_000)).toBe('+2 d 7 h');
    expect(formatOffset(86_400_000)).toBe('+1 d');
  });
});

describe('small helpers', () => {
  it('plural', () => {
    expect(plural(1, 'outlet')).toBe('1 outlet');
    expect(plural(0, 'outlet')).toBe('0 outlets');
    expect(plural(3, 'story', 'stories')).toBe('3 stories');
  });
  it('formatPercent', () => {
    expect(formatPercent(0.873)).toBe('87%');
    expect(formatPercent(1.2)).toBe('100%');
    expect(formatPercent(0.004)).toBe('<1%');
    expect(formatPercent(0.996)).toBe('>99%');
    expect(formatPercent(null)).toBeNull();
    expect(formatPercent(Number.NaN)).toBeNull();
  });
  it('languageName', () => {
    expect(languageName('de')).toBe('German');
    expect(languageName('ar')).toBe('Arabic');
    expect(languageName('qq')).toBe('QQ');
  });
  it('safeUrl only allows http(s)', () => {
    expect(safeUrl('https://www.tagesschau.de/x')).toBe('https://www.tagesschau.de/x');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('data:text/html,hi')).toBeNull();
    expect(safeUrl('not a url')).toBeNull();
    expect(safeUrl(null)).toBeNull();
    expect(hostOf('https://www.aljazeera.net/news')).toBe('aljazeera.net');
  });
  it('outlet badges', () => {
    expect(initialOf('tagesschau')).toBe('T');
    expect(initialOf('新华社')).toBe('新');
    expect(initialOf('  ')).toBe('?');
    // FNV-1a 32-bit reference vectors: "" → 0x811c9dc5, "a" → 0xe40c292c.
    expect(hueOf('')).toBe(0x811c9dc5 % 360);
    expect(hueOf('a')).toBe(0xe40c292c % 360);
    const hues = ['Tagesschau (de)', 'Al Jazeera (ar)', 'BBC عربي', '新华社 Xinhua (zh)'].map(hueOf);
    expect(new Set(hues).size).toBe(hues.length);
    for (const x of hues) expect(x >= 0 && x < 360).toBe(true);
  });
});
