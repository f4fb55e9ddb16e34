// End-to-end test of the UI against the mock server (no C++ binary needed).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Locator } from 'playwright-core';
import { launchBrowser, type Browser } from './browser';
import { startMockServer, type MockServer } from './mock-server';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
let server: MockServer;
let browser: Browser;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  // The first two API requests get 503 + Retry-After: 1 ("index loading") to exercise the retry path.
  server = await startMockServer({ loadingRequests: 2 });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('story list: retries while loading, ranks, filters', { timeout: 30_000 }, async () => {
  const { page } = browser;
  await page.goto(server.url + '/');
  await page.getByText(/index is loading/).waitFor();
  const rows = page.locator('.story-row');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 6);
  assert.match((await rows.first().textContent()) ?? '', /Blinken.*4 outlets.*4 articles/s);
  assert.ok(server.requests.filter((r) => r.startsWith('GET /threads?limit=50')).length >= 3, 'retried after 503');
  // Arabic titles lay out right to left, the heading included (its alignment follows the text);
  // lang only where the story has one language.
  const direction = (l: Locator) => l.evaluate((e) => getComputedStyle(e).direction);
  const iraq = page.locator('.row-title', { hasText: 'متظاهرون' });
  assert.equal(await direction(iraq), 'rtl');
  assert.equal(await direction(page.locator('.row-title', { hasText: 'Blinken' })), 'ltr');
  assert.equal(await iraq.getAttribute('lang'), null);
  assert.equal(await page.locator('.row-title', { hasText: 'Hitzewelle' }).getAttribute('lang'), 'de');
  // "and N more" counts every outlet (sources: 9), not the 5 names in top_sources.
  assert.match(await page.locator('.story-row', { hasText: 'grain ship' }).locator('.row-sources').innerText(), /Deutsche Welle and 5 more$/);
  await page.screenshot({ path: SHOTS + 'list.png', fullPage: true });

  await page.getByRole('radio', { name: '24 h' }).check();
  await page.waitForFunction(() => location.hash.includes('period=24h'));
  await page.waitForFunction(() => document.querySelectorAll('.story-row').length === 4);
  assert.ok(server.requests.some((r) => r.includes('period=86400')));

  await page.getByLabel('Language').selectOption('ar');
  await page.waitForFunction(() => document.querySelectorAll('.story-row').length === 2);

  await page.getByLabel('Search').fill('nothing-matches');
  await page.getByText('No stories match').waitFor();
  await page.getByRole('link', { name: 'Clear filters' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.story-row').length === 6);
});

test('a deep path (the server answers it with index.html) still loads the app and the API', { timeout: 20_000 }, async () => {
  const { page } = browser;
  await page.goto(server.url + '/story/x');
  await page.locator('.story-row').first().waitFor();
  assert.equal(await page.locator('.story-row').count(), 6);
});

test('story list: typed search survives a filter change; IME text is searched once committed', { timeout: 30_000 }, async () => {
  const { page } = browser;
  await page.goto(server.url + '/#/');
  await page.locator('.story-row').first().waitFor();
  // The announcer says how many stories; the list itself must not be read out on each change.
  assert.equal(await page.locator('.results').getAttribute('aria-live'), null);

  // Change the period within the 300 ms search debounce: the typed words stay.
  await page.getByLabel('Search').fill('grain');
  await page.getByRole('radio', { name: '24 h' }).check();
  await page.waitForFunction(() => location.hash.includes('period=24h'));
  await page.waitForTimeout(400);
  assert.match(await page.evaluate(() => location.hash), /q=grain/);
  assert.equal(await page.getByLabel('Search').inputValue(), 'grain');
  await page.getByLabel('Language').selectOption('en');
  await page.waitForFunction(() => location.hash.includes('lang=en') && location.hash.includes('q=grain'));

  // An IME composing "拜登" from pinyin: no search for the half-typed "bai", one for the word.
  await page.goto(server.url + '/#/');
  await page.locator('.story-row').first().waitFor();
  const search = page.getByLabel('Search');
  await search.focus();
  const cdp = await page.context().newCDPSession(page);
  try {
    const sent = server.requests.length;
    await cdp.send('Input.imeSetComposition', { text: 'bai', selectionStart: 3, selectionEnd: 3 });
    await page.waitForTimeout(500);
    assert.equal(await search.inputValue(), 'bai', 'composition reached the box');
    assert.deepEqual(server.requests.slice(sent).filter((r) => r.includes('q=')), [], 'no search mid-composition');
    await cdp.send('Input.insertText', { text: '拜登' });
    await page.waitForFunction(() => decodeURIComponent(location.hash).includes('q=拜登'));
    await page.waitForFunction(() => document.querySelectorAll('.story-row').length === 1);
  } finally {
    // Leave no composition open for the next test, even when an assertion failed mid-way.
    await cdp.send('Input.imeSetComposition', { text: '', selectionStart: 0, selectionEnd: 0 }).catch(() => {});
    await cdp.detach();
  }
});

test('story list: Back from a story keeps the results and the scroll position, focus on the heading', { timeout: 30_000 }, async () => {
  const { page } = browser;
  await page.setViewportSize({ width: 1280, height: 500 });
  try {
    await page.goto(server.url + '/#/?period=7d');
    await page.locator('.story-row').first().waitFor();
    const link = page.locator('.story-link', { hasText: 'Hitzewelle' });
    await link.scrollIntoViewIfNeeded();
    const y = await page.evaluate(() => window.scrollY);
    assert.ok(y > 0, 'the list is scrolled');
    await link.click();
    await page.waitForFunction(() => location.hash.startsWith('#/threads/'));
    await page.locator('.state-error, .story-title').first().waitFor();
    const sent = server.requests.filter((r) => r.startsWith('GET /threads?')).length;
    await page.goBack();
    await page.waitForFunction(() => location.hash === '#/?period=7d');
    await page.locator('.story-row').first().waitFor();
    assert.equal(server.requests.filter((r) => r.startsWith('GET /threads?')).length, sent, 'no refetch');
    assert.equal(await page.evaluate(() => window.scrollY), y);
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'list-title');
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
});

test('story page: sources side by side, timeline, spelling variants, why grouped', { timeout: 30_000 }, async () => {
  const { page } = browser;
  await page.goto(server.url + '/#/');
  await page.getByRole('link', { name: /Blinken has an "open" conversation/ }).click();
  await page.locator('.story-title').waitFor();
  assert.match(await page.locator('.story-meta').innerText(), /4 outlets · 4 articles · 3 languages/);
  const outlets = await page.locator('.outlet-name').allInnerTexts();
  assert.deepEqual(outlets, ['Tagesschau (de)', 'Al Jazeera (ar)', '新华社 Xinhua (zh)', 'BBC عربي']);
  const ledger = page.locator('.ledger-panel');
  const griner = ledger.locator('tr', { has: page.locator('.entity-key', { hasText: 'Brittney Griner' }) });
  assert.match(await griner.innerText(), /Griner[\s\S]*Tagesschau \(de\)[\s\S]*Greiner[\s\S]*Al Jazeera \(ar\)[\s\S]*spelling variants/);
  assert.equal(await griner.locator('.entity-key').getAttribute('title'), 'Match key: grnr');
  assert.deepEqual(await page.locator('.tl-source').allInnerTexts(), ['Al Jazeera (ar)', 'Tagesschau (de)', '新华社 Xinhua (zh)', 'BBC عربي']);
  assert.match(await page.locator('.tl-offset').first().innerText(), /first report/i);
  const why = page.locator('#article-tagesschau-000 .why');
  // Next to "with <article>": matched_probability (87%); probability (91%) is labelled as the story's.
  assert.match(await why.innerText(), /87% match with Al Jazeera \(ar\): US Secretary[\s\S]*whole story when it joined: 91%[\s\S]*Griner/);
  assert.match((await why.locator('.match').getAttribute('title')) ?? '', /this article and the one named here/);
  assert.match((await why.locator('.why-story').getAttribute('title')) ?? '', /articles already in it/);
  assert.match(await page.locator('#article-aljazeera-001 .why').innerText(), /Started this story[\s\S]*91% match with the closest report, Tagesschau \(de\)/);
  // Five shared names fit: no "+N more" (the Iraq story below has more).
  assert.equal(await page.locator('#article-tagesschau-000 .chip-more').count(), 0);
  // A null url gives no link.
  assert.equal(await page.locator('#article-bbcarabic-003 a').count(), 0);
  // Outlet and headline are isolated from each other (an Arabic outlet beside a Latin title).
  const matched = why.locator('.why-matched bdi');
  assert.deepEqual(await matched.allInnerTexts(), ['Al Jazeera (ar)', await page.locator('#article-aljazeera-001 .headline').innerText()]);
  assert.equal(await matched.nth(1).getAttribute('lang'), 'en');
  assert.equal(await page.locator('.tl-title', { hasText: '布林肯' }).getAttribute('lang'), 'zh');
  assert.equal(await page.locator('#article-bbcarabic-003 .article-title').evaluate((e) => getComputedStyle(e).direction), 'rtl');
  assert.equal(await page.locator('#article-tagesschau-000 .article-title').evaluate((e) => getComputedStyle(e).direction), 'ltr');
  await page.screenshot({ path: SHOTS + 'story-mock.png', fullPage: true });
  assert.deepEqual(browser.errors, []);
});

test('story page: Arabic article ids, links that survive a new tab, unsafe urls, "+N more" names', { timeout: 30_000 }, async () => {
  const { page } = browser;
  const second = 'أنصار الصدر يعتصمون داخل البرلمان';
  // As a reload or a new tab opens it: the story, scrolled to the article named in ?a=.
  await page.goto(server.url + '/#/threads/t-iraq-parliament?a=' + encodeURIComponent('خبر-٢'));
  await page.locator('.story-title').waitFor();
  const ids = await page.locator('.source-article').evaluateAll((els) => els.map((e) => e.id));
  assert.equal(new Set(ids).size, 3, `distinct card ids: ${ids.join(' ')}`);
  await page.waitForFunction(() => document.activeElement?.classList.contains('source-article'));
  assert.equal(await page.evaluate(() => document.activeElement?.querySelector('.headline')?.textContent), second);

  // Timeline links are real addresses. A plain click jumps and puts the article in the address;
  // Ctrl+click is left to the browser (a new tab), not cancelled.
  const first = page.locator('.tl-title').first();
  assert.equal(await first.getAttribute('href'), '#/threads/t-iraq-parliament?a=' + encodeURIComponent('خبر-١'));
  await page.evaluate(() => {
    const w = window as unknown as { prevented: boolean[] };
    w.prevented = [];
    // Runs after the link's own handler; cancels the click so no tab opens during the test.
    window.addEventListener('click', (e) => {
      w.prevented.push(e.defaultPrevented);
      e.preventDefault();
    });
  });
  await first.click({ modifiers: ['Control'] });
  await first.click();
  assert.deepEqual(await page.evaluate(() => (window as unknown as { prevented: boolean[] }).prevented), [false, true]);
  assert.equal(decodeURIComponent(await page.evaluate(() => location.hash)), '#/threads/t-iraq-parliament?a=خبر-١');
  await page.waitForFunction(() => document.activeElement?.querySelector('.headline')?.textContent?.startsWith('متظاهرون'));
  assert.equal(browser.context.pages().length, 1, 'no tab opened');

  // Only http(s) links: "javascript:alert(1)" and "" (unknown) give none.
  const cards = page.locator('.source-article');
  assert.equal(await cards.nth(0).locator('a').count(), 0);
  assert.equal(await cards.nth(1).locator('a').count(), 0);
  assert.equal(await page.locator('a[href^="javascript"]').count(), 0);
  assert.equal(await page.locator('.outlet', { hasText: 'Reuters' }).locator('a.read-more').getAttribute('href'), 'https://www.reuters.com/world/middle-east/iraq-parliament');

  // Ten shared names: eight shown, the rest behind "+2 more".
  const names = cards.nth(1).locator('.chip-entity');
  assert.equal(await names.count(), 8);
  await cards.nth(1).getByRole('button', { name: /Show 2 more shared names/ }).click();
  assert.equal(await names.count(), 10);
  assert.equal(await cards.nth(1).locator('.chip-more').count(), 0);
  assert.deepEqual(browser.errors, []);
});

test('times in another time zone (Asia/Kolkata, UTC+5:30) match their UTC labels; relative to the clock', { timeout: 30_000 }, async () => {
  const kolkata = await launchBrowser({ timezoneId: 'Asia/Kolkata' });
  try {
    const { page } = kolkata;
    // Relative times count from the real clock: pin it. 3 Aug 00:00 UTC is 05:30 in Kolkata.
    await page.clock.setFixedTime(new Date('2022-08-03T00:00:00Z'));
    await page.goto(server.url + '/#/');
    await page.locator('.story-row').first().waitFor();
    assert.equal(await page.evaluate(() => new Date().getTimezoneOffset()), -330);
    const when = (title: string) => page.locator('.story-row', { hasText: title }).locator('time');
    assert.equal(await when('Blinken').innerText(), '4 days ago');
    assert.equal(await when('Blinken').getAttribute('title'), 'Last seen 29 Jul 2022, 17:30 UTC');
    // 26 Jul 19:00 UTC is already 27 Jul in Kolkata: the date shown is the UTC one, as in the tooltip.
    assert.equal(await when('Hitzewelle').innerText(), '26 Jul 2022');
    assert.equal(await when('Hitzewelle').getAttribute('title'), 'Last seen 26 Jul 2022, 19:00 UTC');
    assert.match(await page.locator('.as-of').innerText(), /^Newest article 29 Jul 2022, 18:10 UTC/);

    await page.goto(server.url + '/#/threads/t-blinken-lavrov');
    const published = page.locator('#article-xinhua-002 .article-meta time');
    assert.equal(await published.innerText(), '29 Jul 2022, 18:05 UTC');
    assert.equal(await published.getAttribute('datetime'), '2022-07-29T18:05:00Z');
    assert.deepEqual(await page.locator('.tl-when time').allInnerTexts(), [
      '27 Jul 2022, 09:40 UTC',
      '29 Jul 2022, 17:30 UTC',
      '29 Jul 2022, 18:05 UTC',
      '29 Jul 2022, 18:10 UTC',
    ]);
    assert.deepEqual(kolkata.errors, []);
  } finally {
    await kolkata.close();
  }
});

test('story page: unknown story shows a not-found state', { timeout: 15_000 }, async () => {
  const { page } = browser;
  await page.goto(server.url + '/#/threads/does-not-exist');
  await page.getByRole('alert').getByText('Story not found').waitFor();
});
