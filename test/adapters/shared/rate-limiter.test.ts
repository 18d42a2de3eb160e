import { describe, expect, it } from 'vitest';
import {
  createRateLimiter,
  DEFAULT_RATE_LIMIT,
  rateLimitKey,
} from '../../../adapters/shared/rate-limiter.js';

function clock() {
  let time = 0;
  return {
    now: () => time,
    advance(ms: number) {
      time += ms;
    },
  };
}

describe('createRateLimiter', () => {
  it('allows a burst, then one question per refill interval', () => {
    const c = clock();
    const limiter = createRateLimiter({ perMinute: 10, burst: 3, now: c.now });
    for (let i = 0; i < 3; i += 1) expect(limiter.take('discord:1')).toEqual({ allowed: true });
    expect(limiter.take('discord:1')).toEqual({
      allowed: false,
      retryAfterMs: 6_000,
      notify: true,
    });
    c.advance(6_000);
    expect(limiter.take('discord:1')).toEqual({ allowed: true });
    expect(limiter.take('discord:1')).toMatchObject({ allowed: false });
  });

  it('tells a limited user once, and again only after they were allowed in between', () => {
    const c = clock();
    const limiter = createRateLimiter({ perMinute: 60, burst: 1, now: c.now });
    limiter.take('u');
    expect(limiter.take('u')).toMatchObject({ allowed: false, notify: true });
    expect(limiter.take('u')).toMatchObject({ allowed: false, notify: false });
    c.advance(500);
    expect(limiter.take('u')).toMatchObject({ allowed: false, notify: false, retryAfterMs: 500 });
    c.advance(500);
    expect(limiter.take('u')).toEqual({ allowed: true });
    expect(limiter.take('u')).toMatchObject({ allowed: false, notify: true });
  });

  it('keeps users apart: one user flooding does not limit another', () => {
    const limiter = createRateLimiter({ perMinute: 1, burst: 1, now: () => 0 });
    expect(limiter.take(rateLimitKey('slack', 'U1'))).toEqual({ allowed: true });
    expect(limiter.take(rateLimitKey('slack', 'U1'))).toMatchObject({ allowed: false });
    expect(limiter.take(rateLimitKey('slack', 'U2'))).toEqual({ allowed: true });
    expect(limiter.take(rateLimitKey('discord', 'U1'))).toEqual({ allowed: true });
  });

  it('defaults to 10 a minute with a burst of 3', () => {
    expect(DEFAULT_RATE_LIMIT).toEqual({ perMinute: 10, burst: 3 });
    const limiter = createRateLimiter({ now: () => 0 });
    const verdicts = Array.from({ length: 4 }, () => limiter.take('k').allowed);
    expect(verdicts).toEqual([true, true, true, false]);
  });

  it('forgets users whose bucket has refilled, so memory follows active users only', () => {
    const c = clock();
    const limiter = createRateLimiter({ perMinute: 60, burst: 2, now: c.now });
    for (let i = 0; i < 1_000; i += 1) limiter.take(`user-${i}`);
    expect(limiter.size).toBe(1_000);
    c.advance(2_000);
    limiter.take('late');
    expect(limiter.size).toBe(1);
  });

  it('never remembers more than maxUsers, dropping the longest idle first', () => {
    const limiter = createRateLimiter({ perMinute: 1, burst: 1, maxUsers: 100, now: () => 0 });
    for (let i = 0; i < 10_000; i += 1) limiter.take(`user-${i}`);
    expect(limiter.size).toBe(100);
    expect(limiter.take('user-9999')).toMatchObject({ allowed: false });
    expect(limiter.take('user-0')).toEqual({ allowed: true });
  });

  it('rejects a rate, burst or size that is not positive', () => {
    expect(() => createRateLimiter({ perMinute: 0 })).toThrow(
      'rate limiter: perMinute must be positive, not 0',
    );
    expect(() => createRateLimiter({ burst: Number.NaN })).toThrow(/burst must be positive/);
  });
});
