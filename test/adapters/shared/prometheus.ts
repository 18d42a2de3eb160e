import parsePrometheusTextFormat, {
  type PrometheusFamily,
  type PrometheusSample,
} from 'parse-prometheus-text-format';
import { expect } from 'vitest';

/**
 * Fetches `GET /metrics` from `baseUrl` and parses it with a Prometheus text-format parser
 * (parse-prometheus-text-format, prom2json's output): a malformed exposition fails the test.
 */
export async function scrapeMetrics(baseUrl: string): Promise<PrometheusFamily[]> {
  const response = await fetch(`${baseUrl}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheusTextFormat(await response.text());
}

/** The sample of `name` whose labels include `labels`; fails the test when there is none. */
export function sampleOf(
  families: readonly PrometheusFamily[],
  name: string,
  labels: Record<string, string> = {},
): PrometheusSample {
  const family = families.find((f) => f.name === name);
  expect(family, `the metric ${name}`).toBeDefined();
  const sample = family?.metrics.find((m) =>
    Object.entries(labels).every(([key, value]) => m.labels?.[key] === value),
  );
  expect(sample, `${name} ${JSON.stringify(labels)}`).toBeDefined();
  return sample as PrometheusSample;
}

/** The value of a counter or gauge sample, as a number. */
export function metricValue(
  families: readonly PrometheusFamily[],
  name: string,
  labels: Record<string, string> = {},
): number {
  return Number(sampleOf(families, name, labels).value);
}

/** `article_qa_questions_total` of one platform, by outcome. */
export function questionsByOutcome(
  families: readonly PrometheusFamily[],
  platform: string,
): Record<string, number> {
  const family = families.find((f) => f.name === 'article_qa_questions_total');
  const counts: Record<string, number> = {};
  for (const sample of family?.metrics ?? []) {
    if (sample.labels?.platform === platform) {
      counts[sample.labels.outcome ?? ''] = Number(sample.value);
    }
  }
  return counts;
}

/**
 * How many observations a histogram holds, from its `+Inf` buckets (summed over its samples):
 * this parser keeps a labelled histogram's buckets but drops its labels, `_count` and `_sum`.
 */
export function histogramCount(families: readonly PrometheusFamily[], name: string): number {
  const family = families.find((f) => f.name === name);
  expect(family?.type, `the histogram ${name}`).toBe('HISTOGRAM');
  return (family?.metrics ?? []).reduce((sum, m) => sum + Number(m.buckets?.['+Inf'] ?? 0), 0);
}

/** One line on a scrape for the test's report: families parsed, and the requests by outcome. */
export function describeScrape(families: readonly PrometheusFamily[], platform: string): string {
  const questions = JSON.stringify(questionsByOutcome(families, platform));
  return `/metrics: ${families.length} metric families parsed, ${platform} questions ${questions}`;
}

/** Polls `GET /healthz` until its status is `status`; resolves with the body. */
export async function healthOnceItIs(baseUrl: string, status: number, ms = 15_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const response = await fetch(`${baseUrl}/healthz`).catch(() => null);
    if (response?.status === status) return (await response.json()) as Record<string, unknown>;
    await response?.text();
    if (Date.now() > deadline) throw new Error(`/healthz did not answer ${status} in ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
