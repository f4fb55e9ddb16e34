import { describe, expect, it, vi } from 'vitest';
import { ApiError, getJson, parseRetryAfter } from './api';

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
    expect(onLoading).toHaveBeenCalledWith(1);
    vi.useRealTimers();
  });
  it('turns API errors into ApiError with the server message', async () => {
    const fetchImpl = vi.fn().mockResolvedValue(res(404, { error: 'no such thread' }));
    await expect(getJson('threads/x', { fetchImpl })).rejects.toMatchObject({ status: 404, message: 'no such thread' });
  });
  it('reports network failures as status 0', async () => {
    const fetchImpl = vi.fn().mockRejectedValue(new TypeError('fetch failed'));
    const err = (await getJson('threads', { fetchImpl }).catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(0);
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
