import { describe, expect, it, vi } from 'vitest';
import { ApiError, getJson, networkBackoffMs, parseRetryAfter } from './api';

const res = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers });

describe('parseRetryAfter', () => {
  it('reads seconds and dates, clamps', () => {
    expect(parseRetryAfter('1')).toBe(1000);
    expect(parseRetryAfter('0')).toBe(250);
    expect(parseRetryAfter('3600')).toBe(10_000);
    expect(parseRetryAfter(null)).toBe(1000);
    expect(parseRetryAfter('junk')).toBe(1000);
    const now = Date.parse('2022-07-29T18:00:00Z');
    expect(parseRetryAfter('Fri, 29 Jul 2022 18:00:03 GMT', now)).toBe(3000);
  });
});

describe('getJson', () => {
  it('retries on 503 with Retry-After, then returns the body', async () => {
    vi.useFakeTimers();
    const fetchImpl = vi
      .fn()
      .mockResolvedValueOnce(res(503, { error: 'loading' }, { 'Retry-After': '1' }))
      .mockResolvedValueOnce(res(200, { threads: [] }));
    const onLoading = vi.fn();
    const p = getJson('threads', { fetchImpl, onLoading });
    await vi.advanceTimersByTimeAsync(1000);
    await expect(p).resolves.toEqual({ threads: [] });
    expect(fetchImpl).toHaveBeenCalledTimes(2);
    expect(onLoading).toHaveBeenCalledWith(1, 'loading');
    vi.useRealTimers();
  });
  it('turns API errors into ApiError with the server message', async () => {
    const fetchImpl = vi.fn().mockResolvedValue(res(404, { error: 'no such thread' }));
    await expect(getJson('threads/x', { fetchImpl })).rejects.toMatchObject({ status: 404, message: 'no such thread' });
  });
  it('retries an unreachable server with backoff (a restart), then returns the body', async () => {
    vi.useFakeTimers();
    const fetchImpl = vi
      .fn()
      .mockRejectedValueOnce(new TypeError('fetch failed'))
      .mockRejectedValueOnce(new TypeError('fetch failed'))
      .mockResolvedValueOnce(res(200, { threads: [] }));
    const onLoading = vi.fn();
    const p = getJson('threads', { fetchImpl, onLoading });
    await vi.advanceTimersByTimeAsync(499);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchImpl).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(999);
    expect(fetchImpl).toHaveBeenCalledTimes(2); // the second wait is twice as long
    await vi.advanceTimersByTimeAsync(1);
    await expect(p).resolves.toEqual({ threads: [] });
    expect(onLoading.mock.calls).toEqual([
      [1, 'unreachable'],
      [2, 'unreachable'],
    ]);
    vi.useRealTimers();
  });
  it('reports a server still unreachable after the retries as status 0', async () => {
    vi.useFakeTimers();
    const fetchImpl = vi.fn().mockRejectedValue(new TypeError('fetch failed'));
    const p = getJson('threads', { fetchImpl }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(500 + 1000 + 2000 + 4000 + 8000);
    const err = (await p) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(0);
    expect(fetchImpl).toHaveBeenCalledTimes(6);
    expect([1, 2, 3, 4, 5, 6].map(networkBackoffMs)).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    vi.useRealTimers();
  });
  it('stops retrying an unreachable server when aborted', async () => {
    const fetchImpl = vi.fn().mockRejectedValue(new TypeError('fetch failed'));
    const c = new AbortController();
    const p = getJson('threads', { fetchImpl, signal: c.signal });
    setTimeout(() => c.abort(new Error('navigated away')), 50);
    await expect(p).rejects.toThrow('navigated away');
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });
  it('rejects non-JSON bodies', async () => {
    const fetchImpl = vi.fn().mockResolvedValue(res(200, '<html>'));
    await expect(getJson('threads', { fetchImpl })).rejects.toThrow(/not JSON/);
  });
  it('stops retrying when aborted', async () => {
    const fetchImpl = vi.fn().mockResolvedValue(res(503, {}, { 'Retry-After': '1' }));
    const c = new AbortController();
    const p = getJson('threads', { fetchImpl, signal: c.signal });
    setTimeout(() => c.abort(new Error('navigated away')), 50);
    await expect(p).rejects.toThrow('navigated away');
  });
});
