// End-to-end test against the real `storyline serve`:
//   STORYLINE_BIN=/path/to/storyline npm run e2e
// Starts the server on a free port with a fresh data dir, PUTs the two samples as articles
// from two outlets, opens the story in chromium, checks both outlets and the Griner/Greiner
// variants, saves e2e/screenshots/story.png, and stops the server. Bounded to ~60 s.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchBrowser, type Browser } from './browser';

const UI_DIR = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(UI_DIR, 'dist');
const SHOTS = join(UI_DIR, 'e2e', 'screenshots');
const BIN = process.env.STORYLINE_BIN;
const SAMPLES = resolve(UI_DIR, process.env.STORYLINE_SAMPLES ?? '../../shared/samples');

// Outlet and publication time per sample (in sorted file order): the German report
// is about the call itself, the Arabic one (two days earlier) announces it.
const OUTLETS = [
  { source: 'Tagesschau (de)', date: '2022-07-29T17:30:00Z' },
  { source: 'Al Jazeera (ar)', date: '2022-07-27T09:40:00Z' },
];

let child: ChildProcess | undefined;
let dataDir: string | undefined;
let browser: Browser | undefined;
let log = '';
let base = '';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.unref();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });
}

async function stopServer(): Promise<void> {
  const c = child;
  child = undefined;
  if (!c || c.exitCode !== null || c.signalCode !== null) return;
  const exited = new Promise<void>((r) => c.once('exit', () => r()));
  c.kill('SIGTERM');
  const t = setTimeout(() => c.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(t);
}

/** Polls until `fn` returns a value (not undefined) or the deadline passes. */
async function until<T>(what: string, ms: number, fn: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`storyline serve exited (${child.exitCode}) while waiting for ${what}:\n${log}`);
    try {
      const v = await fn();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}\n--- server log ---\n${log}`);
}

function readSamples(): { id: string; title: string; text: string }[] {
  const files = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort();
  assert.ok(files.length >= 2, `need two .txt samples in ${SAMPLES}`);
  return files.slice(0, 2).map((f) => {
    const [first, ...rest] = readFileSync(join(SAMPLES, f), 'utf8').split(/\r?\n/);
    return { id: f.replace(/\.txt$/, ''), title: first.trim(), text: rest.join('\n').trim() };
  });
}

before(async () => {
  if (!BIN) return;
  assert.ok(existsSync(BIN), `STORYLINE_BIN does not exist: ${BIN}`);
  assert.ok(existsSync(join(DIST, 'index.html')), 'ui/dist missing: run npm run build first');
  mkdirSync(SHOTS, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'storyline-e2e-'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  child = spawn(BIN, ['serve', '--data', dataDir, '--port', String(port), '--ui', DIST], {
    cwd: resolve(UI_DIR, '..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  child.on('error', (e) => (log += `spawn error: ${e}\n`));
  // Never outlive the test run, whatever happens.
  const guard = setTimeout(() => child?.kill('SIGKILL'), 75_000);
  guard.unref();
  process.once('exit', () => child?.kill('SIGKILL'));
});

after(async () => {
  await browser?.close();
  await stopServer();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('real server: two outlets, one story, Griner/Greiner in the ledger', { timeout: 60_000, skip: BIN ? false : 'set STORYLINE_BIN to the storyline binary' }, async () => {
  await until('GET /health ok', 20_000, async () => {
    const r = await fetch(`${base}/health`);
    const body = (await r.json()) as { status?: string };
    return r.ok && body.status === 'ok' ? true : undefined;
  });

  const samples = readSamples();
  for (const [i, s] of samples.entries()) {
    const r = await fetch(`${base}/articles/${encodeURIComponent(s.id)}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: s.title, text: s.text, source: OUTLETS[i].source, lang: 'en', date: OUTLETS[i].date }),
    });
    assert.ok(r.status === 201 || r.status === 204, `PUT /articles/${s.id} → ${r.status} ${await r.text()}`);
  }

  const thread = await until('a thread with both articles', 15_000, async () => {
    const r = await fetch(`${base}/threads?limit=10`);
    if (!r.ok) return undefined;
    const body = (await r.json()) as { threads: { id: string; title: string; articles: number }[] };
    return body.threads.find((t) => t.articles >= 2);
  });

  browser = await launchBrowser();
  const { page } = browser;
  await page.goto(`${base}/`);
  const link = page.locator('.story-link', { hasText: thread.title });
  await link.first().click();
  await page.locator('.story-title').waitFor();
  assert.match(page.url(), /#\/threads\//);

  const outlets = await page.locator('.outlet-name').allInnerTexts();
  for (const o of OUTLETS) assert.ok(outlets.includes(o.source), `outlet ${o.source} not shown (got ${outlets.join(', ')})`);

  const surfaces = (await page.locator('.ledger-panel .surface').evaluateAll((els) =>
    els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.textContent?.trim()),
  )) as string[];
  for (const s of ['Griner', 'Greiner']) assert.ok(surfaces.includes(s), `variant ${s} not shown in the ledger (shown: ${surfaces.join(', ')})`);

  // Not story.png, the README's picture (tracked): a test run must not change the tree.
  await page.screenshot({ path: join(SHOTS, 'story-latest.png'), fullPage: true });
  assert.deepEqual(browser.errors, [], 'browser console errors');
});
