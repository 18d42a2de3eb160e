/** Latency figures of one timed run, in milliseconds. */
export interface LatencySummary {
  readonly samples: number;
  readonly meanMs: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** Questions answered per second, one after another on one core (1000 / mean). */
  readonly queriesPerSecond: number;
}

/**
 * The `p`-th percentile (0 < p ≤ 100) of `values` by the nearest-rank method: the smallest value
 * with at least p% of the values at or below it. Always one of the measured values.
 *
 * @throws {RangeError} on an empty list or a p outside (0, 100].
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError('percentile: no values');
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile: p must be in (0, 100], got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.max(0, rank - 1)] as number;
}

/** The median (the middle value, or the mean of the two middle values). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median: no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Summarises per-question latencies (ms) into percentiles and throughput. */
export function summarizeLatencies(valuesMs: readonly number[]): LatencySummary {
  if (valuesMs.length === 0) throw new RangeError('summarizeLatencies: no values');
  const total = valuesMs.reduce((sum, v) => sum + v, 0);
  const meanMs = total / valuesMs.length;
  return {
    samples: valuesMs.length,
    meanMs,
    p50Ms: percentile(valuesMs, 50),
    p95Ms: percentile(valuesMs, 95),
    p99Ms: percentile(valuesMs, 99),
    maxMs: Math.max(...valuesMs),
    queriesPerSecond: meanMs > 0 ? 1000 / meanMs : Number.POSITIVE_INFINITY,
  };
}
