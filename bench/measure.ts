import { performance } from 'node:perf_hooks';
import type { BenchEngine, EngineResponse } from './engines.js';
import type { BenchQuery, QueryStyle, QueryTarget } from './queries.js';

/** Hit rates of one share of the questions (all answerable ones, or one style). */
export interface HitRates {
  readonly questions: number;
  /** Share (0–1) whose target paragraph came first. */
  readonly top1: number;
  /** Share (0–1) whose target paragraph was among the first 10. */
  readonly top10: number;
}

/** Retrieval quality over a query set. */
export interface RetrievalFigures extends HitRates {
  /** Share (0–1) of answerable questions reported as answered. */
  readonly answered: number;
  readonly unanswerable: number;
  /** Share (0–1) of unanswerable questions reported as not answered; null without any. */
  readonly abstained: number | null;
  /** Hit rates of the answerable questions with each style (typo, lower, prefix). */
  readonly byStyle: Partial<Record<QueryStyle, HitRates>>;
}

/**
 * True when `hit` is the target, or a paragraph with exactly the target's text (a duplicate
 * cannot be told apart, so finding either counts).
 */
export function isSameParagraph(
  hit: QueryTarget,
  target: QueryTarget,
  textOf: (place: QueryTarget) => string | undefined,
): boolean {
  if (hit.documentId === target.documentId && hit.paragraph === target.paragraph) return true;
  const text = textOf(target);
  return text !== undefined && textOf(hit) === text;
}

/** Scores the responses (`responses[i]` answers `queries[i]`) against the known targets. */
export function scoreRetrieval(
  queries: readonly BenchQuery[],
  responses: readonly EngineResponse[],
  textOf: (place: QueryTarget) => string | undefined,
): RetrievalFigures {
  const tally = (picked: number[]): HitRates => {
    let top1 = 0;
    let top10 = 0;
    for (const i of picked) {
      const target = queries[i]?.target;
      const hits = responses[i]?.hits ?? [];
      if (!target) continue;
      const rank = hits.findIndex((h) => isSameParagraph(h, target, textOf));
      if (rank === 0) top1 += 1;
      if (rank >= 0 && rank < 10) top10 += 1;
    }
    const n = picked.length;
    return { questions: n, top1: n ? top1 / n : 0, top10: n ? top10 / n : 0 };
  };
  const answerable = queries.flatMap((q, i) => (q.target ? [i] : []));
  const unanswerable = queries.flatMap((q, i) => (q.target ? [] : [i]));
  const byStyle: Partial<Record<QueryStyle, HitRates>> = {};
  for (const style of ['typo', 'lower', 'prefix'] as const) {
    const picked = answerable.filter((i) => queries[i]?.styles.includes(style));
    if (picked.length > 0) byStyle[style] = tally(picked);
  }
  const share = (picked: number[], test: (r: EngineResponse | undefined) => boolean) =>
    picked.length ? picked.filter((i) => test(responses[i])).length / picked.length : null;
  return {
    ...tally(answerable),
    answered: share(answerable, (r) => r?.answered === true) ?? 0,
    unanswerable: unanswerable.length,
    abstained: share(unanswerable, (r) => r?.answered === false),
    byStyle,
  };
}

/** Options for {@link warmUp} and {@link timeQueries}. */
export interface TimingOptions {
  /** Warm-up: questions asked at most. @default 50 */
  warmUpQuestions?: number;
  /** Timed passes over the whole set at most. @default 3 */
  maxPasses?: number;
  /** No further timed pass starts after this many milliseconds (warm-up: half). @default 20_000 */
  budgetMs?: number;
}

/**
 * Asks the first questions untimed, so that the timed passes measure compiled, warmed-up code
 * (at most `warmUpQuestions`, and no more after half the budget). Returns the time it took.
 */
export function warmUp(
  engine: BenchEngine,
  queries: readonly BenchQuery[],
  options: TimingOptions = {},
): number {
  const limit = Math.min(queries.length, options.warmUpQuestions ?? 50);
  const budgetMs = (options.budgetMs ?? 20_000) / 2;
  const started = performance.now();
  for (let i = 0; i < limit && performance.now() - started < budgetMs; i += 1) {
    engine.ask(queries[i]?.text ?? '');
  }
  return performance.now() - started;
}

/** Latencies of every timed question, and the responses of the first pass. */
export interface TimedRun {
  readonly latenciesMs: number[];
  readonly responses: EngineResponse[];
}

/**
 * Times each question on its own, over one or more passes of the whole set, one after another
 * on this thread (a pass always completes; no new one starts once the budget is spent). Call it
 * after {@link warmUp}.
 */
export function timeQueries(
  engine: BenchEngine,
  queries: readonly BenchQuery[],
  options: TimingOptions = {},
): TimedRun {
  const maxPasses = options.maxPasses ?? 3;
  const budgetMs = options.budgetMs ?? 20_000;
  const latenciesMs: number[] = [];
  const responses: EngineResponse[] = [];
  const started = performance.now();
  for (let pass = 0; pass < maxPasses; pass += 1) {
    if (pass > 0 && performance.now() - started > budgetMs) break;
    for (const query of queries) {
      const t0 = performance.now();
      const response = engine.ask(query.text);
      latenciesMs.push(performance.now() - t0);
      if (pass === 0) responses.push(response);
    }
  }
  return { latenciesMs, responses };
}
