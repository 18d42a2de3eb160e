import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** What the metrics read of a request's outcome (the gate's `RequestOutcome`). */
export interface ObservedOutcome {
  readonly outcome: string;
  /** For `answered`: false when the core found nothing. */
  readonly answered?: boolean | undefined;
}

/**
 * The bot's Prometheus metrics (prom-client), one registry per process. Label values are
 * platform names and outcomes only: never a user, a channel or a question.
 */
export interface BotMetrics {
  readonly registry: Registry;
  /** One request served by the gate: its outcome and how long it took. */
  observeRequest(platform: string, outcome: ObservedOutcome, seconds: number): void;
  /** The corpus now answered from. */
  setCorpus(articles: number, paragraphs: number): void;
  /** A corpus reload that swapped in a new index (`seconds` long), or one that failed. */
  observeReload(succeeded: boolean, seconds?: number): void;
  /** A request to shared state that Redis could not serve, so the local store did. */
  countRedisFallback(store: string): void;
  /** Whether shared state is on Redis (1) or on the local store during an outage (0). */
  setRedisUp(up: boolean): void;
}

/** The outcome label of a request: an answer found, none found, or how it was turned away. */
function outcomeLabel(outcome: ObservedOutcome): string {
  if (outcome.outcome === 'answered') return outcome.answered === false ? 'not_found' : 'answered';
  return outcome.outcome.replace('-', '_');
}

/** Answer latencies from a cached question (milliseconds) to a slow one on a large corpus. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Creates the registry and the bot's metrics, with Node's default process metrics
 * (`process_*`, `nodejs_*`) unless `defaultMetrics` is false.
 */
export function createBotMetrics(options: { defaultMetrics?: boolean } = {}): BotMetrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const questions = new Counter({
    name: 'article_qa_questions_total',
    help: 'Requests served, by platform and outcome (answered, not_found, usage, too_long, rate_limited, silent, failed, other).',
    labelNames: ['platform', 'outcome'],
    registers,
  });
  const latency = new Histogram({
    name: 'article_qa_answer_duration_seconds',
    help: 'Time from a question arriving to its answer being sent, for requests the core answered.',
    labelNames: ['platform'],
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const rateLimited = new Counter({
    name: 'article_qa_rate_limited_total',
    help: 'Requests turned away by the per-user rate limit (told or silent).',
    labelNames: ['platform'],
    registers,
  });
  // Every shard of a sharded bot loads the same corpus: aggregated, the largest is the truth.
  const articles = new Gauge({
    name: 'article_qa_articles_loaded',
    help: 'Articles in the corpus answered from.',
    aggregator: 'max',
    registers,
  });
  const paragraphs = new Gauge({
    name: 'article_qa_paragraphs_loaded',
    help: 'Paragraphs in the corpus answered from.',
    aggregator: 'max',
    registers,
  });
  const reloads = new Counter({
    name: 'article_qa_corpus_reloads_total',
    help: 'Corpus reloads that swapped in a new index.',
    registers,
  });
  const reloadFailures = new Counter({
    name: 'article_qa_corpus_reload_failures_total',
    help: 'Corpus reloads that failed (a broken article); the previous corpus kept serving.',
    registers,
  });
  const reloadSeconds = new Histogram({
    name: 'article_qa_corpus_reload_duration_seconds',
    help: 'Time from a corpus reload starting to the new index answering.',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers,
  });
  const fallbacks = new Counter({
    name: 'article_qa_redis_fallbacks_total',
    help: 'Shared-state requests served by the local store because Redis was unavailable.',
    labelNames: ['store'],
    registers,
  });
  const redisUp = new Gauge({
    name: 'article_qa_redis_up',
    help: 'Whether shared state is on Redis (1) or on the local store (0); absent without REDIS_URL.',
    aggregator: 'min',
    registers,
  });

  return {
    registry,
    observeRequest(platform, outcome, seconds) {
      questions.inc({ platform, outcome: outcomeLabel(outcome) });
      if (outcome.outcome === 'rate-limited' || outcome.outcome === 'silent') {
        rateLimited.inc({ platform });
      }
      if (outcome.outcome === 'answered') latency.observe({ platform }, seconds);
    },
    setCorpus(articleCount, paragraphCount) {
      articles.set(articleCount);
      paragraphs.set(paragraphCount);
    },
    observeReload(succeeded, seconds) {
      if (!succeeded) {
        reloadFailures.inc();
        return;
      }
      reloads.inc();
      if (seconds !== undefined) reloadSeconds.observe(seconds);
    },
    countRedisFallback: (store) => fallbacks.inc({ store }),
    setRedisUp: (up) => redisUp.set(up ? 1 : 0),
  };
}
