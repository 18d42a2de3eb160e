import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createRateLimiter,
  DEFAULT_RATE_LIMIT,
  rateLimitKey,
  windowSeconds,
} from '../../../adapters/shared/rate-limiter.js';

describe('createRateLimiter (in-process store)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2024-05-01T12:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('allows a burst, then refuses until the window opens again', async () => {
    const limiter = createRateLimiter({ perMinute: 10, burst: 3 });
    for (let i = 0; i < 3; i += 1)
      expect(await limiter.take('discord:1')).toEqual({ allowed: true });
    expect(await limiter.take('discord:1')).toEqual({
      allowed: false,
      retryAfterMs: 18_000,
      notify: true,
    });
    vi.advanceTimersByTime(18_000);
    expect(await limiter.take('discord:1')).toEqual({ allowed: true });
  });

  it('tells a limited user once per window', async () => {
    const limiter = createRateLimiter({ perMinute: 60, burst: 1 });
    await limiter.take('u');
    expect(await limiter.take('u')).toMatchObject({ allowed: false, notify: true });
    vi.advanceTimersByTime(400);
    expect(await limiter.take('u')).toMatchObject({
      allowed: false,
      notify: false,
      retryAfterMs: 600,
    });
    vi.advanceTimersByTime(600);
    expect(await limiter.take('u')).toEqual({ allowed: true });
    expect(await limiter.take('u')).toMatchObject({ allowed: false, notify: true });
  });

  it('keeps users apart: one user flooding does not limit another', async () => {
    const limiter = createRateLimiter({ perMinute: 1, burst: 1 });
    expect(await limiter.take(rateLimitKey('slack', 'U1'))).toEqual({ allowed: true });
    expect(await limiter.take(rateLimitKey('slack', 'U1'))).toMatchObject({ allowed: false });
    expect(await limiter.take(rateLimitKey('slack', 'U2'))).toEqual({ allowed: true });
    expect(await limiter.take(rateLimitKey('discord', 'U1'))).toEqual({ allowed: true });
  });

  it('defaults to a burst of 3 and 10 a minute', async () => {
    expect(DEFAULT_RATE_LIMIT).toEqual({ perMinute: 10, burst: 3 });
    const limiter = createRateLimiter();
    const verdicts: boolean[] = [];
    for (let i = 0; i < 4; i += 1) verdicts.push((await limiter.take('k')).allowed);
    expect(verdicts).toEqual([true, true, true, false]);
  });

  it('holds a user to the per-minute rate over time', async () => {
    const limiter = createRateLimiter({ perMinute: 10, burst: 3 });
    let allowed = 0;
    // One attempt a second for ten minutes.
    for (let second = 0; second < 600; second += 1) {
      if ((await limiter.take('eager')).allowed) allowed += 1;
      vi.advanceTimersByTime(1_000);
    }
    // 10 a minute for ten minutes, give or take the burst at the edges of the windows.
    expect(allowed).toBeGreaterThanOrEqual(100);
    expect(allowed).toBeLessThanOrEqual(103);
  });

  it('rejects a rate or burst that is not positive', () => {
    expect(() => createRateLimiter({ perMinute: 0 })).toThrow(
      'rate limiter: perMinute must be positive, not 0',
    );
    expect(() => createRateLimiter({ burst: Number.NaN })).toThrow(/burst must be positive/);
  });
});

describe('windowSeconds', () => {
  it.each([
    [10, 3, 18],
    [1, 2, 120],
    [60, 1, 1],
    [1_000_000, 1_000, 1],
    [0.5, 1, 120],
  ])('gives %d a minute with a burst of %d a window of %d s', (perMinute, burst, seconds) => {
    expect(windowSeconds(perMinute, burst)).toBe(seconds);
  });
});
