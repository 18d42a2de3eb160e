import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median, percentile, summarizeLatencies } from '../../bench/stats.js';

describe('percentile', () => {
  it('picks the nearest-rank value: the smallest with at least p% of values at or below it', () => {
    const values = [15, 20, 35, 40, 50];
    expect(percentile(values, 5)).toBe(15);
    expect(percentile(values, 30)).toBe(20);
    expect(percentile(values, 40)).toBe(20);
    expect(percentile(values, 50)).toBe(35);
    expect(percentile(values, 100)).toBe(50);
  });

  it('gives p50 / p95 / p99 of 1..100 as 50, 95 and 99, whatever the input order', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect([percentile(values, 50), percentile(values, 95), percentile(values, 99)]).toEqual([
      50, 95, 99,
    ]);
  });

  it('gives the largest value as p99 of fewer than 100 values', () => {
    expect(percentile([3, 1, 2], 99)).toBe(3);
  });

  it('rejects an empty list and a p outside (0, 100]', () => {
    expect(() => percentile([], 50)).toThrow('percentile: no values');
    expect(() => percentile([1], 0)).toThrow('p must be in (0, 100], got 0');
    expect(() => percentile([1], 101)).toThrow('p must be in (0, 100], got 101');
  });

  it('always returns one of the values, and never less for a higher p', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, min: 0, max: 1e6 }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 100 }),
        (values, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(values).toContain(percentile(values, low));
          expect(percentile(values, low)).toBeLessThanOrEqual(percentile(values, high));
        },
      ),
    );
  });

  it('leaves the input list in its order', () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('median', () => {
  it('takes the middle value of an odd count and the mean of the two middle ones of an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('rejects an empty list', () => {
    expect(() => median([])).toThrow('median: no values');
  });
});

describe('summarizeLatencies', () => {
  it('reports the percentiles, the mean, the maximum and queries per second from the mean', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(summarizeLatencies(values)).toEqual({
      samples: 100,
      meanMs: 50.5,
      p50Ms: 50,
      p95Ms: 95,
      p99Ms: 99,
      maxMs: 100,
      queriesPerSecond: 1000 / 50.5,
    });
  });

  it('rejects an empty run', () => {
    expect(() => summarizeLatencies([])).toThrow('summarizeLatencies: no values');
  });
});
