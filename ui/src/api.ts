// Fetching from `storyline serve` with the loading protocol of docs/api.md:
// while the index restores, endpoints answer 503 + Retry-After; we wait and retry.
// A refused connection (the server restarting) is retried a few times with backoff too.
import type { Story, ThreadList } from './types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Retry-After (delta seconds or an HTTP date) → milliseconds, clamped to 0.25..10 s. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number {
  const clamp = (ms: number) => Math.min(10_000, Math.max(250, ms));
  if (!header) return 1000;
  const s = header.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return clamp(Number(s) * 1000);
  const t = Date.parse(s);
  return Number.isFinite(t) ? clamp(t - now) : 1000;
}

export type RetryReason = 'loading' | 'unreachable';

export interface FetchOptions {
  signal?: AbortSignal;
  /**
   * Called before each wait: on a 503 ('loading') or when the server could not be reached
   * ('unreachable'); `attempt` counts from 1 for each reason.
   */
  onLoading?: (attempt: number, reason: RetryReason) => void;
  /** Give up on 503 after this long (ms). */
  maxWaitMs?: number;
  /** Retries after a network error before giving up (default 5: waits 0.5, 1, 2, 4, 8 s). */
  networkRetries?: number;
  fetchImpl?: typeof fetch;
}

/** Wait before network retry `n` (from 1): 0.5 s doubling, at most 8 s. */
export const networkBackoffMs = (n: number): number => Math.min(8000, 500 * 2 ** (n - 1));

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

async function errorMessage(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: unknown };
    if (body && typeof body.error === 'string' && body.error) return body.error;
  } catch {
    /* not JSON */
  }
  return `${res.status} ${res.statusText || 'error'}`.trim();
}

export async function getJson<T>(path: string, opts: FetchOptions = {}): Promise<T> {
  const f = opts.fetchImpl ?? fetch;
  const started = Date.now();
  const maxWait = opts.maxWaitMs ?? 5 * 60_000;
  const maxNetworkRetries = opts.networkRetries ?? 5;
  let networkFailures = 0;
  let loadingAttempts = 0;
  for (;;) {
    let res: Response;
    try {
      res = await f(path, { signal: opts.signal, headers: { Accept: 'application/json' } });
    } catch (e) {
      if (opts.signal?.aborted) throw e;
      // Status 0: nothing answered. During a restart the port is closed for a moment, then
      // the server answers 503 while it restores; a short backoff bridges that gap.
      if (++networkFailures > maxNetworkRetries) throw new ApiError(0, 'Cannot reach the storyline server.');
      opts.onLoading?.(networkFailures, 'unreachable');
      await sleep(networkBackoffMs(networkFailures), opts.signal);
      continue;
    }
    if (res.status === 503 && Date.now() - started < maxWait) {
      opts.onLoading?.(++loadingAttempts, 'loading');
      await sleep(parseRetryAfter(res.headers.get('Retry-After')), opts.signal);
      continue;
    }
    if (!res.ok) throw new ApiError(res.status, await errorMessage(res));
    try {
      return (await res.json()) as T;
    } catch {
      throw new ApiError(res.status, 'The server sent a response that is not JSON.');
    }
  }
}

// Absolute paths: the API lives at the server root, whatever path the page was opened at.
export const fetchThreads = (query: string, opts?: FetchOptions) => getJson<ThreadList>(`/threads${query}`, opts);

export const fetchStory = (id: string, opts?: FetchOptions) =>
  getJson<Story>(`/threads/${encodeURIComponent(id)}`, opts);
